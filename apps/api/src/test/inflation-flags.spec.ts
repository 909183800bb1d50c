import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DEFAULT_INFLATION_THRESHOLDS,
  emptyReportContent,
  type Indicator,
  type InflationThresholds,
  type ReportStatus,
} from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, startSeededApi, type Session } from './support/harness';

interface DepartmentRow {
  name: string;
  light: string | null;
  flags: Array<{ rule: string; severity: string; message: string }>;
}

const indicator = (i: number, overrides: Partial<Indicator> = {}): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  level3: `指标${i}`,
  nature: '>=',
  target: '100',
  unit: '%',
  actual: '100',
  weight: '10',
  score: '10',
  deviationNote: '',
  evidence: '',
  ...overrides,
});
const qualitative = (i: number) =>
  indicator(i, { nature: 'qualitative', target: `目标${i}`, actual: `完成${i}`, unit: '' });

/** Score-inflation flags (虚高预警) on 县级概览 and their thresholds in 本县设置 (real API and PostgreSQL). */
describe('score-inflation flags on the county dashboard (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let reviewer: Session;
  let admin: Session;
  let editor: Session;
  let foreignReviewer: Session;
  let foreignAdmin: Session;
  let zhaoxian: string;
  let luancheng: string;

  const dashboard = (s: Session) => as(app, s)({ method: 'GET', url: '/api/dashboard?fiscalYear=2022' });
  const rowsOf = async (s: Session): Promise<Map<string, DepartmentRow>> => {
    const res = await dashboard(s);
    expect(res.statusCode).toBe(200);
    const departments = res.json().departments as DepartmentRow[];
    return new Map(departments.map((d) => [d.name, { name: d.name, light: d.light, flags: d.flags }]));
  };
  const settingsVersion = (tenantId: string) =>
    db.owner(
      async (c) =>
        ((await c.query(`SELECT version FROM tenant_settings WHERE tenant_id = $1`, [tenantId])).rows[0]?.version ??
          0) as number,
    );
  const setThresholds = async (s: Session, tenantId: string, inflationThresholds: unknown) =>
    as(
      app,
      s,
    )({
      method: 'PATCH',
      url: '/api/settings',
      headers: { 'if-match': `"${await settingsVersion(tenantId)}"` },
      payload: { inflationThresholds },
    });

  const department = (tenantId: string, name: string) =>
    idOf(db, `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, $2, 'budget_department') RETURNING id`, [
      tenantId,
      name,
    ]);
  /** A 部门整体 report with these indicator rows; its summary columns set as stated (the dashboard reads them). */
  const report = async (
    departmentId: string,
    name: string,
    fiscalYear: number,
    status: ReportStatus,
    figures: { totalScore: string; executionRate: string; indicators?: Indicator[] },
  ) => {
    const content = emptyReportContent({ departmentName: name, fiscalYear });
    content.scoreTable.indicators = figures.indicators ?? [];
    const id = await insertReport(db, departmentId, fiscalYear, status, content);
    await db.owner((c) =>
      c.query(`UPDATE reports SET total_score = $2, execution_rate = $3 WHERE id = $1`, [
        id,
        figures.totalScore,
        figures.executionRate,
      ]),
    );
    return id;
  };
  /** 佐证材料 files attached to the report's rows, by their 三级指标 names (the flags count them per row). */
  const attachFiles = (reportId: string, indicators: string[]) =>
    db.owner((c) =>
      c.query(
        `INSERT INTO report_evidence (tenant_id, report_id, indicator, file_name, kind, content_type, size_bytes, sha256,
                                      storage_key, uploaded_by)
         SELECT r.tenant_id, r.id, i, i || '.pdf', 'pdf', 'application/pdf', 100, repeat('c', 64), 'flags/' || i,
                (SELECT u.id FROM users u WHERE u.tenant_id = r.tenant_id ORDER BY u.created_at LIMIT 1)
           FROM reports r, unnest($2::text[]) AS i WHERE r.id = $1`,
        [reportId, indicators],
      ),
    );

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [reviewer, admin, editor, foreignReviewer, foreignAdmin] = await loginAll(app, [
      'zhaoxian.finance.reviewer',
      'zhaoxian.admin',
      'zhaoxian.union.editor',
      'luancheng.finance.reviewer',
      'luancheng.admin',
    ]);
    zhaoxian = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
    luancheng = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`);

    const plain = { totalScore: '88.00', executionRate: '97.00' };
    // 赵县 2022, each department raising one flag (2021: the year before)
    const complete = await department(zhaoxian, '赵县甲局');
    await report(complete, '赵县甲局', 2022, 'submitted', {
      ...plain,
      indicators: [1, 2, 3, 4].map((i) => indicator(i)),
    });
    const highScore = await department(zhaoxian, '赵县乙局');
    await report(highScore, '赵县乙局', 2022, 'approved', { totalScore: '96.00', executionRate: '84.50' });
    const rising = await department(zhaoxian, '赵县丙局');
    await report(rising, '赵县丙局', 2021, 'approved', { totalScore: '88.00', executionRate: '97.70' });
    await report(rising, '赵县丙局', 2022, 'in_review', { totalScore: '94.00', executionRate: '90.50' });
    const copied = await department(zhaoxian, '赵县丁局');
    const rows = [1, 2, 3, 4, 5].map(qualitative);
    await report(copied, '赵县丁局', 2021, 'approved', { ...plain, indicators: rows });
    // the copied rows have files: only the copying is flagged
    await attachFiles(await report(copied, '赵县丁局', 2022, 'returned', { ...plain, indicators: rows }), [
      '指标1',
      '指标2',
      '指标3',
      '指标4',
      '指标5',
    ]);
    const clean = await department(zhaoxian, '赵县戊局');
    const withEvidence = [1, 2, 3, 4].map((i) => indicator(i, { evidence: '台账' }));
    await report(clean, '赵县戊局', 2021, 'approved', { totalScore: '90.00', executionRate: '95.00' });
    const cleanReport = await report(clean, '赵县戊局', 2022, 'submitted', {
      totalScore: '90.00',
      executionRate: '95.00',
      indicators: withEvidence,
    });
    // a file on each full-mark row (and one on a row of another name, which counts for none)
    await attachFiles(cleanReport, ['指标1', '指标2', '指标3', '指标4', '别的指标']);
    // a draft is still being written: not judged
    const drafting = await department(zhaoxian, '赵县己局');
    await report(drafting, '赵县己局', 2022, 'draft', { totalScore: '99.00', executionRate: '50.00' });

    // 栾城区: the same department names would collide with nothing; its report would be red under any thresholds
    const foreign = await department(luancheng, '栾城区甲局');
    await report(foreign, '栾城区甲局', 2021, 'approved', { totalScore: '60.00', executionRate: '99.00' });
    await report(foreign, '栾城区甲局', 2022, 'submitted', {
      totalScore: '99.00',
      executionRate: '50.00',
      indicators: [1, 2, 3, 4, 5, 6].map((i) => indicator(i)),
    });
  });

  afterAll(async () => {
    await close?.();
  });

  it('flags each department with the numbers, and lights it red, yellow or green by the default thresholds', async () => {
    const rows = await rowsOf(reviewer);
    expect(rows.get('赵县甲局')).toEqual({
      name: '赵县甲局',
      light: 'red',
      flags: [
        {
          rule: 'all-complete-little-evidence',
          severity: 'red',
          message: '全部 4 项定量指标完成率均为 100%，其中 4 项未附佐证',
        },
        // nothing written and no file: the full marks have nothing to show either
        {
          rule: 'full-marks-without-files',
          severity: 'yellow',
          message: '4 项指标得满分而未附佐证材料（如「指标1」、「指标2」、「指标3」）',
        },
      ],
    });
    expect(rows.get('赵县乙局')).toEqual({
      name: '赵县乙局',
      light: 'yellow',
      flags: [
        { rule: 'high-score-low-execution', severity: 'yellow', message: '总分 96 分而执行率仅 84.50%（低于 90%）' },
      ],
    });
    expect(rows.get('赵县丙局')).toEqual({
      name: '赵县丙局',
      light: 'yellow',
      flags: [
        {
          rule: 'score-up-execution-down',
          severity: 'yellow',
          message: '得分较上年升高 6 分，而执行率较上年下降 7.20 个百分点',
        },
      ],
    });
    expect(rows.get('赵县丁局')).toEqual({
      name: '赵县丁局',
      light: 'yellow',
      flags: [{ rule: 'copied-full-marks', severity: 'yellow', message: '5 项指标与上年完全相同且均得满分' }],
    });
    expect(rows.get('赵县戊局')).toEqual({ name: '赵县戊局', light: 'green', flags: [] });
    // a draft and a department without a report of the year are not judged
    expect(rows.get('赵县己局')).toEqual({ name: '赵县己局', light: null, flags: [] });
    expect(rows.get('赵县总工会')).toEqual({ name: '赵县总工会', light: null, flags: [] });
  });

  it('follows the thresholds the county sets, and another county’s data and thresholds never reach it', async () => {
    // 栾城区 makes its own thresholds as strict as they go: nothing changes in 赵县
    const strict: InflationThresholds = {
      allComplete: { minIndicators: 1, yellowShare: '0.01', redShare: '0.01' },
      highScoreLowRate: { minScore: '0.01', yellowRateBelow: '100', redRateBelow: '100' },
      scoreUpRateDown: { minScoreRise: '0.01', yellowRateFall: '0.01', redRateFall: '0.01' },
      copiedFullMarks: { yellowCount: 1, redCount: 1 },
      selfAboveReScore: { yellowGap: '0.01', redGap: '0.01' },
      fullMarksWithoutFiles: { yellowCount: 1, redCount: 1 },
    };
    expect((await setThresholds(foreignAdmin, luancheng, strict)).statusCode).toBe(200);
    const before = await rowsOf(reviewer);
    expect([...before.keys()].some((name) => name.startsWith('栾城'))).toBe(false);
    expect(before.get('赵县戊局')?.light).toBe('green');
    expect(before.get('赵县乙局')?.light).toBe('yellow');
    // 栾城区 sees its own department flagged, by its own thresholds
    const foreign = (await rowsOf(foreignReviewer)).get('栾城区甲局');
    expect(foreign?.light).toBe('red');
    expect(foreign?.flags.map((f) => f.rule)).toEqual([
      'all-complete-little-evidence',
      'high-score-low-execution',
      'score-up-execution-down',
      'full-marks-without-files',
    ]);

    // 赵县 raises its red line for 执行率 to 85 %: 赵县乙局 (84.50 %) turns red
    const raised = {
      ...DEFAULT_INFLATION_THRESHOLDS,
      highScoreLowRate: { ...DEFAULT_INFLATION_THRESHOLDS.highScoreLowRate, redRateBelow: '85' },
    };
    const saved = await setThresholds(admin, zhaoxian, raised);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().inflationThresholds).toEqual(raised);
    const settings = await as(app, admin)({ method: 'GET', url: '/api/settings' });
    expect(settings.json().inflationThresholds).toEqual(raised);
    expect((await rowsOf(reviewer)).get('赵县乙局')).toEqual({
      name: '赵县乙局',
      light: 'red',
      flags: [
        { rule: 'high-score-low-execution', severity: 'red', message: '总分 96 分而执行率仅 84.50%（低于 85%）' },
      ],
    });
  });

  it('refuses a bad threshold with 400, the field and a Chinese message, and keeps the old ones', async () => {
    const before = (await as(app, admin)({ method: 'GET', url: '/api/settings' })).json().inflationThresholds;
    const bad = {
      ...DEFAULT_INFLATION_THRESHOLDS,
      highScoreLowRate: { ...DEFAULT_INFLATION_THRESHOLDS.highScoreLowRate, yellowRateBelow: '150' },
    };
    const res = await setThresholds(admin, zhaoxian, bad);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message:
        '虚高预警阈值不正确：inflationThresholds.highScoreLowRate.yellowRateBelow 执行率低于（黄）应为 0–100 的数，最多 2 位小数',
      details: [
        {
          field: 'inflationThresholds.highScoreLowRate.yellowRateBelow',
          rule: 'inflationThresholds',
          message: '执行率低于（黄）应为 0–100 的数，最多 2 位小数',
        },
      ],
    });
    // red milder than yellow, and a number where a decimal string belongs
    const inverted = await setThresholds(admin, zhaoxian, {
      ...DEFAULT_INFLATION_THRESHOLDS,
      copiedFullMarks: { yellowCount: 8, redCount: 3 },
    });
    expect(inverted.statusCode).toBe(400);
    expect(inverted.json().details).toEqual([
      {
        field: 'inflationThresholds.copiedFullMarks.redCount',
        rule: 'inflationThresholds',
        message: '红灯的指标数不能少于黄灯的',
      },
    ]);
    const notAnObject = await setThresholds(admin, zhaoxian, 'strict');
    expect(notAnObject.statusCode).toBe(400);
    expect(notAnObject.json().details[0]).toMatchObject({ field: 'inflationThresholds' });
    const after = (await as(app, admin)({ method: 'GET', url: '/api/settings' })).json().inflationThresholds;
    expect(after).toEqual(before);
  });

  it('shows no flags to department staff, and lets only the county administrator set thresholds', async () => {
    expect((await dashboard(editor)).statusCode).toBe(403);
    const res = await setThresholds(reviewer, zhaoxian, DEFAULT_INFLATION_THRESHOLDS);
    expect(res.statusCode).toBe(403);
  });
});
