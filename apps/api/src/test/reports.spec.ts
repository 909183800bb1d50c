import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OverallReportContent } from '@evalflow/domain';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, partVersionOf, startSeededApi, type Session } from './support/harness';

/** Drafting reports through the real API and database: prefill, per-part writes, concurrency, checks, lists. */
describe('reports (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let admin: Session;
  let foreignEditor: Session;
  let report2024: string;
  let report2023: string;
  let union: string;

  const get = (s: Session, url: string) => as(app, s)({ method: 'GET', url });
  const put = (s: Session, id: string, part: string, version: number | null, payload: unknown) =>
    as(
      app,
      s,
    )({
      method: 'PUT',
      url: `/api/reports/${id}/parts/${part}`,
      headers: version === null ? {} : { 'if-match': `"${version}"` },
      payload: payload as object,
    });
  const partOf = async (id: string, part: string) => (await get(editor, `/api/reports/${id}/parts/${part}`)).json();
  const create = (s: Session, payload: object) => as(app, s)({ method: 'POST', url: '/api/reports', payload });

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, admin, foreignEditor] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.admin',
      'luancheng.union.editor',
    ]);
    union = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
    const yearOf = (y: number) =>
      idOf(db, `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = $2 AND kind = 'department_overall'`, [
        union,
        y,
      ]);
    report2024 = await yearOf(2024);
    report2023 = await yearOf(2023);
  });

  afterAll(async () => {
    await close?.();
  });

  describe('reading', () => {
    it('gives the whole report with every part, its version, and the county grade label', async () => {
      const res = await get(editor, `/api/reports/${report2024}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(res.headers.etag).toBe(`"${body.version}"`);
      expect(body).toMatchObject({
        departmentName: '赵县总工会',
        fiscalYear: 2024,
        kind: 'department_overall',
        status: 'draft',
        schemaVersion: 2,
        projectCode: null,
        projectName: null,
        totalScore: '95.00',
        grade: 'excellent',
        gradeLabel: '优秀',
        executionRate: '100.00',
      });
      expect(Object.keys(body.parts).sort()).toEqual(
        [
          'basicInfo',
          'budget',
          'conclusion',
          'goals',
          'header',
          'problems',
          'results',
          'scoreTable',
          'selfEvaluation',
          'team',
        ].sort(),
      );
      expect(body.parts.budget).toMatchObject({ part: 'budget', version: 1 });
      expect(body.parts.budget.content.expenditure.project).toEqual({ budget: '178.646', actual: '178.646' });
      expect(body.parts.budget.content.lines.map((l: { amount: string }) => l.amount)).toEqual([
        '47',
        '82',
        '1',
        '2',
        '2.82',
        '5',
        '10',
        '10.336',
        '18.49',
      ]);
    });

    it('the seeded sample passes every blocking rule, checked against the approved 2023 report', async () => {
      const res = await get(editor, `/api/reports/${report2024}/checks`);
      expect(res.statusCode).toBe(200);
      const checks = res.json();
      const failingErrors = checks.results.filter(
        (r: { passed: boolean; severity: string }) => !r.passed && r.severity === 'error',
      );
      expect(failingErrors).toEqual([]);
      expect(checks).toMatchObject({ reportId: report2024, errors: 0, blocking: false });
      expect(checks.previousYear).toEqual({ reportId: report2023, fiscalYear: 2023 });
      expect(checks.results.length).toBeGreaterThanOrEqual(15);
    });

    it('an unknown part is a 404 with its own code; a malformed report id a 404 too', async () => {
      const unknown = await get(editor, `/api/reports/${report2024}/parts/appendix`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe('REPORT_PART_UNKNOWN');
      const malformed = await get(editor, `/api/reports/not-a-uuid`);
      expect(malformed.statusCode).toBe(404);
      expect(malformed.json().code).toBe('REPORT_NOT_FOUND');
    });

    it("another county's report is answered as if it did not exist", async () => {
      const res = await get(foreignEditor, `/api/reports/${report2024}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ code: 'REPORT_NOT_FOUND', message: '报告不存在' });
    });
  });

  describe('writing one part', () => {
    it('a wrong total is saved (drafts may be wrong) and the checks name both sums', async () => {
      const before = await partOf(report2024, 'budget');
      const content = before.content as { expenditure: { project: object } };
      const res = await put(editor, report2024, 'budget', before.version, {
        ...content,
        expenditure: { ...content.expenditure, project: { budget: '178.65', actual: '178.646' } },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ part: 'budget', version: before.version + 1, updatedBy: expect.any(String) });
      expect(res.headers.etag).toBe(`"${before.version + 1}"`);

      const checks = (await get(editor, `/api/reports/${report2024}/checks`)).json();
      const rule = checks.results.find((r: { ruleId: string }) => r.ruleId === 'budget.lines-sum-to-total');
      expect(rule).toMatchObject({
        severity: 'error',
        passed: false,
        findings: [
          {
            path: 'budget.expenditure.project.budget',
            message: '项目预算明细合计 178.646 万元，与填报的年初项目预算 178.65 万元不一致',
          },
        ],
      });
      expect(checks.blocking).toBe(true);

      // put it right again: the same rule passes
      const fixed = await put(editor, report2024, 'budget', before.version + 1, before.content);
      expect(fixed.statusCode).toBe(200);
      const again = (await get(editor, `/api/reports/${report2024}/checks`)).json();
      expect(again.blocking).toBe(false);
    });

    it('a stale version is refused with 412, the current version and content; nothing is overwritten', async () => {
      const current = await partOf(report2024, 'problems');
      const first = await put(editor, report2024, 'problems', current.version, {
        problems: '编制人先保存的问题',
        measures: current.content.measures,
      });
      expect(first.statusCode).toBe(200);
      const stale = await put(head, report2024, 'problems', current.version, {
        problems: '负责人基于旧版本的修改',
        measures: '',
      });
      expect(stale.statusCode).toBe(412);
      expect(stale.json()).toMatchObject({
        code: 'VERSION_MISMATCH',
        message: expect.stringMatching(/[\u4e00-\u9fff]/),
        details: {
          currentVersion: current.version + 1,
          current: { part: 'problems', version: current.version + 1, content: { problems: '编制人先保存的问题' } },
        },
      });
      expect((await partOf(report2024, 'problems')).content.problems).toBe('编制人先保存的问题');
    });

    it('concurrent writers of one part: exactly one wins, the others get 412, the stored content is the winner', async () => {
      const current = await partOf(report2024, 'selfEvaluation');
      const writers = Array.from({ length: 8 }, (_, i) => ({
        organization: `第 ${i} 位编制人的组织情况`,
        methodAndProcess: current.content.methodAndProcess,
      }));
      const results = await Promise.all(
        writers.map((content, i) => put(i % 2 ? head : editor, report2024, 'selfEvaluation', current.version, content)),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
      const winner = writers[results.findIndex((r) => r.statusCode === 200)];
      const stored = await partOf(report2024, 'selfEvaluation');
      expect(stored).toMatchObject({ version: current.version + 1, content: winner });
    });

    it('writers of different parts do not conflict, and each raises the report version', async () => {
      const before = (await get(editor, `/api/reports/${report2024}`)).json();
      const [a, b] = await Promise.all([
        put(editor, report2024, 'goals', before.parts.goals.version, {
          items: [...before.parts.goals.content.items, { text: '新增目标' }],
        }),
        put(
          head,
          report2024,
          'team',
          before.parts.team.version,
          before.parts.team.content.members.length
            ? { members: before.parts.team.content.members.slice(0, 1) }
            : { members: [{ name: '甲', unit: '乙', position: '丙', title: '' }] },
        ),
      ]);
      expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
      expect([a.json().reportVersion, b.json().reportVersion].sort()).toEqual([before.version + 1, before.version + 2]);
      // restore, so later tests see the sample
      const now = (await get(editor, `/api/reports/${report2024}`)).json();
      await put(editor, report2024, 'goals', now.parts.goals.version, before.parts.goals.content);
      await put(editor, report2024, 'team', now.parts.team.version, before.parts.team.content);
    });

    it('saving identical content changes no version', async () => {
      const before = (await get(editor, `/api/reports/${report2024}`)).json();
      const res = await put(editor, report2024, 'header', before.parts.header.version, before.parts.header.content);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: before.parts.header.version, reportVersion: before.version });
    });

    it('malformed content is refused with the field path and a Chinese message; nothing is written', async () => {
      const before = await partOf(report2024, 'budget');
      const lines = [...before.content.lines];
      lines[2] = { ...lines[2], amount: '1e3' };
      const res = await put(editor, report2024, 'budget', before.version, { ...before.content, lines, extra: 1 });
      expect(res.statusCode).toBe(400);
      const body = res.json();
      expect(body.code).toBe('REPORT_CONTENT_INVALID');
      expect(body.details).toEqual(
        expect.arrayContaining([
          { path: 'budget.lines.2.amount', message: '应为金额（万元），最多 4 位小数，如 178.646' },
          { path: 'budget', message: '不允许的字段：extra' },
        ]),
      );
      expect(await partOf(report2024, 'budget')).toEqual(before);
    });

    it('floats are refused: amounts are exact decimal strings', async () => {
      const before = await partOf(report2024, 'budget');
      const content = before.content as { expenditure: { project: object } };
      const res = await put(editor, report2024, 'budget', before.version, {
        ...content,
        expenditure: { ...content.expenditure, project: { budget: '178.646', actual: 178.646 } },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([
        { path: 'budget.expenditure.project.actual', message: '类型不正确，应为文本' },
      ]);
    });

    it('a version-1 body sent to the version-2 part is refused, naming each field', async () => {
      const before = await partOf(report2024, 'budget');
      const res = await put(editor, report2024, 'budget', before.version, {
        projectBudgetTotal: '178.646',
        lines: [{ name: '上解市总工会经费', amount: '47', documentNumber: '' }],
        projectSpent: '178.646',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'REPORT_CONTENT_INVALID' });
      expect(res.json().details).toEqual(
        expect.arrayContaining([
          { path: 'budget', message: '不允许的字段：projectBudgetTotal、projectSpent' },
          { path: 'budget.income', message: '必须填写' },
          { path: 'budget.expenditure', message: '必须填写' },
          { path: 'budget.lines.0.spent', message: '必须填写' },
        ]),
      );
      expect(await partOf(report2024, 'budget')).toEqual(before);
    });

    it('without If-Match the write is refused with 428', async () => {
      const res = await put(editor, report2024, 'problems', null, { problems: 'x', measures: '' });
      expect(res.statusCode).toBe(428);
      expect(res.json().code).toBe('VERSION_REQUIRED');
    });

    it('an approved report cannot be edited (409 with its state)', async () => {
      const version = await partVersionOf(db, report2023, 'problems');
      const res = await put(editor, report2023, 'problems', version, { problems: '改已通过的报告', measures: '' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'REPORT_NOT_EDITABLE', details: { status: 'approved' } });
    });

    it('the finance bureau reads but cannot write; the write is not applied', async () => {
      const before = await partOf(report2024, 'problems');
      const res = await put(reviewer, report2024, 'problems', before.version, { problems: '财政改的', measures: '' });
      expect(res.statusCode).toBe(403);
      expect(await partOf(report2024, 'problems')).toEqual(before);
    });

    it('writes are audited with the part and versions, never with the content', async () => {
      const before = await partOf(report2024, 'problems');
      await put(editor, report2024, 'problems', before.version, { problems: '审计测试', measures: '' });
      const [entry] = await db.owner(
        async (c) =>
          (
            await c.query(
              `SELECT actor_username, action, details FROM audit_log
                WHERE target_id = $1 AND action = 'report.part_updated' ORDER BY id DESC LIMIT 1`,
              [report2024],
            )
          ).rows,
      );
      expect(entry).toEqual({
        actor_username: 'zhaoxian.union.editor',
        action: 'report.part_updated',
        details: { part: 'problems', fromVersion: before.version, toVersion: before.version + 1 },
      });
    });

    it('the list summary follows the conclusion: a lower score shows 良好', async () => {
      const before = await partOf(report2024, 'conclusion');
      await put(editor, report2024, 'conclusion', before.version, {
        ...before.content,
        totalScore: '85',
        grade: 'good',
      });
      const list = (await get(reviewer, `/api/reports?fiscalYear=2024&grade=good`)).json();
      expect(
        list.items.map((r: { id: string; gradeLabel: string; totalScore: string }) => [
          r.id,
          r.gradeLabel,
          r.totalScore,
        ]),
      ).toEqual([[report2024, '良好', '85.00']]);
      const back = await partOf(report2024, 'conclusion');
      await put(editor, report2024, 'conclusion', back.version, before.content);
      expect((await get(reviewer, `/api/reports?fiscalYear=2024&grade=good`)).json().items).toEqual([]);
    });
  });

  describe('creating', () => {
    it('prefills from the approved report of the year before and says what it carried over', async () => {
      // approve 2024 as the workflow will; then 2025 starts from it
      await db.owner((c) => c.query(`UPDATE reports SET status = 'approved' WHERE id = $1`, [report2024]));
      try {
        const res = await create(editor, { fiscalYear: 2025 });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body).toMatchObject({ fiscalYear: 2025, status: 'draft', version: 1, prefilledFrom: report2024 });
        const c = Object.fromEntries(
          Object.entries(body.parts).map(([k, v]) => [k, (v as { content: unknown }).content]),
        ) as unknown as OverallReportContent;
        const sample = (await get(editor, `/api/reports/${report2024}`)).json().parts;
        expect(c.basicInfo.functions).toEqual(sample.basicInfo.content.functions);
        expect(c.basicInfo.orgUnits).toEqual(sample.basicInfo.content.orgUnits);
        expect(c.team.members).toEqual(sample.team.content.members);
        expect(c.basicInfo.assets.previous).toEqual(sample.basicInfo.content.assets.current);
        expect(c.basicInfo.staffing.previousHeadcount).toBe(4);
        expect(c.header.title).toBe('2025年度整体支出绩效自评报告');
        // measured anew
        expect(c.budget.lines).toEqual([]);
        expect(c.conclusion.totalScore).toBeNull();
        expect(
          c.scoreTable.indicators.every((i: { score: unknown; actual: string }) => i.score === null && i.actual === ''),
        ).toBe(true);
        expect(body.carriedOver.map((n: { path: string }) => n.path)).toEqual(
          expect.arrayContaining(['basicInfo.functions', 'team.members', 'basicInfo.assets.previous']),
        );
        expect(
          body.carriedOver.find((n: { path: string }) => n.path === 'basicInfo.staffing.previousHeadcount').note,
        ).toBe('上年人数取自2024 年度报告的年末实有人数 4 人');
      } finally {
        await db.owner((c) => c.query(`UPDATE reports SET status = 'draft' WHERE id = $1`, [report2024]));
      }
    });

    it('without an approved report last year, the draft starts empty but for the department', async () => {
      const res = await create(head, { fiscalYear: 2022 });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(body.prefilledFrom).toBeNull();
      expect(body.carriedOver).toEqual([]);
      expect(body.parts.basicInfo.content.orgUnits).toEqual([
        { name: '赵县总工会', nature: '行政', level: '正科级', fundingForm: '财政拨款' },
      ]);
      expect(body.parts.basicInfo.content.functions).toEqual([]);
    });

    it('one report per department, year and kind: a second is refused with the first one named', async () => {
      const res = await create(editor, { fiscalYear: 2024 });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'REPORT_EXISTS', details: { reportId: report2024 } });
    });

    it('two simultaneous creates of the same year make one report', async () => {
      const results = await Promise.all([editor, head].map((s) => create(s, { fiscalYear: 2021 })));
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const count = await db.owner(
        async (c) =>
          (
            await c.query(`SELECT count(*)::int AS n FROM reports WHERE department_id = $1 AND fiscal_year = 2021`, [
              union,
            ])
          ).rows[0].n,
      );
      expect(count).toBe(1);
    });

    it('refuses bad years and departments with clear messages', async () => {
      const future = await create(editor, { fiscalYear: new Date().getFullYear() + 2 });
      expect(future.statusCode).toBe(400);
      expect(future.json()).toMatchObject({ code: 'REPORT_YEAR_INVALID', message: '年度不能晚于明年' });
      const text = await create(editor, { fiscalYear: '2024年' });
      expect(text.statusCode).toBe(400);
      expect(text.json().code).toBe('VALIDATION_FAILED');
      const finance = await idOf(db, `SELECT id FROM departments WHERE name = '赵县财政局'`);
      const otherDept = await create(editor, { fiscalYear: 2020, departmentId: finance });
      expect(otherDept.statusCode).toBe(403);
      const foreignDept = await idOf(db, `SELECT id FROM departments WHERE name = '栾城区总工会'`);
      const foreign = await create(editor, { fiscalYear: 2020, departmentId: foreignDept });
      expect(foreign.statusCode).toBe(404);
      expect(foreign.json().code).toBe('DEPARTMENT_NOT_FOUND');
      const byAdmin = await create(admin, { fiscalYear: 2020, departmentId: union });
      expect(byAdmin.statusCode).toBe(403);
    });
  });

  describe('listing', () => {
    let pageIds: string[];

    beforeAll(async () => {
      // a few departments with reports, for the finance view and paging
      const tenant = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
      pageIds = [];
      for (const name of ['赵县教育局', '赵县卫生健康局', '赵县农业农村局']) {
        const dept = await idOf(
          db,
          `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, $2, 'budget_department') RETURNING id`,
          [tenant, name],
        );
        pageIds.push(await insertReport(db, dept, 2024));
      }
    });

    it('department staff see only their own department; the finance bureau its whole county', async () => {
      const mine = (await get(editor, '/api/reports?limit=200')).json().items;
      expect(new Set(mine.map((r: { departmentName: string }) => r.departmentName))).toEqual(new Set(['赵县总工会']));
      const county = (await get(reviewer, '/api/reports?fiscalYear=2024&kind=department_overall')).json().items;
      expect(county.map((r: { departmentName: string }) => r.departmentName).sort()).toEqual(
        ['赵县农业农村局', '赵县卫生健康局', '赵县总工会', '赵县教育局'].sort(),
      );
      // the other county's union sees its own project table only, nothing of 赵县
      const foreign = (await get(foreignEditor, '/api/reports')).json().items;
      expect(foreign.map((r: { departmentName: string; kind: string }) => [r.departmentName, r.kind])).toEqual([
        ['栾城区总工会', 'project'],
      ]);
    });

    it('filters by year, status and department', async () => {
      const approved = (await get(reviewer, '/api/reports?status=approved')).json().items;
      expect(approved.map((r: { id: string }) => r.id)).toEqual([report2023]);
      const byDept = (await get(reviewer, `/api/reports?departmentId=${union}&fiscalYear=2023`)).json().items;
      expect(byDept.map((r: { id: string }) => r.id)).toEqual([report2023]);
      // several states at once: the bureau's queue; one unknown among them is refused
      const both = (await get(reviewer, '/api/reports?status=approved,draft&limit=200')).json().items;
      expect(new Set(both.map((r: { status: string }) => r.status))).toEqual(new Set(['approved', 'draft']));
      expect(both.map((r: { id: string }) => r.id)).toContain(report2023);
      expect((await get(reviewer, '/api/reports?status=approved,lost')).statusCode).toBe(400);
      const bad = await get(reviewer, '/api/reports?status=lost');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('VALIDATION_FAILED');
    });

    it('pages with a keyset cursor: newest year first, then by department name; no row twice or missed', async () => {
      const all = (await get(reviewer, '/api/reports?limit=200')).json().items.map((r: { id: string }) => r.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const url = `/api/reports?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await get(reviewer, url)).json();
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 20);
      expect(seen).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 2));
      const years = (await get(reviewer, '/api/reports?limit=200'))
        .json()
        .items.map((r: { fiscalYear: number }) => r.fiscalYear);
      expect(years).toEqual([...years].sort((a: number, b: number) => b - a));
    });

    it('a forged cursor is a 400, not a 500', async () => {
      const res = await get(reviewer, '/api/reports?cursor=bm90LWpzb24');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: '分页游标无效，请从第一页重新加载' });
    });
  });

  describe('county grade bands', () => {
    const bands = (labels: string[], mins = ['90', '80', '60', '0']) =>
      ['excellent', 'good', 'fair', 'poor'].map((grade, i) => ({ grade, label: labels[i], min: mins[i] }));

    it('every county user reads them; only the tenant admin changes them, with If-Match', async () => {
      const read = await get(editor, '/api/settings');
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ version: 1, isDefault: false });
      expect(read.json().gradeBands.map((b: { label: string }) => b.label)).toEqual(['优秀', '良好', '中', '差']);

      const patch = (version: number, gradeBands: unknown) =>
        as(
          app,
          admin,
        )({ method: 'PATCH', url: '/api/settings', headers: { 'if-match': `"${version}"` }, payload: { gradeBands } });
      const overlapping = await patch(1, bands(['优', '良', '中', '差'], ['90', '95', '60', '0']));
      expect(overlapping.statusCode).toBe(400);
      expect(overlapping.json()).toMatchObject({
        code: 'GRADE_BANDS_INVALID',
        details: { problems: ['「优」的下限应高于「良」'] },
      });
      const changed = await patch(1, bands(['优', '良', '中', '差'], ['85', '75', '60', '0']));
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({ version: 2 });
      const stale = await patch(1, bands(['优秀', '良好', '中', '差']));
      expect(stale.statusCode).toBe(412);

      // the grade rule follows the county's bands: 95 is still 优 (excellent) with 85/75/60
      const gradeRule = async () =>
        (await get(editor, `/api/reports/${report2024}/checks`))
          .json()
          .results.find((r: { ruleId: string }) => r.ruleId === 'conclusion.grade-matches-band');
      expect(await gradeRule()).toMatchObject({ passed: true });
      expect((await get(reviewer, `/api/reports/${report2024}`)).json().gradeLabel).toBe('优');
      // with 优 from 96, the stated 优 no longer fits 95
      expect((await patch(2, bands(['优', '良', '中', '差'], ['96', '80', '60', '0']))).statusCode).toBe(200);
      expect(await gradeRule()).toMatchObject({
        passed: false,
        findings: [
          {
            path: 'conclusion.grade',
            message: '总得分 95 分对应等级「良」（优 ≥ 96，良 ≥ 80，中 ≥ 60，差 ≥ 0），填报为「优」',
          },
        ],
      });
      await patch(3, bands(['优秀', '良好', '中', '差']));
    });
  });
});
