import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DEFAULT_INFLATION_THRESHOLDS, emptyReportContent, type Indicator } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, startSeededApi, unionReport2024, type Session } from './support/harness';

/** 赵县总工会 2024 (the sample): 执行率 10/10 and nine indicators of 10; self-scores total 95. */
const RESCORES = [
  { row: 'funding', score: '8', note: '执行率按调整后预算复核' },
  { row: 'indicators.5', score: '6', note: '活动照片不足以证明「明显丰富」' },
  { row: 'indicators.6', score: '4' },
  { row: 'indicators.8', score: '9' },
  { row: 'indicators.7', score: null, note: '同意自评' },
];

/** 财政复核评分 (real API and PostgreSQL): writes, refusals, 412, who sees what when, audit, 县级概览. */
describe('finance re-scoring (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let approver: Session;
  let foreign: Session;
  let id: string;
  /** the reviewer's view before anyone re-scored: what the department must see until approval */
  let unscored: Record<string, unknown>;

  const call = (s: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object, headers = {}) =>
    as(app, s)({ method, url: `/api${url}`, payload, headers });
  const rescore = (s: Session) => call(s, 'GET', `/reports/${id}/rescore`);
  const put = (s: Session, rows: unknown, version: string | null, reportId = id) =>
    call(s, 'PUT', `/reports/${reportId}/rescore`, { rows }, version === null ? {} : { 'if-match': version });
  const reportOf = async (s: Session = editor) => (await call(s, 'GET', `/reports/${id}`)).json();
  const act = async (s: Session, action: string, reason?: string) => {
    const res = await call(s, 'POST', `/reports/${id}/transitions`, {
      action,
      reason,
      expectedVersion: (await reportOf(reviewer)).version,
    });
    if (res.statusCode !== 200) throw new Error(`${action}: ${res.body}`);
  };
  const dashboardRow = async () => {
    const res = await call(reviewer, 'GET', '/dashboard?fiscalYear=2024');
    const union = res.json().departments.find((d: { name: string }) => d.name === '赵县总工会');
    return { report: union.report, flags: union.flags };
  };

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, approver, foreign] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'luancheng.finance.reviewer',
    ]);
    id = await unionReport2024(db);
  });
  afterAll(async () => {
    await close?.();
  });

  it('shows the self-scores and is closed to re-scoring while the report is a draft', async () => {
    const res = await rescore(reviewer);
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"0"');
    const view = res.json();
    expect(view).toMatchObject({
      version: 0,
      editable: false,
      rule: { mode: 'replace', weight: null },
      totals: { weight: '100.00', self: '95.00', reScore: null, final: '95.00', difference: null },
      updatedBy: null,
    });
    expect(view.rows).toHaveLength(10);
    expect(view.rows[0]).toMatchObject({ row: 'funding', label: '预算执行率', weight: '10', selfScore: '10' });
    expect(view.rows[7]).toMatchObject({ row: 'indicators.6', label: '第 7 项指标「困难职工帮扶覆盖情况」' });
    const closed = await put(reviewer, RESCORES, '"0"');
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'RESCORE_CLOSED', message: '报告只有在已提交或审核中时才能复核评分' });
  });

  it('refuses bad re-scores with a stable code, naming the row, and stores nothing', async () => {
    await act(editor, 'submit');
    unscored = (await rescore(reviewer)).json();
    expect(unscored).toMatchObject({ editable: true, version: 0 });
    const refused = async (rows: unknown, code: string, message: string) => {
      const res = await put(reviewer, rows, '"0"');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code, message });
    };
    await refused(
      [{ row: 'indicators.6', score: '10.5' }],
      'RESCORE_ABOVE_WEIGHT',
      '第 7 项指标「困难职工帮扶覆盖情况」的复核得分 10.5 超过分值 10',
    );
    await refused(
      [{ row: 'indicators.0', score: '-1' }],
      'RESCORE_SCORE_INVALID',
      '第 1 项指标「上解市总工会经费」的复核得分应为不小于 0 的数，最多 2 位小数',
    );
    await refused(
      [{ row: 'funding', score: '8.125' }],
      'RESCORE_SCORE_INVALID',
      '预算执行率的复核得分应为不小于 0 的数，最多 2 位小数',
    );
    // a JSON number may already have lost digits: refused like any other non-decimal-string
    await refused(
      [{ row: 'funding', score: 8 }],
      'RESCORE_SCORE_INVALID',
      '预算执行率的复核得分应为不小于 0 的数，最多 2 位小数',
    );
    await refused([{ row: 'indicators.9', score: '1' }], 'RESCORE_ROW_UNKNOWN', '自评表中没有「indicators.9」这一行');
    // one bad row refuses the whole set: nothing half applied
    await refused(
      [...RESCORES, { row: 'indicators.1', score: '11' }],
      'RESCORE_ABOVE_WEIGHT',
      '第 2 项指标「困难职工及劳模帮扶救助资金发放」的复核得分 11 超过分值 10',
    );
    expect((await put(reviewer, RESCORES, null)).statusCode).toBe(428);
    expect((await put(reviewer, 'all', '"0"')).json().code).toBe('VALIDATION_FAILED');
    expect((await rescore(reviewer)).json()).toEqual(unscored);
  });

  it('stores the re-scores beside the self-scores, which stay as they were, and audits who re-scored', async () => {
    const partBefore = (await call(reviewer, 'GET', `/reports/${id}/parts/scoreTable`)).json();
    const res = await put(reviewer, RESCORES, '"0"');
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"1"');
    const view = res.json();
    // 8 + 6 + 4 + 9 replace 10 + 10 + 8 + 10: 95 − 11 = 84, 良好 under 赵县's bands
    expect(view.totals).toEqual({
      weight: '100.00',
      self: '95.00',
      reScore: '84.00',
      final: '84.00',
      difference: '11.00',
      finalGrade: 'good',
      finalGradeLabel: '良好',
    });
    expect(view).toMatchObject({ version: 1, updatedBy: expect.any(String), outdated: 0 });
    expect(view.rows[0]).toMatchObject({ selfScore: '10', reScore: '8', final: '8.00', difference: '2.00' });
    expect(view.rows[8]).toMatchObject({ selfScore: '7', reScore: null, note: '同意自评', difference: null });
    expect((await call(reviewer, 'GET', `/reports/${id}/parts/scoreTable`)).json()).toEqual(partBefore);
    expect((await reportOf(reviewer)).totalScore).toBe('95.00');

    const [entry] = await db.owner(
      async (c) =>
        (
          await c.query(
            `SELECT actor_username, action, details FROM audit_log WHERE action = 'report.rescored' AND target_id = $1`,
            [id],
          )
        ).rows,
    );
    expect(entry).toMatchObject({
      actor_username: 'zhaoxian.finance.reviewer',
      details: { version: 1, to: { rescoreTotal: '84.00', finalScore: '84.00', finalGrade: 'good' } },
    });
  });

  it('refuses a re-score based on a stale version with 412 and the current one', async () => {
    const stale = await put(approver, [{ row: 'funding', score: '10' }], '"0"');
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({
      code: 'VERSION_MISMATCH',
      details: { currentVersion: 1, current: { totals: { reScore: '84.00' } } },
    });
    expect((await rescore(reviewer)).json().totals.reScore).toBe('84.00');
  });

  it('shows the department nothing before approval: the answer of a report nobody re-scored', async () => {
    await act(reviewer, 'start_review');
    for (const s of [editor, head]) {
      const res = await rescore(s);
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe('"0"');
      expect(res.json()).toEqual({ ...unscored, editable: false });
    }
    // and may not write one
    expect((await put(editor, RESCORES, '"1"')).statusCode).toBe(403);
    // another county's finance bureau does not find the report
    expect((await rescore(foreign)).statusCode).toBe(404);
    expect((await put(foreign, RESCORES, '"1"')).statusCode).toBe(404);
  });

  it('raises 「自评得分高于复核得分」 on 县级概览 and lists the re-score there', async () => {
    const { report, flags } = await dashboardRow();
    expect(report).toMatchObject({
      totalScore: '95.00',
      reScore: '84.00',
      finalScore: '84.00',
      finalGrade: 'good',
      finalGradeLabel: '良好',
      scoreDifference: '11.00',
    });
    expect(flags).toContainEqual({
      rule: 'self-above-rescore',
      severity: 'red',
      message: '自评得分 95 分，财政复核得分 84 分，高出 11 分（超过 10 分）',
    });
  });

  it('after approval shows both sides the difference, and closes re-scoring', async () => {
    await act(approver, 'approve');
    const reviewerView = (await rescore(reviewer)).json();
    for (const s of [editor, head]) {
      const view = (await rescore(s)).json();
      expect(view).toEqual({ ...reviewerView, editable: false });
      expect(view.totals).toMatchObject({ self: '95.00', reScore: '84.00', difference: '11.00', final: '84.00' });
    }
    const closed = await put(approver, RESCORES, '"1"');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('RESCORE_CLOSED');
  });

  it('a reopened report hides them again; its resubmission brings the stored totals in line', async () => {
    await act(approver, 'reopen', '自评得分需按复核意见调整');
    expect((await rescore(editor)).json()).toMatchObject({ version: 0, totals: { reScore: null } });
    // the department lowers 预算管理水平 from 7 to 6, and its total with it
    const edit = async (part: string, change: (c: Record<string, unknown>) => void) => {
      const current = (await reportOf()).parts[part];
      const content = structuredClone(current.content);
      change(content);
      const res = await call(editor, 'PUT', `/reports/${id}/parts/${part}`, content, {
        'if-match': `"${current.version}"`,
      });
      expect(res.statusCode).toBe(200);
    };
    await edit('scoreTable', (c) => {
      (c['indicators'] as Indicator[])[7].score = '6';
    });
    await edit('conclusion', (c) => {
      c['totalScore'] = '94';
    });
    await act(editor, 'submit');
    const view = (await rescore(reviewer)).json();
    // the re-scores stay (version 1); the self total is 94, so the gap is 10
    expect(view).toMatchObject({ version: 1, totals: { self: '94.00', reScore: '83.00', difference: '11.00' } });
    expect((await dashboardRow()).report).toMatchObject({ reScore: '83.00', finalScore: '83.00' });
  });

  it("keeps thresholds stored before the re-score gap existed, adding the gap's default", async () => {
    const zhaoxian = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
    const old = {
      ...DEFAULT_INFLATION_THRESHOLDS,
      highScoreLowRate: { minScore: '96', yellowRateBelow: '90', redRateBelow: '80' },
    };
    delete (old as Partial<typeof old>).selfAboveReScore;
    await db.owner((c) =>
      c.query(
        `INSERT INTO tenant_settings (tenant_id, grade_bands, inflation_thresholds)
         VALUES ($1, '[]'::jsonb, $2)
         ON CONFLICT (tenant_id) DO UPDATE SET inflation_thresholds = EXCLUDED.inflation_thresholds`,
        [zhaoxian, JSON.stringify(old)],
      ),
    );
    const settings = (await call(reviewer, 'GET', '/settings')).json();
    expect(settings.inflationThresholds).toEqual({
      ...old,
      selfAboveReScore: DEFAULT_INFLATION_THRESHOLDS.selfAboveReScore,
    });
  });

  it('weighted: a county template with w = 0.6 counts 0.6 × re-score + 0.4 × self-score', async () => {
    const zhaoxian = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
    const union = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
    const builtin = await idOf(
      db,
      `SELECT v.id FROM report_template_versions v JOIN report_templates t ON t.id = v.template_id
        WHERE v.tenant_id IS NULL AND t.kind = 'department_overall' ORDER BY v.version LIMIT 1`,
    );
    const template = await idOf(
      db,
      `INSERT INTO report_templates (tenant_id, kind, name) VALUES ($1, 'department_overall', '加权复核模板') RETURNING id`,
      [zhaoxian],
    );
    const version = await idOf(
      db,
      `INSERT INTO report_template_versions (template_id, tenant_id, version, definition)
       SELECT $1, $2, 1, definition || '{"rescoring": {"mode": "weighted", "weight": "0.6"}}'::jsonb
         FROM report_template_versions WHERE id = $3 RETURNING id`,
      [template, zhaoxian, builtin],
    );
    await db.owner((c) =>
      c.query(
        `INSERT INTO template_publications (tenant_id, fiscal_year, kind, template_version_id)
         VALUES ($1, 2022, 'department_overall', $2)`,
        [zhaoxian, version],
      ),
    );
    const content = emptyReportContent({ departmentName: '赵县总工会', fiscalYear: 2022 });
    content.scoreTable.funding.weight = '20';
    content.scoreTable.funding.score = '19.5';
    const weighted = await insertReport(db, union, 2022, 'submitted', content);
    const res = await put(reviewer, [{ row: 'funding', score: '12.25' }], '"0"', weighted);
    expect(res.statusCode).toBe(200);
    // 0.6 × 12.25 + 0.4 × 19.5 = 7.35 + 7.8 = 15.15; the default bands grade it 差
    expect(res.json()).toMatchObject({
      rule: { mode: 'weighted', weight: '0.6' },
      rows: [{ row: 'funding', reScore: '12.25', final: '15.15', difference: '7.25' }],
      totals: { self: '19.50', reScore: '12.25', final: '15.15', difference: '7.25', finalGrade: 'poor' },
    });
  });
});
