import type { PasswordHasher } from '@evalflow/auth';
import type { Pool, PoolClient } from 'pg';
import { generateCounty, scaleTables, type ContentTemplate, type ScaleShape, type ScaleTables } from './scale-county';

/** Every generated login (`s00001.reviewer`, `s00001.d001.editor` …) signs in with this; development data only. */
export const SCALE_PASSWORD = 'evalflow-scale';

export interface ScaleOptions extends ScaleShape {
  counties: number;
  /** counties written at once, each on its own connection */
  concurrency: number;
}

/** The national load of the issue: 3,000 counties × 150 departments × (1 + 3 reports) × two years. */
export const SCALE_DEFAULTS: ScaleOptions = {
  counties: 3000,
  departments: 150,
  projectsPerDepartment: 3,
  fiscalYears: [2024, 2025],
  concurrency: 2,
};

export type ScaleCounts = Record<keyof ScaleTables, number>;

export interface ScaleReport {
  counts: ScaleCounts;
  seconds: number;
}

/** Generated counties' region codes start at 900000, where no real county's does. */
const GENERATED_REGION = `region_code >= '900000'`;

/**
 * Generates a national load into a migrated database that holds the demo (whose reports lend their content),
 * county by county, each in one transaction of COPY … FROM STDIN per table — never a row at a time. Refuses a
 * database that already holds generated counties.
 */
export async function seedScale(
  pool: Pool,
  hasher: PasswordHasher,
  options: ScaleOptions,
  progress: (line: string) => void = () => undefined,
): Promise<ScaleReport> {
  const started = Date.now();
  const setup = await pool.connect();
  let templates: { overall: ContentTemplate; project: ContentTemplate };
  let gradeBands: string;
  try {
    const { rows } = await setup.query(`SELECT count(*)::int AS n FROM tenants WHERE ${GENERATED_REGION}`);
    if (rows[0].n > 0) {
      throw new Error(`the database already holds ${rows[0].n} generated counties; seed:scale needs a fresh database`);
    }
    templates = {
      overall: await readTemplate(setup, 'department_overall'),
      project: await readTemplate(setup, 'project'),
    };
    gradeBands = (await setup.query(`SELECT grade_bands::text AS b FROM tenant_settings LIMIT 1`)).rows[0]?.b;
    if (!gradeBands) throw new Error('the demo county is missing: run seed:demo first');
  } finally {
    setup.release();
  }
  const passwordHash = await hasher.hash(SCALE_PASSWORD);
  const newId = sequentialIds();
  const counts = Object.fromEntries(Object.keys(scaleTables()).map((k) => [k, 0])) as ScaleCounts;
  let next = 0;
  let done = 0;
  // the first writer to fail stops the others at their next county
  let failed = false;

  const writer = async () => {
    const client = await pool.connect();
    try {
      for (let index = next++; index < options.counties && !failed; index = next++) {
        const tables = scaleTables();
        generateCounty(tables, index, options, templates, gradeBands, passwordHash, newId);
        await client.query('BEGIN');
        for (const [name, table] of Object.entries(tables) as Array<
          [keyof ScaleTables, ScaleTables[keyof ScaleTables]]
        >) {
          const sent = await table.send(client);
          counts[name] += sent;
        }
        await client.query('COMMIT');
        done++;
        if (done % 100 === 0 || done === options.counties) {
          const seconds = (Date.now() - started) / 1000;
          progress(`${done}/${options.counties} counties, ${counts.reports} reports, ${seconds.toFixed(0)} s`);
        }
      }
    } catch (error) {
      failed = true;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, options.counties)) }, writer));
  const analyze = await pool.connect();
  try {
    await analyze.query('ANALYZE');
  } finally {
    analyze.release();
  }
  return { counts, seconds: (Date.now() - started) / 1000 };
}

/** The demo's newest submitted report of a kind: its parts and its frozen revision become every copy's content. */
async function readTemplate(client: PoolClient, kind: ContentTemplate['kind']): Promise<ContentTemplate> {
  const { rows } = await client.query(
    `SELECT r.id, r.schema_version, r.template_version_id, r.fiscal_year, d.name AS department_name, v.content::text AS revision
       FROM reports r
       JOIN departments d ON d.id = r.department_id
       JOIN report_template_versions t ON t.id = r.template_version_id AND t.tenant_id IS NULL
       JOIN LATERAL (SELECT content FROM report_revisions WHERE report_id = r.id ORDER BY number DESC LIMIT 1) v ON true
      WHERE r.kind = $1
      ORDER BY r.fiscal_year, r.created_at
      LIMIT 1`,
    [kind],
  );
  if (!rows[0]) throw new Error(`no submitted ${kind} report in the demo to copy: run seed:demo first`);
  const r = rows[0];
  const parts = await client.query(
    `SELECT part, content::text AS content FROM report_parts WHERE report_id = $1 ORDER BY part`,
    [r.id],
  );
  return {
    kind,
    schemaVersion: r.schema_version,
    templateVersionId: r.template_version_id,
    fiscalYear: r.fiscal_year,
    departmentName: r.department_name,
    parts: parts.rows.map((p) => [p.part, p.content]),
    revision: r.revision,
  };
}

/**
 * Ids in the uuid v7 layout, rising: milliseconds of the run's start in the high bits, then a counter, then a
 * random tail per run, so index pages fill in order rather than at random (a bulk load 10× the size of memory
 * stays fast) and two runs never collide.
 */
export function sequentialIds(): () => string {
  let counter = BigInt(Date.now()) << 28n;
  const tail = Array.from({ length: 11 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return () => {
    const h = (counter++).toString(16).padStart(19, '0');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-7${h.slice(12, 15)}-8${h.slice(15, 18)}-${h.slice(18)}${tail}`;
  };
}
