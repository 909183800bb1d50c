import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { zhaoxianProvincialRelief2024, luanchengUnionSports2024 } from '@evalflow/samples';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, insertReport, loginAll, startSeededApi, type Session } from './support/harness';

const PROVINCIAL = '13013324T000000000098';
const CITY = '13013324T000000000025';

/** 项目支出绩效自评表 through the real API and database: keyed by 项目编码, prefilled, checked, moved, rendered. */
describe('project tables (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let editor: Session;
  let head: Session;
  let reviewer: Session;
  let approver: Session;
  let foreignEditor: Session;
  let foreignReviewer: Session;
  let union: string;
  let provincial: string;
  let city: string;

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, ifMatch?: number) =>
    as(
      app,
      s,
    )({
      method,
      url,
      payload,
      headers: ifMatch === undefined ? {} : { 'if-match': `"${ifMatch}"` },
    });
  const create = (s: Session, body: object) => call(s, 'POST', '/api/reports', body);
  const report = async (id: string) => (await call(editor, 'GET', `/api/reports/${id}`)).json();
  const writePart = async (s: Session, id: string, part: string, change: (c: Record<string, unknown>) => object) => {
    const current = (await call(s, 'GET', `/api/reports/${id}/parts/${part}`)).json();
    return call(
      s,
      'PUT',
      `/api/reports/${id}/parts/${part}`,
      change(structuredClone(current.content)),
      current.version,
    );
  };
  const act = async (s: Session, id: string, action: string, reason?: string) =>
    call(s, 'POST', `/api/reports/${id}/transitions`, {
      action,
      expectedVersion: (await report(id)).version,
      ...(reason ? { reason } : {}),
    });

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [editor, head, reviewer, approver, foreignEditor, foreignReviewer] = await loginAll(app, [
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'luancheng.union.editor',
      'luancheng.finance.reviewer',
    ]);
    union = await idOf(db, `SELECT id FROM departments WHERE name = '赵县总工会'`);
    const byCode = (code: string) => idOf(db, `SELECT id FROM reports WHERE project_code = $1`, [code]);
    provincial = await byCode(PROVINCIAL);
    city = await byCode(CITY);
  });

  afterAll(async () => {
    await close?.();
  });

  describe('creating', () => {
    it('creates a table for a project: its key, its five parts, the department as 主管部门 and 实施单位', async () => {
      const res = await create(editor, {
        fiscalYear: 2024,
        kind: 'project',
        project: { code: '13013324T000000000777', name: ' 职工书屋建设 ' },
      });
      expect(res.statusCode).toBe(201);
      const body = res.json();
      expect(res.headers.etag).toBe(`"${body.version}"`);
      expect(body).toMatchObject({
        kind: 'project',
        projectCode: '13013324T000000000777',
        projectName: '职工书屋建设',
        schemaVersion: 1,
        status: 'draft',
        prefilledFrom: null,
        availableActions: ['submit'],
      });
      expect(Object.keys(body.parts).sort()).toEqual(
        ['conclusion', 'objectives', 'preparers', 'projectInfo', 'scoreTable'].sort(),
      );
      expect(body.parts.projectInfo.content).toEqual({
        name: '职工书屋建设',
        code: '13013324T000000000777',
        supervisingDepartment: '赵县总工会',
        implementingUnit: '赵县总工会',
      });
    });

    it('a 项目编码 the department already has that year is a 409 naming the existing table', async () => {
      const res = await create(head, {
        fiscalYear: 2024,
        kind: 'project',
        project: { code: PROVINCIAL, name: '别的名字' },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({
        code: 'REPORT_EXISTS',
        message: `本部门本年度已有项目编码为 ${PROVINCIAL} 的项目支出绩效自评表，请直接打开编辑`,
        details: { reportId: provincial },
      });
      // the same code another year, or in another department, is another table
      expect(
        (await create(head, { fiscalYear: 2023, kind: 'project', project: { code: PROVINCIAL, name: 'x' } }))
          .statusCode,
      ).toBe(201);
      // and a second 部门整体 report of the year is refused the same way
      const overall = await create(editor, { fiscalYear: 2024 });
      expect(overall.statusCode).toBe(409);
      expect(overall.json().details.reportId).toBe(
        await idOf(
          db,
          `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = 2024 AND kind = 'department_overall'`,
          [union],
        ),
      );
    });

    it('refuses a project table without its project, a project for another kind, a malformed code — nothing written', async () => {
      const count = () =>
        db.owner(async (c) => (await c.query(`SELECT count(*)::int AS n FROM reports`)).rows[0].n as number);
      const before = await count();
      const missing = await create(editor, { fiscalYear: 2024, kind: 'project' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().details).toContainEqual({
        field: 'project',
        rule: 'isDefined',
        message: '请填写项目编码和项目名称',
      });
      const wrongKind = await create(editor, { fiscalYear: 2021, project: { code: 'A1', name: 'x' } });
      expect(wrongKind.statusCode).toBe(400);
      expect(wrongKind.json().details).toEqual([
        { field: 'project', rule: 'kind', message: '只有项目支出绩效自评表需要填写项目；请把 kind 设为 project' },
      ]);
      const badCode = await create(editor, {
        fiscalYear: 2024,
        kind: 'project',
        project: { code: '编码 1', name: ' ' },
      });
      expect(badCode.statusCode).toBe(400);
      expect(badCode.json().details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'project.code', message: expect.stringContaining('项目编码应为') }),
          expect.objectContaining({ field: 'project.name', message: '请填写项目名称' }),
        ]),
      );
      const unknownKind = await create(editor, { fiscalYear: 2024, kind: 'transfer_payment' });
      expect(unknownKind.statusCode).toBe(400);
      expect(await count()).toBe(before);
    });

    it('prefills next year from last year’s approved table of the same project, and says what it carried over', async () => {
      await db.owner((c) => c.query(`UPDATE reports SET status = 'approved' WHERE id = $1`, [provincial]));
      try {
        const res = await create(editor, {
          fiscalYear: 2025,
          kind: 'project',
          project: { code: PROVINCIAL, name: '2025年困难职工及劳模帮扶救助专项资金（省级）' },
        });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body.prefilledFrom).toBe(provincial);
        const last = zhaoxianProvincialRelief2024();
        const indicators = body.parts.scoreTable.content.indicators;
        expect(
          indicators.map((i: { level3: string; target: string; weight: string }) => [i.level3, i.target, i.weight]),
        ).toEqual(last.scoreTable.indicators.map((i) => [i.level3, i.target, i.weight]));
        expect(indicators.every((i: { actual: string; score: null }) => i.actual === '' && i.score === null)).toBe(
          true,
        );
        expect(body.parts.objectives.content.items).toEqual([
          { expected: last.objectives.items[0].expected, actual: '' },
        ]);
        expect(body.parts.scoreTable.content.funding.total).toEqual({
          initialBudget: null,
          adjustedBudget: null,
          executed: null,
        });
        expect(body.carriedOver.map((n: { path: string }) => n.path)).toEqual([
          'projectInfo',
          'objectives.items',
          'scoreTable.indicators',
          'preparers',
        ]);
        // another project's table of last year is no source
        const other = await create(editor, {
          fiscalYear: 2025,
          kind: 'project',
          project: { code: CITY, name: '市级' },
        });
        expect(other.json().prefilledFrom).toBeNull();
      } finally {
        await db.owner((c) => c.query(`UPDATE reports SET status = 'submitted' WHERE id = $1`, [provincial]));
      }
    });
  });

  describe('drafting', () => {
    it('has only its kind’s parts: another kind’s part is not there, for reading or writing', async () => {
      const read = await call(editor, 'GET', `/api/reports/${city}/parts/budget`);
      expect(read.statusCode).toBe(404);
      expect(read.json()).toMatchObject({ code: 'REPORT_PART_UNKNOWN', details: { kind: 'project' } });
      const write = await call(editor, 'PUT', `/api/reports/${city}/parts/team`, { members: [] }, 1);
      expect(write.statusCode).toBe(404);
      const overall = await idOf(
        db,
        `SELECT id FROM reports WHERE department_id = $1 AND fiscal_year = 2024 AND kind = 'department_overall'`,
        [union],
      );
      expect((await call(editor, 'GET', `/api/reports/${overall}/parts/projectInfo`)).statusCode).toBe(404);
    });

    it('checks name what the draft still lacks, each on its field', async () => {
      const checks = (await call(editor, 'GET', `/api/reports/${city}/checks`)).json();
      expect(checks.blocking).toBe(true);
      const required = checks.results.find((r: { ruleId: string }) => r.ruleId === 'report.required-fields');
      expect(required.findings).toEqual([
        { path: 'objectives.items.0.actual', message: '请填写第 1 项目标的实际完成情况' },
        { path: 'scoreTable.indicators.2.actual', message: '请填写第 3 个指标的实际完成值' },
        { path: 'scoreTable.indicators.2.score', message: '请填写第 3 个指标的得分' },
        { path: 'conclusion.totalScore', message: '请填写总分' },
        { path: 'conclusion.grade', message: '请填写评价等级' },
      ]);
      // the rules of the 绩效自评表 run here as on the overall report
      expect(checks.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(
        expect.arrayContaining([
          'scoreTable.execution-rate',
          'scoreTable.weights-total-100',
          'conclusion.score-equals-table',
        ]),
      );
      const submit = await act(editor, city, 'submit');
      expect(submit.statusCode).toBe(409);
      expect(submit.json().code).toBe('REPORT_CHECKS_FAILING');
    });

    it('a new 项目编码 moves the key; one another table has is a 409 and nothing changes', async () => {
      const created = (
        await create(editor, { fiscalYear: 2024, kind: 'project', project: { code: 'RENAME-1', name: '改名前' } })
      ).json();
      const moved = await writePart(editor, created.id, 'projectInfo', (c) => ({
        ...c,
        code: 'RENAME-2',
        name: '改名后',
      }));
      expect(moved.statusCode).toBe(200);
      expect(await report(created.id)).toMatchObject({ projectCode: 'RENAME-2', projectName: '改名后' });
      const taken = await writePart(editor, created.id, 'projectInfo', (c) => ({ ...c, code: CITY }));
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({
        code: 'REPORT_EXISTS',
        details: { reportId: city, path: 'projectInfo.code' },
      });
      expect(await report(created.id)).toMatchObject({ projectCode: 'RENAME-2', projectName: '改名后' });
      const bad = await writePart(editor, created.id, 'projectInfo', (c) => ({ ...c, code: '', name: ' ' }));
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details).toEqual(
        expect.arrayContaining([
          { path: 'projectInfo.code', message: expect.stringContaining('项目编码应为') },
          { path: 'projectInfo.name', message: '请填写项目名称' },
        ]),
      );
    });

    it('amounts are exact decimal strings; a JSON number is refused', async () => {
      const res = await writePart(editor, city, 'scoreTable', (t) => {
        const funding = t['funding'] as Record<string, Record<string, unknown>>;
        return { ...t, funding: { ...funding, total: { ...funding['total'], executed: 18.49 } } };
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().details).toEqual([
        { path: 'scoreTable.funding.total.executed', message: '类型不正确，应为文本' },
      ]);
    });
  });

  it('goes through the workflow: filled in, submitted, commented on its field, returned, fixed, approved, rendered', async () => {
    await writePart(editor, city, 'objectives', (o) => ({
      items: [{ ...(o['items'] as object[])[0], actual: '元旦春节期间走访慰问困难劳模，18.49万元全部发放到位。' }],
    }));
    await writePart(editor, city, 'scoreTable', (t) => {
      const indicators = t['indicators'] as Array<Record<string, unknown>>;
      indicators[2] = {
        ...indicators[2],
        actual: '基本实现',
        score: '27',
        deviationNote: '个别劳模因病致困，需持续跟踪',
      };
      return { ...t, indicators };
    });
    // 10 + 30 + 20 + 27 + 10: stated wrong first, the rule names both numbers
    await writePart(editor, city, 'conclusion', (c) => ({ ...c, totalScore: '96', grade: 'excellent' }));
    const wrong = (await call(editor, 'GET', `/api/reports/${city}/checks`)).json();
    expect(
      wrong.results.find((r: { ruleId: string }) => r.ruleId === 'conclusion.score-equals-table').findings,
    ).toEqual([
      {
        path: 'conclusion.totalScore',
        message: '总得分填报为 96 分，绩效自评表各项得分合计为 97 分',
        remedy: '把总得分改为 97 分，或核对绩效自评表各项得分',
      },
    ]);
    await writePart(editor, city, 'conclusion', (c) => ({ ...c, totalScore: '97' }));
    await writePart(editor, city, 'preparers', (p) => ({ ...p, filledOn: '2025-04-18' }));
    const submitted = await act(editor, city, 'submit');
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().revision).toMatchObject({ number: 1 });
    expect(submitted.json().report).toMatchObject({ status: 'submitted', totalScore: '97.00', grade: 'excellent' });

    expect((await act(reviewer, city, 'start_review')).statusCode).toBe(200);
    // comments point at the table's own fields; a field of another kind's part is refused
    const comment = await call(reviewer, 'POST', `/api/reports/${city}/comments`, {
      part: 'scoreTable',
      fieldPath: 'scoreTable.indicators.2.actual',
      body: '「困难劳模生活得到改善」请补充走访记录。',
    });
    expect(comment.statusCode).toBe(201);
    const elsewhere = await call(reviewer, 'POST', `/api/reports/${city}/comments`, { part: 'budget', body: 'x' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().code).toBe('COMMENT_ANCHOR_INVALID');
    expect((await act(reviewer, city, 'return', '请补充佐证材料')).statusCode).toBe(200);

    await writePart(editor, city, 'scoreTable', (t) => {
      const indicators = t['indicators'] as Array<Record<string, unknown>>;
      indicators[2] = { ...indicators[2], evidence: '走访慰问记录' };
      return { ...t, indicators };
    });
    expect((await act(editor, city, 'submit')).statusCode).toBe(200);
    const diff = (await call(approver, 'GET', `/api/reports/${city}/diff?from=1&to=2`)).json();
    expect(diff.changes).toEqual([
      { kind: 'changed', path: 'scoreTable.indicators.2.evidence', from: '', to: '走访慰问记录' },
    ]);
    const approved = await act(approver, city, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json().report.status).toBe('approved');
    // the revision records no 评价工作组: the table is signed by who filled it in
    const revisions = (await call(approver, 'GET', `/api/reports/${city}/revisions`)).json();
    expect(revisions[1].signOffs.team).toBeNull();

    // the approval asked for both documents, named after the project
    const documents = (await call(approver, 'GET', `/api/reports/${city}/documents`)).json();
    expect(documents.map((d: { edition: string; fileName: string }) => [d.edition, d.fileName]).sort()).toEqual(
      [
        ['r1', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.docx'],
        ['r1', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.pdf'],
        ['r2', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.docx'],
        ['r2', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.pdf'],
        ['r2-approved', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.docx'],
        ['r2-approved', '赵县总工会2024年度2024年市级困难职工及劳模帮扶救助专项资金项目支出绩效自评表.pdf'],
      ].sort(),
    );
  });

  describe('lists', () => {
    it('filters by kind; a project table is listed under its department with its code and name', async () => {
      const projects = (await call(reviewer, 'GET', '/api/reports?fiscalYear=2024&kind=project&limit=200')).json()
        .items;
      expect(projects.every((r: { kind: string }) => r.kind === 'project')).toBe(true);
      expect(projects.map((r: { projectCode: string }) => r.projectCode)).toEqual(
        expect.arrayContaining([PROVINCIAL, CITY]),
      );
      // within a department: the 部门整体 report first, then the projects by code
      const all = (await call(reviewer, 'GET', `/api/reports?fiscalYear=2024&departmentId=${union}&limit=200`)).json()
        .items;
      const codes = all.map((r: { projectCode: string | null }) => r.projectCode);
      expect(codes[0]).toBeNull();
      expect(codes.slice(1)).toEqual([...codes.slice(1)].sort());
    });

    it('pages through both kinds with the cursor, each report once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
          await call(reviewer, 'GET', `/api/reports?limit=2${after}`)
        ).json();
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      const total = (await call(reviewer, 'GET', '/api/reports?limit=200')).json().items.length;
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(total);
    });
  });

  describe('access: role × own department / another department / another county', () => {
    let otherDeptProject: string;
    let foreignProject: string;

    beforeAll(async () => {
      const tenant = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
      const other = await idOf(
        db,
        `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '赵县文化馆', 'budget_department') RETURNING id`,
        [tenant],
      );
      const content = luanchengUnionSports2024();
      content.projectInfo = { ...content.projectInfo, code: 'CULTURE-1', name: '文化下乡' };
      otherDeptProject = await insertReport(db, other, 2024, 'draft', content);
      foreignProject = await idOf(db, `SELECT id FROM reports WHERE project_code = '13011124T000000000301'`);
    });

    it.each([
      ['editor', 'own', 200],
      ['editor', 'other', 403],
      ['editor', 'foreign', 404],
      ['reviewer', 'own', 200],
      ['reviewer', 'other', 200],
      ['reviewer', 'foreign', 404],
      ['foreignReviewer', 'foreign', 200],
      ['foreignReviewer', 'own', 404],
    ] as const)('%s reads a %s project table: %i', async (who, where, status) => {
      const session = { editor, reviewer, foreignReviewer }[who];
      const id = { own: provincial, other: otherDeptProject, foreign: foreignProject }[where];
      const res = await call(session, 'GET', `/api/reports/${id}`);
      expect(res.statusCode).toBe(status);
      if (status === 404) expect(res.json().code).toBe('REPORT_NOT_FOUND');
    });

    it.each([
      ['editor', 'other', 403],
      ['editor', 'foreign', 404],
      ['reviewer', 'own', 403],
      ['foreignEditor', 'own', 404],
    ] as const)('%s may not write a %s project table: %i, nothing changed', async (who, where, status) => {
      const session = { editor, reviewer, foreignEditor }[who];
      const id = { own: city, other: otherDeptProject, foreign: foreignProject }[where];
      const before = await db.owner(
        async (c) =>
          (await c.query(`SELECT version FROM report_parts WHERE report_id = $1 AND part = 'preparers'`, [id])).rows[0]
            .version,
      );
      const res = await call(
        session,
        'PUT',
        `/api/reports/${id}/parts/preparers`,
        { preparer: 'x', phone: '', filledOn: '', unitHead: '', financeHead: '' },
        before,
      );
      expect(res.statusCode).toBe(status);
      const after = await db.owner(
        async (c) =>
          (await c.query(`SELECT version FROM report_parts WHERE report_id = $1 AND part = 'preparers'`, [id])).rows[0]
            .version,
      );
      expect(after).toBe(before);
    });

    it('creating a project table for another department is 403; for another county’s department 404', async () => {
      const other = await idOf(db, `SELECT id FROM departments WHERE name = '赵县文化馆'`);
      const foreignDept = await idOf(db, `SELECT id FROM departments WHERE name = '栾城区总工会'`);
      const project = { code: 'ACCESS-1', name: 'x' };
      expect(
        (await create(editor, { fiscalYear: 2024, kind: 'project', departmentId: other, project })).statusCode,
      ).toBe(403);
      expect(
        (await create(editor, { fiscalYear: 2024, kind: 'project', departmentId: foreignDept, project })).statusCode,
      ).toBe(404);
      expect((await create(foreignEditor, { fiscalYear: 2024, kind: 'project', project })).statusCode).toBe(201);
    });
  });
});
