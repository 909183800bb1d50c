import type { PasswordHasher } from '@evalflow/auth';
import { summarizeReport } from '@evalflow/domain';
import { insertReportParts } from '@evalflow/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { DEMO_PASSWORD, DEMO_PLATFORM_ADMIN, DEMO_TENANTS, type DemoReport, type DemoUser } from './demo-data';

export interface SeedReport {
  tenantsCreated: number;
  departmentsCreated: number;
  usersCreated: number;
  reportsCreated: number;
}

/**
 * Inserts what is missing of the demo, by natural keys (行政区划代码, department name, username);
 * never changes an existing row, so running it twice changes nothing.
 * Runs as the owner connection, which bypasses row-level security (see setup).
 */
export async function seedDemo(owner: DataSource, hasher: PasswordHasher): Promise<SeedReport> {
  const report: SeedReport = { tenantsCreated: 0, departmentsCreated: 0, usersCreated: 0, reportsCreated: 0 };
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
      for (const r of tenant.reports ?? []) {
        report.reportsCreated += await ensureReport(em, tenantId, departmentIds.get(r.departmentKey) as string, r);
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

/** A demo report with all its parts, unless the department already has one for that year. */
async function ensureReport(em: EntityManager, tenantId: string, departmentId: string, r: DemoReport): Promise<number> {
  const content = r.content();
  const summary = summarizeReport(content);
  const created = await em.query(
    `INSERT INTO reports (tenant_id, department_id, fiscal_year, kind, status, schema_version, total_score, grade,
                          execution_rate)
     VALUES ($1, $2, $3, 'department_overall', $4, $5, $6, $7, $8)
     ON CONFLICT ON CONSTRAINT reports_department_year_kind_key DO NOTHING RETURNING id`,
    [
      tenantId,
      departmentId,
      r.fiscalYear,
      r.status,
      content.schemaVersion,
      summary.totalScore,
      summary.grade,
      summary.executionRate,
    ],
  );
  if (!created.length) return 0;
  await insertReportParts((sql, params) => em.query(sql, params), { tenantId, reportId: created[0].id, content });
  return 1;
}
