import type { PasswordHasher } from '@evalflow/auth';
import { summarizeReport, TRANSITIONS, type ReportContent, type ReportStatus } from '@evalflow/domain';
import {
  enterTenant,
  insertParts,
  insertLibraryEntry,
  archiveLibraryEntry,
  applicableTemplateVersion,
  insertReport,
  insertRevision,
  insertTransition,
  tenantOf,
  type OpenCommentRecord,
  type TenantTx,
} from '@evalflow/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import {
  DEMO_PASSWORD,
  DEMO_PLATFORM_ADMIN,
  DEMO_TENANTS,
  type DemoReport,
  type DemoStep,
  type DemoUser,
} from './demo-data';
import type { DemoLibraryEntry } from './demo-library';
import { ensureTemplate } from './demo-templates';

export interface SeedReport {
  tenantsCreated: number;
  departmentsCreated: number;
  usersCreated: number;
  reportsCreated: number;
  libraryEntriesCreated: number;
  templatesCreated: number;
}

/**
 * Inserts what is missing of the demo, by natural keys (行政区划代码, department name, username);
 * never changes an existing row, so running it twice changes nothing.
 * Runs as the owner; each county's rows are written with that county set as the tenant (enterTenant),
 * and its reports through the same typed store as the API.
 */
export async function seedDemo(owner: DataSource, hasher: PasswordHasher): Promise<SeedReport> {
  const report: SeedReport = {
    tenantsCreated: 0,
    departmentsCreated: 0,
    usersCreated: 0,
    reportsCreated: 0,
    libraryEntriesCreated: 0,
    templatesCreated: 0,
  };
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  await owner.transaction(async (em) => {
    await ensureUser(em, DEMO_PLATFORM_ADMIN, null, new Map(), passwordHash, report);
    for (const tenant of DEMO_TENANTS) {
      const inserted = await em.query(
        `INSERT INTO tenants (name, region_code, city, province) VALUES ($1, $2, $3, $4)
         ON CONFLICT (region_code) DO NOTHING RETURNING id`,
        [tenant.name, tenant.regionCode, tenant.city, tenant.province],
      );
      report.tenantsCreated += inserted.length;
      const [{ id: tenantId }] = await em.query(`SELECT id FROM tenants WHERE region_code = $1`, [tenant.regionCode]);
      // the county's data is written inside its row-level security, as the API writes it
      const tx = await enterTenant(em, tenantId);

      const departmentIds = new Map<string, string>();
      for (const d of tenant.departments) {
        const created = await em.query(
          `INSERT INTO departments (tenant_id, name, kind, unit_nature, unit_level, funding_form, budget_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, name) DO NOTHING RETURNING id`,
          [tenantId, d.name, d.kind, d.unitNature, d.unitLevel, d.fundingForm, d.budgetCode],
        );
        report.departmentsCreated += created.length;
        const [{ id }] = await em.query(`SELECT id FROM departments WHERE tenant_id = $1 AND name = $2`, [
          tenantId,
          d.name,
        ]);
        departmentIds.set(d.key, id);
      }
      for (const user of tenant.users) {
        await ensureUser(em, user, tenantId, departmentIds, passwordHash, report);
      }
      if (tenant.gradeBands) {
        await em.query(
          `INSERT INTO tenant_settings (tenant_id, grade_bands) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING`,
          [tenantId, JSON.stringify(tenant.gradeBands)],
        );
      }
      for (const d of tenant.deadlines ?? []) {
        await em.query(
          `INSERT INTO report_deadlines (tenant_id, fiscal_year, due_on) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, fiscal_year) DO NOTHING`,
          [tenantId, d.fiscalYear, d.dueOn],
        );
      }
      for (const entry of tenant.indicatorLibrary ?? []) {
        report.libraryEntriesCreated += await ensureLibraryEntry(tx, entry);
      }
      for (const t of tenant.templates ?? []) {
        report.templatesCreated += await ensureTemplate(tx, t);
      }
      for (const r of tenant.reports ?? []) {
        report.reportsCreated += await ensureReport(tx, departmentIds.get(r.departmentKey) as string, r);
      }
    }
  });
  return report;
}

async function ensureUser(
  em: EntityManager,
  user: DemoUser,
  tenantId: string | null,
  departmentIds: Map<string, string>,
  passwordHash: string,
  report: SeedReport,
): Promise<void> {
  const departmentId = user.departmentKey ? departmentIds.get(user.departmentKey) : null;
  const created = await em.query(
    `INSERT INTO users (tenant_id, department_id, username, display_name, password_hash)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (username) DO NOTHING RETURNING id`,
    [tenantId, departmentId ?? null, user.username, user.displayName, passwordHash],
  );
  if (!created.length) return;
  report.usersCreated += 1;
  for (const role of user.roles) {
    await em.query(`INSERT INTO user_roles (user_id, role, tenant_id) VALUES ($1, $2, $3)`, [
      created[0].id,
      role,
      tenantId,
    ]);
  }
}

/** A 指标库 entry unless the county has one with its names (archived after it is added, when the demo says so). */
async function ensureLibraryEntry(tx: TenantTx, entry: DemoLibraryEntry): Promise<number> {
  const { active, ...fields } = entry;
  const inserted = await insertLibraryEntry(tx, fields, null);
  if (!inserted.created) return 0;
  if (active === false) await archiveLibraryEntry(tx, inserted.entry.id, inserted.entry.version, null);
  return 1;
}

/** The state a report ends in after these steps. */
function statusAfter(steps: DemoStep[] = []): ReportStatus {
  return steps.reduce<ReportStatus>((_, step) => TRANSITIONS[step.action].to, 'draft');
}

/**
 * A demo report with all its parts and its history, unless the department already has one with its key
 * (year and kind; for a project table also its 项目编码). Written through the same typed store as the API.
 */
async function ensureReport(tx: TenantTx, departmentId: string, r: DemoReport): Promise<number> {
  const content = r.content();
  const inserted = await insertReport(tx, {
    departmentId,
    fiscalYear: r.fiscalYear,
    kind: content.kind,
    project: content.kind === 'project' ? { code: content.projectInfo.code, name: content.projectInfo.name } : null,
    schemaVersion: content.schemaVersion,
    templateVersionId: await applicableTemplateVersion(tx, r.fiscalYear, content.kind),
    summary: summarizeReport(content),
    status: statusAfter(r.steps),
  });
  if (!inserted.created) return 0;
  await insertParts(tx, { reportId: inserted.id, content });
  await replaySteps(tx, inserted.id, content, r.steps ?? []);
  return 1;
}

/** Writes the history the steps describe, as the workflow would have: transitions, revisions, comments. */
async function replaySteps(tx: TenantTx, reportId: string, content: ReportContent, steps: DemoStep[]): Promise<void> {
  const tenantId = tenantOf(tx);
  let status: ReportStatus = 'draft';
  let revisions = 0;
  for (const step of steps) {
    const spec = TRANSITIONS[step.action];
    const [user] = await tx.query(`SELECT id, display_name FROM users WHERE username = $1`, [step.by]);
    const actor = { userId: (user?.id as string | undefined) ?? null, name: (user?.display_name as string) ?? step.by };
    const openComments: OpenCommentRecord[] = [];
    for (const c of step.comments ?? []) {
      const [thread] = await tx.query(
        `INSERT INTO comment_threads (tenant_id, report_id, part, field_path, revision_number, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [tenantId, reportId, c.part, c.fieldPath ?? null, revisions || null, actor.userId, step.at],
      );
      await tx.query(
        `INSERT INTO comments (tenant_id, thread_id, body, side, author_id, author_name, created_at)
         VALUES ($1, $2, $3, 'finance', $4, $5, $6)`,
        [tenantId, thread.id, c.body, actor.userId, actor.name, step.at],
      );
      openComments.push({ id: thread.id, part: c.part, fieldPath: c.fieldPath ?? null, body: c.body });
    }
    let revisionId: string | null = null;
    if (spec.freezesRevision) {
      revisions += 1;
      const team =
        content.kind === 'department_overall'
          ? { members: content.team.members.map((m) => m.name), confirmedBy: actor.name, at: step.at }
          : null;
      const revision = await insertRevision(tx, {
        reportId,
        content,
        reportVersion: 1,
        createdBy: actor.userId,
        signOffs: { head: null, team },
        at: step.at,
      });
      revisionId = revision.id;
    }
    await insertTransition(tx, {
      reportId,
      action: step.action,
      from: status,
      to: spec.to,
      reason: step.reason ?? null,
      revisionId,
      actor,
      openComments,
      at: step.at,
    });
    // the department's replies (by its editor) come the day after the return
    for (const [i, c] of (step.comments ?? []).entries()) {
      if (!c.reply) continue;
      const [editor] = await tx.query(
        `SELECT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'dept_editor'
          WHERE u.department_id = (SELECT department_id FROM reports WHERE id = $1) ORDER BY u.username LIMIT 1`,
        [reportId],
      );
      await tx.query(
        `INSERT INTO comments (tenant_id, thread_id, body, side, author_id, author_name, created_at)
         VALUES ($1, $2, $3, 'department', $4, $5, $6::timestamptz + interval '1 day')`,
        [tenantId, openComments[i].id, c.reply, editor?.id ?? null, editor?.display_name ?? '部门编制人', step.at],
      );
    }
    status = spec.to;
  }
}
