import { zhaoxianProvincialRelief2024, ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { ZHAOXIAN_UNION_STORED_V1 } from '@evalflow/samples/testing';
import { defaultBuiltin } from '@evalflow/domain';
import { TestDatabase } from '@evalflow/testing';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../lib/data-source-options';
import { claimDocument, documentContent } from '../lib/documents/documents';
import { MIGRATIONS } from '../lib/migrations';
import { ReportKinds1764120000000 } from '../lib/migrations/1764120000000-report-kinds';
import { loadContent, loadParts } from '../lib/reports/parts';
import { findReport, insertReport } from '../lib/reports/reports';
import { findRevision } from '../lib/reports/revisions';
import { setupDatabase } from '../lib/setup/database-setup';
import { TenantDb } from '../lib/tenant-db';

const V1_2024 = ZHAOXIAN_UNION_STORED_V1['2024'];
/** report kinds and every migration after it (templates, …), oldest first */
const sinceReportKinds = MIGRATIONS.slice(MIGRATIONS.indexOf(ReportKinds1764120000000));

/** A version-1 report of the sample as the database held it before the migration: parts, a revision, a comment, a return, a draft document. */
async function arrangeV1(db: TestDatabase) {
  return db.owner(async (c) => {
    const [{ id: tenantId }] = (
      await c.query(
        `INSERT INTO tenants (name, region_code, city, province) VALUES ('赵县', '130133', '石家庄市', '河北省') RETURNING id`,
      )
    ).rows;
    const [{ id: departmentId }] = (
      await c.query(
        `INSERT INTO departments (tenant_id, name, kind) VALUES ($1, '赵县总工会', 'budget_department') RETURNING id`,
        [tenantId],
      )
    ).rows;
    const [{ id: reportId }] = (
      await c.query(
        `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, status, schema_version)
         VALUES ($1, $2, 2024, 'department_overall', 'returned', 1) RETURNING id`,
        [tenantId, departmentId],
      )
    ).rows;
    const { schemaVersion: _version, ...parts } = V1_2024;
    for (const [part, content] of Object.entries(parts)) {
      await c.query(`INSERT INTO report_parts (report_id, tenant_id, part, content) VALUES ($1, $2, $3, $4)`, [
        reportId,
        tenantId,
        part,
        JSON.stringify(content),
      ]);
    }
    const [{ id: revisionId }] = (
      await c.query(
        `INSERT INTO report_revisions (tenant_id, report_id, number, schema_version, content, report_version)
         VALUES ($1, $2, 1, 1, $3, 1) RETURNING id`,
        [tenantId, reportId, JSON.stringify(V1_2024)],
      )
    ).rows;
    const [{ id: threadId }] = (
      await c.query(
        `INSERT INTO comment_threads (tenant_id, report_id, part, field_path) VALUES ($1, $2, 'budget', 'budget.projectSpent')
         RETURNING id`,
        [tenantId, reportId],
      )
    ).rows;
    const openComments = [
      { id: threadId, part: 'budget', fieldPath: 'budget.projectSpent', body: '当年项目支出与决算不一致' },
      { id: threadId, part: 'budget', fieldPath: 'budget.lines.2.amount', body: '第 3 项金额' },
    ];
    await c.query(
      `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, reason, open_comments)
       VALUES ($1, $2, 'return', 'submitted', 'returned', '请核对', $3)`,
      [tenantId, reportId, JSON.stringify(openComments)],
    );
    const [{ id: documentId }] = (
      await c.query(
        `INSERT INTO documents (tenant_id, report_id, edition, content_snapshot, format, template_version, watermark)
         VALUES ($1, $2, 'v1', $3, 'pdf', 1, '草稿') RETURNING id`,
        [tenantId, reportId, JSON.stringify(V1_2024)],
      )
    ).rows;
    return { tenantId, departmentId, reportId, revisionId, threadId, documentId };
  });
}

describe('the report-kinds migration (schema v1 → v2, real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let app: DataSource;
  let tenantDb: TenantDb;
  let ids: Awaited<ReturnType<typeof arrangeV1>>;

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'kinds-test' }));
    await owner.initialize();
    // back to the schema before report kinds (and the migrations after it), with a version-1 report in it,
    // then forward again
    for (let i = 0; i < sinceReportKinds.length; i++) await owner.undoLastMigration({ transaction: 'each' });
    ids = await arrangeV1(db);
    const applied = await owner.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(sinceReportKinds.map((m) => new m().name));
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'kinds-test' }));
    await app.initialize();
    tenantDb = new TenantDb(app);
  });

  afterAll(async () => {
    await app?.destroy();
    await owner?.destroy();
    await db?.destroy();
  });

  it('rewrites the live parts to version 2: the stored sample reads back as exactly the version-2 sample', async () => {
    const { report, content, parts } = await tenantDb.tx(async (tx) => {
      const found = await findReport(tx, ids.reportId);
      if (!found) throw new Error('report lost');
      return { report: found, content: await loadContent(tx, found), parts: await loadParts(tx, found) };
    }, ids.tenantId);
    expect(report.schemaVersion).toBe(2);
    expect(content).toEqual(ZHAOXIAN_UNION_2024);
    // stored as version 2, not merely read as it
    const stored = await db.owner(
      async (c) =>
        (await c.query(`SELECT content FROM report_parts WHERE report_id = $1 AND part = 'budget'`, [ids.reportId]))
          .rows[0].content,
    );
    expect(stored).toEqual(ZHAOXIAN_UNION_2024.budget);
    // a part version 2 did not change keeps its version: no edit happened
    expect(parts.every((p) => p.version === 1)).toBe(true);
  });

  it('keeps the frozen revision and the draft snapshot as stored, and reads them as version 2', async () => {
    const revision = await db.owner(
      async (c) =>
        (await c.query(`SELECT schema_version, content FROM report_revisions WHERE id = $1`, [ids.revisionId])).rows[0],
    );
    expect(revision).toEqual({ schema_version: 1, content: V1_2024 });
    const read = await tenantDb.tx(
      (tx) => findRevision(tx, { id: ids.reportId, kind: 'department_overall' }, 1),
      ids.tenantId,
    );
    expect(read?.content).toEqual(ZHAOXIAN_UNION_2024);
    const claimed = await tenantDb.tx((tx) => claimDocument(tx, ids.documentId), ids.tenantId);
    expect(claimed && !claimed.done && documentContent(claimed)).toEqual(ZHAOXIAN_UNION_2024);
  });

  it('moves comment anchors and the open comments a return carried with their field', async () => {
    const [thread, transition] = await db.owner(async (c) => [
      (await c.query(`SELECT field_path FROM comment_threads WHERE id = $1`, [ids.threadId])).rows[0],
      (await c.query(`SELECT open_comments FROM report_transitions WHERE report_id = $1`, [ids.reportId])).rows[0],
    ]);
    expect(thread.field_path).toBe('budget.expenditure.project.actual');
    expect(transition.open_comments.map((c: { fieldPath: string }) => c.fieldPath)).toEqual([
      'budget.expenditure.project.actual',
      'budget.lines.2.amount',
    ]);
  });

  it('keys project tables by 项目编码: a second table of the same code, department and year is refused', async () => {
    const project = zhaoxianProvincialRelief2024();
    const insert = (code: string) =>
      tenantDb.tx(
        (tx) =>
          insertReport(tx, {
            departmentId: ids.departmentId,
            fiscalYear: 2024,
            kind: 'project',
            project: { code, name: project.projectInfo.name },
            schemaVersion: 1,
            templateVersionId: defaultBuiltin('project').id,
            summary: { totalScore: null, grade: null, executionRate: null },
          }),
        ids.tenantId,
      );
    const first = await insert('13013324T000000000098');
    expect(first.created).toBe(true);
    expect(await insert('13013324T000000000098')).toEqual({
      created: false,
      existingId: (first as { id: string }).id,
    });
    expect((await insert('13013324T000000000099')).created).toBe(true);
    // the 部门整体 report of the same department and year is a different key
    expect(
      await tenantDb.tx(
        (tx) =>
          insertReport(tx, {
            departmentId: ids.departmentId,
            fiscalYear: 2024,
            kind: 'department_overall',
            project: null,
            schemaVersion: 2,
            templateVersionId: defaultBuiltin('department_overall').id,
            summary: { totalScore: null, grade: null, executionRate: null },
          }),
        ids.tenantId,
      ),
    ).toEqual({ created: false, existingId: ids.reportId });
  });

  it('refuses rows the kinds forbid: a project without its code, a 部门整体 report with one, a malformed code', async () => {
    await db.owner(async (c) => {
      const insert = (kind: string, code: string | null, name: string | null) =>
        c.query(
          `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, project_code, project_name, schema_version,
                                template_version_id)
           VALUES ($1, $2, 2030, $3, $4, $5, 1, $6)`,
          [ids.tenantId, ids.departmentId, kind, code, name, defaultBuiltin('project').id],
        );
      await expect(insert('project', null, null)).rejects.toThrow(/reports_project_key_present/);
      await expect(insert('department_overall', 'X1', '某项目')).rejects.toThrow(/reports_project_key_present/);
      await expect(insert('project', 'bad code!', '某项目')).rejects.toThrow(/reports_project_code_check/);
      await expect(insert('transfer_payment', null, null)).rejects.toThrow(/reports_kind_check/);
      await expect(
        c.query(`INSERT INTO report_parts (report_id, tenant_id, part, content) VALUES ($1, $2, 'appendix', '{}')`, [
          ids.reportId,
          ids.tenantId,
        ]),
      ).rejects.toThrow(/report_parts_part_check/);
    });
  });

  it('reverts only without losing a fact: refused while project tables exist, else back to version 1 exactly', async () => {
    // templates and the migrations after it
    for (let i = 1; i < sinceReportKinds.length; i++) await owner.undoLastMigration({ transaction: 'each' });
    await expect(owner.undoLastMigration({ transaction: 'each' })).rejects.toThrow(/project tables/);
    await db.owner((c) => c.query(`DELETE FROM reports WHERE kind = 'project'`));
    await owner.undoLastMigration({ transaction: 'each' });
    const back = await db.owner(
      async (c) => (await c.query(`SELECT part, content FROM report_parts WHERE report_id = $1`, [ids.reportId])).rows,
    );
    const { schemaVersion: _version, ...parts } = V1_2024;
    expect(Object.fromEntries(back.map((r: { part: string; content: unknown }) => [r.part, r.content]))).toEqual(parts);
    await owner.runMigrations({ transaction: 'each' });
    const again = await tenantDb.tx(async (tx) => {
      const found = await findReport(tx, ids.reportId);
      return found && loadContent(tx, found);
    }, ids.tenantId);
    expect(again).toEqual(ZHAOXIAN_UNION_2024);
  });
});
