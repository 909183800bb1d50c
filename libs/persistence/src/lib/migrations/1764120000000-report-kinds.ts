import {
  OVERALL_PARTS,
  PROJECT_CODE_PATTERN,
  REPORT_KINDS,
  REPORT_PARTS,
  upcastFieldPath,
  upcastPart,
} from '@evalflow/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
// the pattern as PostgreSQL reads it (the same regular expression, without JavaScript's slashes)
const PROJECT_CODE_SQL = PROJECT_CODE_PATTERN.source;

/**
 * Report kinds: besides the 部门整体 report, the 项目支出绩效自评表 — any number a department and year,
 * keyed by 项目编码 — and schema version 2 of the 部门整体 report. The live parts of every version-1
 * report are rewritten to version 2 by libs/domain's upcast (the same function that reads frozen
 * revisions and document snapshots, which keep their stored bytes), and comment anchors follow their
 * field. Data is migrated county by county, inside each county's row-level security.
 */
export class ReportKinds1764120000000 implements MigrationInterface {
  name = 'ReportKinds1764120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_kind_check`);
    await q.query(`ALTER TABLE reports ADD CONSTRAINT reports_kind_check CHECK (kind IN (${list(REPORT_KINDS)}))`);
    await q.query(`
      ALTER TABLE reports
        ADD COLUMN project_code text CONSTRAINT reports_project_code_check CHECK (project_code ~ '${PROJECT_CODE_SQL}'),
        ADD COLUMN project_name text CONSTRAINT reports_project_name_check
          CHECK (length(project_name) BETWEEN 1 AND 200),
        -- a project table has its key; no other report has one
        ADD CONSTRAINT reports_project_key_present
          CHECK ((kind = 'project') = (project_code IS NOT NULL) AND (project_code IS NULL) = (project_name IS NULL))`);
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_department_year_kind_key`);
    await q.query(`
      CREATE UNIQUE INDEX reports_overall_key ON reports (tenant_id, department_id, fiscal_year)
        WHERE kind = 'department_overall'`);
    await q.query(`
      CREATE UNIQUE INDEX reports_project_key ON reports (tenant_id, department_id, fiscal_year, project_code)
        WHERE kind = 'project'`);
    // last year's table of the same project, for prefill
    await q.query(`CREATE INDEX reports_project_code_idx ON reports (tenant_id, project_code) WHERE kind = 'project'`);
    await q.query(`ALTER TABLE report_parts DROP CONSTRAINT report_parts_part_check`);
    await q.query(
      `ALTER TABLE report_parts ADD CONSTRAINT report_parts_part_check CHECK (part IN (${list(REPORT_PARTS)}))`,
    );

    for (const tenantId of await tenantIds(q)) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await upgradeOverallReports(q);
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const tenantId of await tenantIds(q)) {
      await q.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const [{ count }] = await q.query(`SELECT count(*)::int AS count FROM reports WHERE kind = 'project'`);
      if (count > 0) throw new Error(`cannot revert report kinds: county ${tenantId} has ${count} project tables`);
      await downgradeOverallReports(q);
    }
    await q.query(`SELECT set_config('app.tenant_id', '', true)`);
    await q.query(`ALTER TABLE report_parts DROP CONSTRAINT report_parts_part_check`);
    await q.query(
      `ALTER TABLE report_parts ADD CONSTRAINT report_parts_part_check CHECK (part IN (${list(OVERALL_PARTS)}))`,
    );
    await q.query(`DROP INDEX reports_project_code_idx`);
    await q.query(`DROP INDEX reports_project_key`);
    await q.query(`DROP INDEX reports_overall_key`);
    await q.query(
      `ALTER TABLE reports ADD CONSTRAINT reports_department_year_kind_key UNIQUE (tenant_id, department_id, fiscal_year, kind)`,
    );
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_project_key_present`);
    await q.query(`ALTER TABLE reports DROP COLUMN project_code, DROP COLUMN project_name`);
    await q.query(`ALTER TABLE reports DROP CONSTRAINT reports_kind_check`);
    await q.query(`ALTER TABLE reports ADD CONSTRAINT reports_kind_check CHECK (kind IN ('department_overall'))`);
  }
}

async function tenantIds(q: QueryRunner): Promise<string[]> {
  const rows: Array<{ id: string }> = await q.query(`SELECT id FROM tenants ORDER BY id`);
  return rows.map((r) => r.id);
}

/** Every version-1 report of the county: its parts upcast, its comment anchors moved, its version raised. */
async function upgradeOverallReports(q: QueryRunner): Promise<void> {
  const reports: Array<{ id: string }> = await q.query(
    `SELECT id FROM reports WHERE kind = 'department_overall' AND schema_version = 1 ORDER BY id FOR UPDATE`,
  );
  for (const { id } of reports) {
    const parts: Array<{ part: string; content: unknown }> = await q.query(
      `SELECT part, content FROM report_parts WHERE report_id = $1`,
      [id],
    );
    for (const { part, content } of parts) {
      const upgraded = upcastPart('department_overall', 1, part as (typeof OVERALL_PARTS)[number], content);
      if (upgraded === content) continue;
      await q.query(`UPDATE report_parts SET content = $3 WHERE report_id = $1 AND part = $2`, [
        id,
        part,
        JSON.stringify(upgraded),
      ]);
    }
    const threads: Array<{ id: string; field_path: string }> = await q.query(
      `SELECT id, field_path FROM comment_threads WHERE report_id = $1 AND field_path IS NOT NULL`,
      [id],
    );
    for (const thread of threads) {
      const moved = upcastFieldPath('department_overall', 1, thread.field_path);
      if (moved !== thread.field_path) {
        await q.query(`UPDATE comment_threads SET field_path = $2 WHERE id = $1`, [thread.id, moved]);
      }
    }
    // the open comments a return carried, as the history shows them
    const returns: Array<{ id: string; open_comments: Array<{ fieldPath: string | null }> }> = await q.query(
      `SELECT id, open_comments FROM report_transitions WHERE report_id = $1 AND jsonb_array_length(open_comments) > 0`,
      [id],
    );
    for (const t of returns) {
      const moved = t.open_comments.map((c) =>
        c.fieldPath ? { ...c, fieldPath: upcastFieldPath('department_overall', 1, c.fieldPath) } : c,
      );
      await q.query(`UPDATE report_transitions SET open_comments = $2 WHERE id = $1`, [t.id, JSON.stringify(moved)]);
    }
    await q.query(`UPDATE reports SET schema_version = 2 WHERE id = $1`, [id]);
  }
}

/**
 * Back to version 1, refusing to lose a fact: only a report whose version-2 figures version 1 can hold
 * (one staff category without 编制数, no 收入 or 基本支出, no per-line 执行数) goes back.
 */
async function downgradeOverallReports(q: QueryRunner): Promise<void> {
  const reports: Array<{ id: string }> = await q.query(
    `SELECT id FROM reports WHERE kind = 'department_overall' AND schema_version = 2 ORDER BY id FOR UPDATE`,
  );
  for (const { id } of reports) {
    const parts: Array<{ part: string; content: Record<string, unknown> }> = await q.query(
      `SELECT part, content FROM report_parts WHERE report_id = $1 AND part IN ('basicInfo', 'budget')`,
      [id],
    );
    for (const { part, content } of parts) {
      const v1 = part === 'basicInfo' ? basicInfoV1(id, content) : budgetV1(id, content);
      await q.query(`UPDATE report_parts SET content = $3 WHERE report_id = $1 AND part = $2`, [
        id,
        part,
        JSON.stringify(v1),
      ]);
    }
    await q.query(`UPDATE reports SET schema_version = 1 WHERE id = $1`, [id]);
  }
}

interface StaffingV2 {
  asOf: string;
  categories: Array<{ category: string; authorized: number | null; actual: number | null }>;
  previousHeadcount: number | null;
  changeReason: string;
}
type Figure = { budget: string | null; actual: string | null };
interface BudgetV2 {
  income: Record<string, Figure>;
  carryover: string | null;
  expenditure: Record<string, Figure>;
  lines: Array<{ name: string; amount: string; spent: string | null; documentNumber: string }>;
}

function refuse(reportId: string, what: string): never {
  throw new Error(`cannot revert report ${reportId} to schema version 1 without losing ${what}`);
}

function basicInfoV1(reportId: string, content: Record<string, unknown>) {
  const staffing = content['staffing'] as StaffingV2;
  if (staffing.categories.length > 1) refuse(reportId, 'its second staff category');
  const [only] = staffing.categories;
  if (only && only.authorized !== null) refuse(reportId, '编制数');
  return {
    ...content,
    staffing: {
      category: only?.category ?? '',
      asOf: staffing.asOf,
      headcount: only?.actual ?? null,
      previousHeadcount: staffing.previousHeadcount,
      changeReason: staffing.changeReason,
    },
  };
}

function budgetV1(reportId: string, content: Record<string, unknown>) {
  const budget = content as unknown as BudgetV2;
  const stated = (f: Figure) => f.budget !== null || f.actual !== null;
  if (Object.values(budget.income).some(stated) || budget.carryover !== null) refuse(reportId, '收入 figures');
  const { project, ...others } = budget.expenditure;
  if (Object.values(others).some(stated)) refuse(reportId, '支出 figures');
  if (budget.lines.some((l) => l.spent !== null)) refuse(reportId, 'per-line 执行数');
  return {
    projectBudgetTotal: project.budget,
    lines: budget.lines.map((l) => ({ name: l.name, amount: l.amount, documentNumber: l.documentNumber })),
    projectSpent: project.actual,
  };
}
