import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { dec, type GradeKey } from '@evalflow/domain';
import { DASHBOARD_SQL, loadDashboardRecords, rowsOf, TenantDb } from '@evalflow/persistence';
import type { TestDatabase } from '@evalflow/testing';
import { as, idOf, loginAll, startSeededApi, type Session } from './support/harness';

interface SeededReport {
  id: string;
  department: string;
  kind: string;
  status: string;
  total_score: string | null;
  grade: GradeKey | null;
  execution_rate: string | null;
}

/** 县级概览 from GET /api/dashboard, checked against the demo seed as the owner reads it (real API and PostgreSQL). */
describe('county dashboard (real API and PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let close: () => Promise<unknown>;
  let reviewer: Session;
  let approver: Session;
  let editor: Session;
  let admin: Session;
  let foreignReviewer: Session;
  let zhaoxian: string;
  let luancheng: string;

  const dashboard = (s: Session, query = '') => as(app, s)({ method: 'GET', url: `/api/dashboard${query}` });
  /** The seeded reports of a county's year, read as the owner (no RLS): the oracle of the figures. */
  const seeded = (tenantId: string, year: number) =>
    db.owner(
      async (c) =>
        (
          await c.query<SeededReport>(
            `SELECT r.id, d.name AS department, r.kind, r.status, r.total_score::text AS total_score, r.grade,
                    r.execution_rate::text AS execution_rate
               FROM reports r JOIN departments d ON d.id = r.department_id
              WHERE r.tenant_id = $1 AND r.fiscal_year = $2`,
            [tenantId, year],
          )
        ).rows,
    );
  const mean = (values: string[]) =>
    values.length
      ? values
          .reduce((s, v) => s.plus(v), dec(0))
          .div(values.length)
          .toFixed(2)
      : null;

  beforeAll(async () => {
    ({ db, app, close } = await startSeededApi());
    [reviewer, approver, editor, admin, foreignReviewer] = await loginAll(app, [
      'zhaoxian.finance.reviewer',
      'zhaoxian.finance.approver',
      'zhaoxian.union.editor',
      'zhaoxian.admin',
      'luancheng.finance.reviewer',
    ]);
    zhaoxian = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130133'`);
    luancheng = await idOf(db, `SELECT id FROM tenants WHERE region_code = '130111'`);
  });

  afterAll(async () => {
    await close?.();
  });

  it('counts a county’s year as the seeded reports say: per status and kind, per department, averages', async () => {
    for (const [session, tenant] of [
      [reviewer, zhaoxian],
      [foreignReviewer, luancheng],
    ] as const) {
      const res = await dashboard(session, '?fiscalYear=2024');
      expect(res.statusCode).toBe(200);
      const body = res.json();
      const reports = await seeded(tenant, 2024);
      const overall = reports.filter((r) => r.kind === 'department_overall');

      const expectedCounts = new Map<string, number>();
      for (const r of reports)
        expectedCounts.set(`${r.kind}/${r.status}`, (expectedCounts.get(`${r.kind}/${r.status}`) ?? 0) + 1);
      expect(
        Object.fromEntries(
          body.statusCounts.map((c: { kind: string; status: string; count: number }) => [
            `${c.kind}/${c.status}`,
            c.count,
          ]),
        ),
      ).toEqual(Object.fromEntries(expectedCounts));

      // every seeded report appears once, under its own department, with its summary columns
      const listed = body.departments.flatMap((d: { name: string; report: unknown; projectReports: unknown[] }) =>
        [d.report, ...d.projectReports].filter(Boolean).map((r) => ({ department: d.name, ...(r as object) })),
      );
      expect(listed).toHaveLength(reports.length);
      for (const r of reports) {
        expect(listed).toContainEqual(
          expect.objectContaining({
            id: r.id,
            department: r.department,
            kind: r.kind,
            status: r.status,
            totalScore: r.total_score,
            grade: r.grade,
            executionRate: r.execution_rate,
          }),
        );
      }

      // a draft's (or returned report's) self-given score is left out of the average and the grades, counted apart
      const handedIn = overall.filter((r) => r.status !== 'draft' && r.status !== 'returned');
      const scores = handedIn.flatMap((r) => (r.total_score ? [r.total_score] : []));
      const draftsScored = overall.filter((r) => r.total_score).length - scores.length;
      const rates = overall.flatMap((r) => (r.execution_rate ? [r.execution_rate] : []));
      expect(body.current).toMatchObject({
        fiscalYear: 2024,
        reports: overall.length,
        scored: scores.length,
        draftsScored,
        averageScore: mean(scores),
        rated: rates.length,
        averageExecutionRate: mean(rates),
      });
      expect(body.summary).toMatchObject({ averageScore: mean(scores), scored: scores.length, draftsScored });
      if (tenant === zhaoxian) expect(draftsScored).toBeGreaterThan(0);
      expect(body.summary.projects.total).toBe(reports.length - overall.length);
      const grades = Object.fromEntries(
        body.current.grades.map((g: { grade: string; count: number }) => [g.grade, g.count]),
      );
      for (const grade of ['excellent', 'good', 'fair', 'poor']) {
        expect(grades[grade]).toBe(handedIn.filter((r) => r.grade === grade).length);
      }
      // a point for each report with both a score and an 执行率, as exact decimal strings
      const points = reports.filter((r) => r.total_score && r.execution_rate);
      expect(body.scatter).toHaveLength(points.length);
      for (const p of body.scatter)
        expect(typeof p.totalScore === 'string' && typeof p.executionRate === 'string').toBe(true);
      // a score not yet handed in (draft or returned) is marked, so the chart shows it apart
      const selfScored = new Set(
        points.filter((r) => r.status === 'draft' || r.status === 'returned').map((r) => r.id),
      );
      for (const p of body.scatter) expect(p.selfScored).toBe(selfScored.has(p.reportId));
    }
  });

  it('shows 赵县’s 2024 as the demo has it, with the county’s labels and last year beside it', async () => {
    const body = (await dashboard(approver, '?fiscalYear=2024')).json();
    const union = body.departments.find((d: { name: string }) => d.name === '赵县总工会');
    expect(union).toMatchObject({
      progress: 'draft',
      report: { status: 'draft', totalScore: '95.00', grade: 'excellent', gradeLabel: '优秀', executionRate: '100.00' },
      projects: { total: 2, submitted: 1, approved: 0 },
    });
    expect(body.gradeBands.map((b: { label: string }) => b.label)).toEqual(['优秀', '良好', '中', '差']);
    expect(body.years).toEqual(expect.arrayContaining([2024, 2023]));
    // last year: the approved 2023 report
    const [last] = await seeded(zhaoxian, 2023);
    expect(body.previous).toMatchObject({
      fiscalYear: 2023,
      reports: 1,
      averageScore: dec(last.total_score as string).toFixed(2),
    });
    // no year asked: the newest with reports
    expect((await dashboard(reviewer)).json().fiscalYear).toBe(2024);
  });

  it('follows the year’s cycle week by week from report_transitions, weeks without events kept', async () => {
    // 栾城区 2024: 民政局 submitted Mon 21 April, 教育局 Fri 25 April, 卫生健康局 Tue 29 April (the project table is apart)
    expect((await dashboard(foreignReviewer, '?fiscalYear=2024')).json().progress).toEqual([
      { weekStart: '2025-04-21', submitted: 2, approved: 0, submittedTotal: 2, approvedTotal: 0 },
      { weekStart: '2025-04-28', submitted: 1, approved: 0, submittedTotal: 3, approvedTotal: 0 },
    ]);
    // 赵县 2023: submitted 18 April, approved 6 May 2024
    expect((await dashboard(reviewer, '?fiscalYear=2023')).json().progress).toEqual([
      { weekStart: '2024-04-15', submitted: 1, approved: 0, submittedTotal: 1, approvedTotal: 0 },
      { weekStart: '2024-04-22', submitted: 0, approved: 0, submittedTotal: 1, approvedTotal: 0 },
      { weekStart: '2024-04-29', submitted: 0, approved: 0, submittedTotal: 1, approvedTotal: 0 },
      { weekStart: '2024-05-06', submitted: 0, approved: 1, submittedTotal: 1, approvedTotal: 1 },
    ]);
  });

  it('never shows another county’s departments or reports', async () => {
    const text = (await dashboard(reviewer, '?fiscalYear=2024')).body;
    const foreign = await seeded(luancheng, 2024);
    expect(foreign.length).toBeGreaterThan(0);
    for (const r of foreign) {
      expect(text).not.toContain(r.id);
      expect(text).not.toContain(r.department);
    }
    expect(text).not.toContain('栾城区');
  });

  it('runs under row-level security: its SQL, asked for 赵县 inside 栾城区’s transaction, finds nothing', async () => {
    const tenantDb = app.get(TenantDb);
    const asked = await tenantDb.tx(async (tx) => {
      const answers: Record<string, number> = {};
      for (const [name, sql] of Object.entries(DASHBOARD_SQL)) {
        const params = name === 'years' ? [zhaoxian] : name === 'figures' ? [zhaoxian, 2024, '[]'] : [zhaoxian, 2024];
        answers[name] = (await rowsOf(tx, sql, params)).length;
      }
      return answers;
    }, luancheng);
    expect(asked).toEqual({
      years: 0,
      deadline: 0,
      departments: 0,
      reports: 0,
      figures: 0,
      progress: 0,
      flagReports: 0,
      rectifications: 0,
    });
    // the same statements in 赵县's own transaction do find its rows
    const own = await tenantDb.tx((tx) => loadDashboardRecords(tx, 2024, []), zhaoxian);
    expect(own.reports.length).toBe((await seeded(zhaoxian, 2024)).length);
    expect(own.departments.map((d) => d.name)).toContain('赵县总工会');
  });

  it('refuses department staff and the county administrator (403), and anyone signed out (401)', async () => {
    for (const session of [editor, admin]) {
      const res = await dashboard(session, '?fiscalYear=2024');
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('FORBIDDEN');
    }
    expect((await as(app, null)({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });

  it('refuses a bad fiscalYear at the edge with a stable code', async () => {
    for (const query of ['?fiscalYear=2024年', '?fiscalYear=1999', '?fiscalYear=2101', '?fiscalYear=', '?year=2024']) {
      const res = await dashboard(reviewer, query);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_FAILED');
    }
    const later = await dashboard(reviewer, `?fiscalYear=${new Date().getFullYear() + 2}`);
    expect(later.statusCode).toBe(400);
    expect(later.json()).toMatchObject({ code: 'REPORT_YEAR_INVALID', message: '年度不能晚于明年' });
  });

  it('answers a year without reports with empty figures, not an error', async () => {
    const body = (await dashboard(reviewer, '?fiscalYear=2020')).json();
    expect(body.summary).toMatchObject({
      scored: 0,
      averageScore: null,
      byProgress: { missing: body.departments.length },
    });
    expect(body).toMatchObject({ statusCounts: [], scatter: [], progress: [] });
    expect(body.current.grades.every((g: { count: number }) => g.count === 0)).toBe(true);
  });
});
