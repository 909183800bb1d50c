import { Argon2PasswordHasher } from '@evalflow/auth';
import { dataSourceOptions, setupDatabase } from '@evalflow/persistence';
import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { allDemoUsers, DEMO_PASSWORD } from './demo-data';
import { seedDemo } from './seed-demo';

async function snapshot(db: TestDatabase) {
  return db.owner(async (c) => {
    const out: Record<string, unknown[]> = {};
    for (const table of [
      'tenants',
      'departments',
      'users',
      'user_roles',
      'tenant_settings',
      'reports',
      'report_parts',
      'report_revisions',
      'report_transitions',
      'comment_threads',
      'comments',
      'report_deadlines',
      'indicator_library',
    ]) {
      out[table] = (await c.query(`SELECT * FROM ${table} ORDER BY 1, 2`)).rows;
    }
    return out;
  });
}

describe('demo seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  const hasher = new Argon2PasswordHasher();

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 2, applicationName: 'seed-test' }));
    await owner.initialize();
  });
  afterAll(async () => {
    await owner?.destroy();
    await db?.destroy();
  });

  it('creates the two demo counties with their departments and the twelve logins', async () => {
    const report = await seedDemo(owner, hasher);
    expect(report).toEqual({
      tenantsCreated: 2,
      departmentsCreated: 7,
      usersCreated: 12,
      reportsCreated: 8,
      libraryEntriesCreated: 22,
      templatesCreated: 1,
    });
    const tenants = await owner.query(`SELECT name, region_code, city, province FROM tenants ORDER BY region_code`);
    expect(tenants).toEqual([
      { name: '栾城区', region_code: '130111', city: '石家庄市', province: '河北省' },
      { name: '赵县', region_code: '130133', city: '石家庄市', province: '河北省' },
    ]);
    const union = await owner.query(
      `SELECT d.kind, d.unit_nature, d.unit_level, d.funding_form FROM departments d WHERE d.name = '赵县总工会'`,
    );
    expect(union).toEqual([
      { kind: 'budget_department', unit_nature: '行政', unit_level: '正科级', funding_form: '财政拨款' },
    ]);
  });

  it('gives each login its role, county and department', async () => {
    const rows: Array<{ username: string; role: string; county: string | null; department: string | null }> =
      await owner.query(`
      SELECT u.username, r.role, t.name AS county, d.name AS department
        FROM users u JOIN user_roles r ON r.user_id = u.id
        LEFT JOIN tenants t ON t.id = u.tenant_id LEFT JOIN departments d ON d.id = u.department_id
       ORDER BY u.username`);
    expect(rows.map((r) => r.username)).toEqual(
      allDemoUsers()
        .map((u) => u.username)
        .sort(),
    );
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(byName['platform.admin']).toEqual({
      username: 'platform.admin',
      role: 'platform_admin',
      county: null,
      department: null,
    });
    expect(byName['zhaoxian.union.editor']).toMatchObject({
      role: 'dept_editor',
      county: '赵县',
      department: '赵县总工会',
    });
    expect(byName['luancheng.finance.approver']).toMatchObject({
      role: 'finance_approver',
      county: '栾城区',
      department: '栾城区财政局',
    });
  });

  it('files the sample report of 赵县总工会 for 2024 as a draft, on top of the approved 2023 one', async () => {
    const reports = await owner.query(`
      SELECT d.name AS department, r.fiscal_year, r.status, r.total_score::text AS total_score, r.grade,
             r.execution_rate::text AS execution_rate,
             (SELECT count(*)::int FROM report_parts p WHERE p.report_id = r.id) AS parts
        FROM reports r JOIN departments d ON d.id = r.department_id
       WHERE d.name = '赵县总工会' AND r.kind = 'department_overall' ORDER BY r.fiscal_year`);
    expect(reports).toEqual([
      {
        department: '赵县总工会',
        fiscal_year: 2023,
        status: 'approved',
        total_score: '95.00',
        grade: 'excellent',
        execution_rate: '100.00',
        parts: 10,
      },
      {
        department: '赵县总工会',
        fiscal_year: 2024,
        status: 'draft',
        total_score: '95.00',
        grade: 'excellent',
        execution_rate: '100.00',
        parts: 10,
      },
    ]);
    const [budget] = await owner.query(
      `SELECT p.content FROM report_parts p JOIN reports r ON r.id = p.report_id
        WHERE r.fiscal_year = 2024 AND p.part = 'budget' AND r.tenant_id = (SELECT id FROM tenants WHERE region_code = '130133')`,
    );
    expect(budget.content.expenditure.project).toEqual({ budget: '178.646', actual: '178.646' });
    expect(budget.content.lines).toHaveLength(9);
    const [settings] = await owner.query(
      `SELECT s.grade_bands FROM tenant_settings s JOIN tenants t ON t.id = s.tenant_id WHERE t.region_code = '130133'`,
    );
    expect(settings.grade_bands.map((b: { label: string }) => b.label)).toEqual(['优秀', '良好', '中', '差']);
  });

  it('shows a report in each state, each with the history that state implies', async () => {
    const reports: Array<{ department: string; status: string; actions: string[]; revisions: number }> =
      await owner.query(`
      SELECT d.name AS department, r.status,
             ARRAY(SELECT t.action FROM report_transitions t WHERE t.report_id = r.id ORDER BY t.occurred_at) AS actions,
             (SELECT count(*)::int FROM report_revisions v WHERE v.report_id = r.id) AS revisions
        FROM reports r JOIN departments d ON d.id = r.department_id
       WHERE r.kind = 'department_overall' ORDER BY d.name, r.fiscal_year`);
    expect(new Set(reports.map((r) => r.status))).toEqual(
      new Set(['draft', 'submitted', 'in_review', 'returned', 'approved']),
    );
    const byDepartment = Object.fromEntries(reports.map((r) => [r.department, r]));
    expect(byDepartment['栾城区教育局']).toMatchObject({ status: 'submitted', actions: ['submit'], revisions: 1 });
    expect(byDepartment['栾城区民政局']).toMatchObject({ status: 'in_review', actions: ['submit', 'start_review'] });
    expect(byDepartment['栾城区卫生健康局']).toMatchObject({
      status: 'returned',
      actions: ['submit', 'start_review', 'return'],
      revisions: 1,
    });
    // the return carries its two open comments, one answered by the department
    const [returned] = await owner.query(
      `SELECT t.reason, jsonb_array_length(t.open_comments) AS open_comments,
              (SELECT count(*)::int FROM comment_threads c WHERE c.report_id = t.report_id AND c.status = 'open') AS threads,
              (SELECT count(*)::int FROM comments c JOIN comment_threads ct ON ct.id = c.thread_id
                WHERE ct.report_id = t.report_id AND c.side = 'department') AS replies
         FROM report_transitions t WHERE t.action = 'return'`,
    );
    expect(returned).toMatchObject({
      open_comments: 2,
      threads: 2,
      replies: 1,
      reason: expect.stringContaining('预算明细'),
    });
    // the revision holds the report as submitted, with the department's own name in it
    const [frozen] = await owner.query(
      `SELECT v.content->'header'->>'departmentName' AS name FROM report_revisions v
         JOIN reports r ON r.id = v.report_id JOIN departments d ON d.id = r.department_id WHERE d.name = '栾城区民政局'`,
    );
    expect(frozen.name).toContain('栾城区民政局');
  });

  it('files 项目支出绩效自评表 beside the 部门整体 reports: 赵县总工会 one submitted and one draft, 栾城区 one in review', async () => {
    const projects = await owner.query(`
      SELECT t.name AS county, d.name AS department, r.project_code AS code, r.project_name AS name, r.status,
             r.total_score::text AS total_score, r.execution_rate::text AS execution_rate, r.schema_version,
             ARRAY(SELECT p.part FROM report_parts p WHERE p.report_id = r.id ORDER BY p.part) AS parts,
             (SELECT count(*)::int FROM report_revisions v WHERE v.report_id = r.id) AS revisions
        FROM reports r JOIN departments d ON d.id = r.department_id JOIN tenants t ON t.id = r.tenant_id
       WHERE r.kind = 'project' ORDER BY t.region_code DESC, r.project_code`);
    const parts = ['conclusion', 'objectives', 'preparers', 'projectInfo', 'scoreTable'];
    expect(projects).toEqual([
      {
        county: '赵县',
        department: '赵县总工会',
        code: '13013324T000000000025',
        name: '2024年市级困难职工及劳模帮扶救助专项资金',
        status: 'draft',
        total_score: null,
        execution_rate: '100.00',
        schema_version: 1,
        parts,
        revisions: 0,
      },
      {
        county: '赵县',
        department: '赵县总工会',
        code: '13013324T000000000098',
        name: '2024年困难职工及劳模帮扶救助专项资金（省级）',
        status: 'submitted',
        total_score: '97.00',
        execution_rate: '100.00',
        schema_version: 1,
        parts,
        revisions: 1,
      },
      {
        county: '栾城区',
        department: '栾城区总工会',
        code: '13011124T000000000301',
        name: '职工文体活动经费',
        status: 'in_review',
        total_score: '95.04',
        execution_rate: '95.38',
        schema_version: 1,
        parts,
        revisions: 1,
      },
    ]);
    // the submitted revision has no 评价工作组 to confirm: a project table is signed by who filled it in
    const [signOffs] = await owner.query(
      `SELECT v.sign_offs FROM report_revisions v JOIN reports r ON r.id = v.report_id
        WHERE r.project_code = '13013324T000000000098'`,
    );
    expect(signOffs.sign_offs).toEqual({ head: null, team: null });
  });

  it('gives 赵县 a 指标库 with the sample’s indicators (one archived), and 栾城区 none', async () => {
    const rows: Array<{ county: string; level1: string; level3: string; nature: string; active: boolean }> =
      await owner.query(`
      SELECT t.name AS county, l.level1, l.level3, l.nature, l.active
        FROM indicator_library l JOIN tenants t ON t.id = l.tenant_id ORDER BY l.level1, l.level2, l.level3`);
    expect(new Set(rows.map((r) => r.county))).toEqual(new Set(['赵县']));
    expect(rows).toHaveLength(22);
    expect(rows.filter((r) => !r.active).map((r) => r.level3)).toEqual(['会员保险覆盖人数']);
    const names = rows.map((r) => r.level3);
    for (const sample of ['上解市总工会经费', '职工满意度', '资金发放准确率', '受益对象满意度', '预算管理水平']) {
      expect(names).toContain(sample);
    }
    expect(new Set(rows.map((r) => r.level1))).toEqual(new Set(['产出指标', '效益指标', '满意度指标']));
    expect(new Set(rows.map((r) => r.nature))).toEqual(new Set(['=', '>=', '<=', 'qualitative']));
  });

  it('stores the demo password as argon2id, never in clear', async () => {
    const [{ password_hash }] = await owner.query(`SELECT password_hash FROM users WHERE username = 'zhaoxian.admin'`);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(password_hash, DEMO_PASSWORD)).toBe(true);
    expect(await hasher.verify(password_hash, 'wrong')).toBe(false);
  });

  it('running it again changes nothing', async () => {
    const before = await snapshot(db);
    const report = await seedDemo(owner, hasher);
    expect(report).toEqual({
      tenantsCreated: 0,
      departmentsCreated: 0,
      usersCreated: 0,
      reportsCreated: 0,
      libraryEntriesCreated: 0,
      templatesCreated: 0,
    });
    expect(await snapshot(db)).toEqual(before);
  });
});
