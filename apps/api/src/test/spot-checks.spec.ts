import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, startSeededApi, type Session } from './support/harness';

const YEAR = 2022;
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** 抽评 and 整改 end to end on the real API and PostgreSQL. */
describe('spot checks and rectification (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let reviewer: Session;
  let approver: Session;
  const r = {} as Record<'union' | 'eduOverall' | 'eduProject' | 'draft' | 'foreign', string>;

  const call = (s: Session, method: string, path: string, payload?: object, headers?: Record<string, string>) =>
    as(app, s)({ method: method as 'GET', url: `/api${path}`, payload, headers });
  const count = (table: string) =>
    db.owner(async (c) => Number((await c.query(`SELECT count(*) FROM ${table}`)).rows[0].count));
  const setScore = (id: string, score: string) =>
    db.owner((c) => c.query(`UPDATE reports SET total_score = $2 WHERE id = $1`, [id, score]));

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, reviewer, approver] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
    ]);
    const union = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
    const tenant = await idOf(db, `SELECT tenant_id AS id FROM departments WHERE id = $1`, [union]);
    const education = await idOf(
      db,
      `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '赵县教育局', 'budget_department') RETURNING id`,
      [tenant],
    );
    const foreign = await idOf(db, `SELECT id FROM departments WHERE name = '栾城区总工会'`);
    r.union = await insertReport(db, union, YEAR, 'submitted');
    r.eduOverall = await insertReport(db, education, YEAR, 'approved');
    r.draft = await insertReport(db, education, YEAR + 1, 'draft');
    r.foreign = await insertReport(db, foreign, YEAR, 'submitted');
    r.eduProject = await db.owner(async (c) => {
      const { rows } = await c.query(
        `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, project_code, project_name, status,
                              schema_version, template_version_id)
         SELECT tenant_id, department_id, fiscal_year, 'project', 'P-1', '校舍维修', 'in_review', schema_version,
                template_version_id FROM reports WHERE id = $1 RETURNING id`,
        [r.eduOverall],
      );
      return rows[0].id as string;
    });
    await setScore(r.union, '95.00');
    // 95 points with 75% 执行率: 赵县总工会's light is red (high-score-low-execution)
    await db.owner((c) => c.query(`UPDATE reports SET execution_rate = 75 WHERE id = $1`, [r.union]));
    await setScore(r.eduOverall, '72.50');
    await setScore(r.eduProject, '85.00');
  });
  afterAll(async () => {
    await close?.();
  });

  it('previews a seeded random share the same way each time, and a score line', async () => {
    const rule = { kind: 'random', sharePercent: '50', seed: 123456 };
    const a = await call(reviewer, 'POST', '/spot-checks/preview', { fiscalYear: YEAR, rule });
    expect(a.statusCode).toBe(200);
    expect(a.json()).toMatchObject({ ruleText: '随机抽取 50%，种子 123456', candidates: 3 });
    expect(a.json().reports).toHaveLength(2); // round(1.5)
    const b = await call(approver, 'POST', '/spot-checks/preview', { fiscalYear: YEAR, rule });
    expect(b.json().reports.map((x: { id: string }) => x.id)).toEqual(
      a.json().reports.map((x: { id: string }) => x.id),
    );
    const below = await call(reviewer, 'POST', '/spot-checks/preview', {
      fiscalYear: YEAR,
      rule: { kind: 'below_score', maxScore: '80' },
    });
    expect(below.json().reports.map((x: { id: string }) => x.id)).toEqual([r.eduOverall]);
    const flagged = await call(reviewer, 'POST', '/spot-checks/preview', {
      fiscalYear: YEAR,
      rule: { kind: 'flagged', lights: ['red'] },
    });
    expect(flagged.json()).toMatchObject({ ruleText: '部门预警灯为红' });
    expect(flagged.json().reports.map((x: { id: string }) => x.id)).toEqual([r.union]);
    expect(await count('spot_check_batches')).toBe(0);
  });

  it('refuses a rule that selects nothing, saving nothing, and a malformed rule', async () => {
    const none = await call(reviewer, 'POST', '/spot-checks', {
      name: '无结果',
      fiscalYear: YEAR,
      rule: { kind: 'below_score', maxScore: '60' },
    });
    expect(none.statusCode).toBe(422);
    expect(none.json()).toMatchObject({
      code: 'SPOT_CHECK_NOTHING_SELECTED',
      message: '按此规则没有选中任何报告，未保存抽评批次',
    });
    const bad = await call(reviewer, 'POST', '/spot-checks', {
      name: '坏规则',
      fiscalYear: YEAR,
      rule: { kind: 'random', sharePercent: '120', seed: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('SPOT_CHECK_RULE_INVALID');
    const notSelectable = await call(reviewer, 'POST', '/spot-checks', {
      name: '草稿和外县',
      fiscalYear: YEAR,
      rule: { kind: 'manual', reportIds: [r.draft, r.foreign] },
    });
    expect(notSelectable.statusCode).toBe(400);
    expect(notSelectable.json().code).toBe('SPOT_CHECK_REPORT_NOT_SELECTABLE');
    const byDepartment = await call(editor, 'POST', '/spot-checks', {
      name: '部门',
      fiscalYear: YEAR,
      rule: { kind: 'manual', reportIds: [r.union] },
    });
    expect(byDepartment.statusCode).toBe(403);
    expect(await count('spot_check_batches')).toBe(0);
    expect(await count('spot_check_reports')).toBe(0);
  });

  it('selects by hand, refuses a second pick of the same report, and a rule passes over it', async () => {
    const byHand = await call(reviewer, 'POST', '/spot-checks', {
      name: '2022年度重点评价',
      fiscalYear: YEAR,
      rule: { kind: 'manual', reportIds: [r.union] },
    });
    expect(byHand.statusCode).toBe(201);
    expect(byHand.json()).toMatchObject({ name: '2022年度重点评价', ruleText: '手工选择 1 份', reportCount: 1 });
    const again = await call(reviewer, 'POST', '/spot-checks', {
      name: '重复',
      fiscalYear: YEAR,
      rule: { kind: 'manual', reportIds: [r.union, r.eduOverall] },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'SPOT_CHECK_ALREADY_SELECTED', details: { reportIds: [r.union] } });
    const rest = await call(reviewer, 'POST', '/spot-checks', {
      name: '随机抽取',
      fiscalYear: YEAR,
      rule: { kind: 'random', sharePercent: '100', seed: 7 },
    });
    expect(rest.statusCode).toBe(201);
    expect(rest.json().rule).toEqual({ kind: 'random', sharePercent: '100', seed: 7 });
    expect(
      rest
        .json()
        .reports.map((x: { id: string }) => x.id)
        .sort(),
    ).toEqual([r.eduOverall, r.eduProject].sort());
    const list = await call(reviewer, 'GET', `/spot-checks?fiscalYear=${YEAR}`);
    expect(list.json()).toHaveLength(2);
    const [audit] = await db.owner(
      async (c) =>
        (await c.query(`SELECT details FROM audit_log WHERE action = 'spot_check.created' ORDER BY id LIMIT 1`)).rows,
    );
    expect(audit.details).toMatchObject({ ruleText: '手工选择 1 份', reportIds: [r.union] });
  });

  describe('findings and 整改事项', () => {
    let itemId: string;
    let editorId: string;

    it('are written by the finance bureau on a selected report only', async () => {
      editorId = editor.me.user.id;
      const finding = await call(reviewer, 'POST', `/reports/${r.union}/spot-check/findings`, {
        body: '绩效目标完成值无佐证',
      });
      expect(finding.statusCode).toBe(201);
      const edited = await call(
        reviewer,
        'PATCH',
        `/reports/${r.union}/spot-check/findings/${finding.json().id}`,
        { body: '绩效目标完成值缺少佐证材料' },
        { 'if-match': '"1"' },
      );
      expect(edited.statusCode).toBe(200);
      const stale = await call(
        reviewer,
        'PATCH',
        `/reports/${r.union}/spot-check/findings/${finding.json().id}`,
        { body: '覆盖' },
        { 'if-match': '"1"' },
      );
      expect(stale.statusCode).toBe(412);
      expect(stale.json().details.current).toMatchObject({ body: '绩效目标完成值缺少佐证材料' });
      expect(edited.json()).toMatchObject({ body: '绩效目标完成值缺少佐证材料', version: 2 });
      const item = await call(reviewer, 'POST', `/reports/${r.union}/rectifications`, {
        title: '补充职工培训人次的佐证材料',
        ownerUserId: editorId,
        dueOn: '2099-06-30',
      });
      expect(item.statusCode).toBe(201);
      expect(item.json()).toMatchObject({ status: 'open', ownerName: editor.me.user.displayName, overdue: false });
      itemId = item.json().id;
      const notSelected = await call(reviewer, 'POST', `/reports/${r.draft}/rectifications`, {
        title: 'x',
        ownerName: '张三',
        dueOn: '2099-01-01',
      });
      expect(notSelected.statusCode).toBe(409);
      expect(notSelected.json().code).toBe('SPOT_CHECK_NOT_SELECTED');
      const strangerOwner = await call(reviewer, 'POST', `/reports/${r.eduOverall}/rectifications`, {
        title: 'x',
        ownerUserId: editorId,
        dueOn: '2099-01-01',
      });
      expect(strangerOwner.statusCode).toBe(400);
      expect(strangerOwner.json().code).toBe('RECTIFICATION_INVALID');
      expect(
        (
          await call(editor, 'POST', `/reports/${r.union}/rectifications`, {
            title: 'x',
            ownerName: 'y',
            dueOn: '2099-01-01',
          })
        ).statusCode,
      ).toBe(403);
    });

    it("are seen by the report's department, not by another department", async () => {
      const own = await call(editor, 'GET', `/reports/${r.union}/spot-check`);
      expect(own.statusCode).toBe(200);
      expect(own.json()).toMatchObject({ selected: true, batch: { name: '2022年度重点评价' } });
      expect(own.json().findings).toHaveLength(1);
      expect(own.json().items).toHaveLength(1);
      expect((await call(editor, 'GET', `/reports/${r.eduOverall}/spot-check`)).statusCode).toBe(403);
      expect((await call(editor, 'GET', `/reports/${r.foreign}/spot-check`)).statusCode).toBe(404);
      const inbox = await call(editor, 'GET', '/rectifications');
      expect(inbox.json().map((i: { id: string }) => i.id)).toEqual([itemId]);
    });

    it('are answered by the department with versions, then closed and reopened by the bureau', async () => {
      const answer = { answer: '已补充培训签到表', evidenceText: '赵工发〔2025〕12号' };
      expect((await call(editor, 'POST', `/rectifications/${itemId}/answer`, answer)).statusCode).toBe(428);
      const stale = await call(editor, 'POST', `/rectifications/${itemId}/answer`, answer, { 'if-match': '"9"' });
      expect(stale.statusCode).toBe(412);
      expect(
        (await call(reviewer, 'POST', `/rectifications/${itemId}/answer`, answer, { 'if-match': '"1"' })).statusCode,
      ).toBe(403);
      const answered = await call(editor, 'POST', `/rectifications/${itemId}/answer`, answer, { 'if-match': '"1"' });
      expect(answered.statusCode).toBe(200);
      expect(answered.json()).toMatchObject({ status: 'answered', version: 2, evidenceText: '赵工发〔2025〕12号' });
      expect(answered.headers['etag']).toBe('"2"');

      const byDept = await call(
        editor,
        'POST',
        `/rectifications/${itemId}/decision`,
        { action: 'close' },
        { 'if-match': '"2"' },
      );
      expect(byDept.statusCode).toBe(403);
      const noReason = await call(
        reviewer,
        'POST',
        `/rectifications/${itemId}/decision`,
        { action: 'reopen' },
        { 'if-match': '"2"' },
      );
      expect(noReason.statusCode).toBe(400);
      const closed = await call(
        reviewer,
        'POST',
        `/rectifications/${itemId}/decision`,
        { action: 'close' },
        { 'if-match': '"2"' },
      );
      expect(closed.json()).toMatchObject({ status: 'closed', version: 3 });
      const late = await call(editor, 'POST', `/rectifications/${itemId}/answer`, answer, { 'if-match': '"3"' });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('RECTIFICATION_TRANSITION_INVALID');
      const reopened = await call(
        approver,
        'POST',
        `/rectifications/${itemId}/decision`,
        { action: 'reopen', reason: '签到表无盖章' },
        { 'if-match': '"3"' },
      );
      expect(reopened.json()).toMatchObject({ status: 'open', version: 4 });
      expect(reopened.json().history.map((h: { action: string }) => h.action)).toEqual([
        'create',
        'answer',
        'close',
        'reopen',
      ]);
      expect(reopened.json().history[3]).toMatchObject({
        note: '签到表无盖章',
        fromStatus: 'closed',
        toStatus: 'open',
      });
      const audited = await db.owner(async (c) =>
        (
          await c.query(
            `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'rectification.%' ORDER BY id`,
            [itemId],
          )
        ).rows.map((x: { action: string }) => x.action),
      );
      expect(audited).toEqual([
        'rectification.created',
        'rectification.answered',
        'rectification.closed',
        'rectification.reopened',
      ]);
    });

    it('take evidence files checked by their content and size', async () => {
      const upload = (contentBase64: string, fileName = '签到表.png') =>
        call(editor, 'POST', `/rectifications/${itemId}/evidence`, { fileName, contentBase64 });
      const ok = await upload(PNG.toString('base64'));
      expect(ok.statusCode).toBe(201);
      expect(ok.json().evidence).toMatchObject([
        { fileName: '签到表.png', contentType: 'image/png', sizeBytes: PNG.length },
      ]);
      const fake = await upload(Buffer.from('<html>not a pdf</html>').toString('base64'), 'x.pdf');
      expect(fake.statusCode).toBe(415);
      expect(fake.json().code).toBe('RECTIFICATION_EVIDENCE_TYPE');
      const big = await upload(Buffer.alloc(2 * 1024 * 1024 + 10, 0xff).toString('base64'), 'big.jpg');
      expect(big.statusCode).toBe(413);
      const file = await call(reviewer, 'GET', `/rectifications/${itemId}/evidence/${ok.json().evidence[0].id}`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      expect(Buffer.compare(file.rawPayload, PNG)).toBe(0);
      expect(await count('rectification_evidence')).toBe(1);
    });

    it('show overdue on both sides and on 县级概览', async () => {
      const past = await call(reviewer, 'POST', `/reports/${r.union}/rectifications`, {
        title: '整改预算执行率偏低问题',
        ownerName: '李四（财务科）',
        dueOn: '2020-01-01',
      });
      expect(past.json()).toMatchObject({ overdue: true, ownerUserId: null });
      for (const s of [editor, reviewer]) {
        const overdue = await call(s, 'GET', '/rectifications?overdue=true');
        expect(overdue.json().map((i: { id: string }) => i.id)).toEqual([past.json().id]);
      }
      const dashboard = await call(reviewer, 'GET', `/dashboard?fiscalYear=${YEAR}`);
      const union = dashboard.json().departments.find((d: { name: string }) => d.name === '赵县总工会');
      expect(union.rectifications).toEqual({ open: 2, overdue: 1 });
      expect(dashboard.json().summary.rectifications).toEqual({ open: 2, overdue: 1 });
      const batch = (await call(reviewer, 'GET', `/spot-checks?fiscalYear=${YEAR}`))
        .json()
        .find((b: { name: string }) => b.name === '2022年度重点评价');
      expect(batch.items).toEqual({ total: 2, open: 2, overdue: 1, closed: 0 });
    });
  });
});
