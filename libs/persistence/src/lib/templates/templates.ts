import { defaultBuiltin, type ReportKind, type TemplateDefinition } from '@evalflow/domain';
import { firstRow, run, statement, type Statement } from '../statement';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A published, frozen template version: what a report pins and follows. */
export interface TemplateVersionRecord {
  id: string;
  templateId: string;
  /** null for a built-in */
  tenantId: string | null;
  version: number;
  name: string;
  kind: ReportKind;
  definition: TemplateDefinition;
  publishedAt: Date;
  publishedBy: string | null;
}

const VERSION_SELECT = `
  SELECT v.id, v.template_id AS "templateId", v.tenant_id AS "tenantId", v.version, t.name, t.kind,
         v.definition, v.published_at AS "publishedAt", v.published_by AS "publishedBy"
    FROM report_template_versions v JOIN report_templates t ON t.id = v.template_id`;

/**
 * Versions never change once written, so each is read from the database once per process. The key
 * includes the county: a version is only ever served to a transaction that could read it.
 */
const pinned = new Map<string, TemplateVersionRecord>();
const PINNED_MAX = 2_000;

/** The version (the county's own or a built-in), or null when the county cannot see it. */
export async function findTemplateVersion(tx: TenantTx, id: string): Promise<TemplateVersionRecord | null> {
  const cached = cachedTemplateVersion(tenantOf(tx), id);
  if (cached) return cached;
  const row = await run(tx, templateVersionById(id));
  if (row) rememberTemplateVersion(tenantOf(tx), row);
  return row;
}

/** The version as this process has already read it for the county, or undefined. */
export function cachedTemplateVersion(tenantId: string, id: string): TemplateVersionRecord | undefined {
  return pinned.get(`${tenantId}:${id}`);
}

/** Keeps a version read in a transaction of `tenantId` (which could therefore read it). */
export function rememberTemplateVersion(tenantId: string, row: TemplateVersionRecord): void {
  if (pinned.size >= PINNED_MAX) pinned.delete(pinned.keys().next().value as string);
  pinned.set(`${tenantId}:${row.id}`, row);
}

export function templateVersionById(id: string): Statement<TemplateVersionRecord | null> {
  return statement(`${VERSION_SELECT} WHERE v.id = $1`, [id], firstRow<TemplateVersionRecord>());
}

/** The version a report follows; a report always pins one its county can read. */
export async function loadPinnedTemplate(tx: TenantTx, versionId: string): Promise<TemplateVersionRecord> {
  const found = await findTemplateVersion(tx, versionId);
  if (!found) throw new Error(`template version ${versionId} is not readable in this county`);
  return found;
}

/** What applies to new reports of a year and kind: the county's publication, else the kind's default built-in. */
export async function applicableTemplateVersion(tx: TenantTx, fiscalYear: number, kind: ReportKind): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `SELECT template_version_id AS id FROM template_publications WHERE fiscal_year = $1 AND kind = $2`,
    [fiscalYear, kind],
  );
  return row?.id ?? defaultBuiltin(kind).id;
}

export interface TemplateRecord {
  id: string;
  tenantId: string | null;
  kind: ReportKind;
  name: string;
  basedOn: string | null;
  draft: TemplateDefinition | null;
  draftVersion: number;
  draftUpdatedAt: Date | null;
  createdAt: Date;
  /** the newest published version's number and id, null when none yet */
  latestVersion: number | null;
  latestVersionId: string | null;
}

const TEMPLATE_SELECT = `
  SELECT t.id, t.tenant_id AS "tenantId", t.kind, t.name, t.based_on AS "basedOn", t.draft,
         t.draft_version AS "draftVersion", t.draft_updated_at AS "draftUpdatedAt", t.created_at AS "createdAt",
         lv.version AS "latestVersion", lv.id AS "latestVersionId"
    FROM report_templates t
    LEFT JOIN LATERAL (SELECT v.id, v.version FROM report_template_versions v
                        WHERE v.template_id = t.id ORDER BY v.version DESC LIMIT 1) lv ON true`;

/** The county's templates and the built-ins, built-ins first, then by name. */
export function listTemplates(tx: TenantTx, kind?: ReportKind): Promise<TemplateRecord[]> {
  return rowsOf<TemplateRecord>(
    tx,
    `${TEMPLATE_SELECT} WHERE ($1::text IS NULL OR t.kind = $1)
      ORDER BY t.tenant_id IS NOT NULL, t.kind, t.name, t.id`,
    [kind ?? null],
  );
}

export function findTemplate(tx: TenantTx, id: string, { forUpdate = false } = {}): Promise<TemplateRecord | null> {
  return rowOf<TemplateRecord>(tx, `${TEMPLATE_SELECT} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
}

export interface TemplateVersionUse {
  id: string;
  version: number;
  publishedAt: Date;
  publishedBy: string | null;
  /** reports pinned to it */
  reports: number;
}

export function listTemplateVersions(tx: TenantTx, templateId: string): Promise<TemplateVersionUse[]> {
  return rowsOf<TemplateVersionUse>(
    tx,
    `SELECT v.id, v.version, v.published_at AS "publishedAt", v.published_by AS "publishedBy",
            (SELECT count(*)::int FROM reports r WHERE r.template_version_id = v.id) AS reports
       FROM report_template_versions v WHERE v.template_id = $1 ORDER BY v.version DESC`,
    [templateId],
  );
}

/** A county's new template: a copy of a version (its own or a built-in) as its first draft. */
export async function insertTemplate(
  tx: TenantTx,
  t: { name: string; kind: ReportKind; basedOn: string; draft: TemplateDefinition; userId: string | null },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO report_templates (tenant_id, kind, name, based_on, draft, draft_version, draft_updated_at,
                                   draft_updated_by, created_by)
     VALUES ($1, $2, $3, $4, $5, 1, now(), $6, $6) RETURNING id`,
    [tenantOf(tx), t.kind, t.name, t.basedOn, JSON.stringify(t.draft), t.userId],
  );
  return (row as { id: string }).id;
}

/** Replaces the draft (and the template's name) when it is still at `expected`; answers the new draft version, or null. */
export async function saveTemplateDraft(
  tx: TenantTx,
  id: string,
  expected: number,
  draft: TemplateDefinition | null,
  userId: string | null,
): Promise<number | null> {
  const row = await rowOf<{ draftVersion: number }>(
    tx,
    `UPDATE report_templates
        SET draft = $3, name = coalesce($5, name), draft_version = draft_version + 1, draft_updated_at = now(),
            draft_updated_by = $4
      WHERE id = $1 AND draft_version = $2 AND tenant_id IS NOT NULL
      RETURNING draft_version AS "draftVersion"`,
    [id, expected, draft === null ? null : JSON.stringify(draft), userId, draft?.name ?? null],
  );
  return row?.draftVersion ?? null;
}

/** Freezes a definition as the template's next version. */
export async function insertTemplateVersion(
  tx: TenantTx,
  v: { templateId: string; version: number; definition: TemplateDefinition; userId: string | null },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO report_template_versions (template_id, tenant_id, version, definition, published_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [v.templateId, tenantOf(tx), v.version, JSON.stringify(v.definition), v.userId],
  );
  return (row as { id: string }).id;
}

export interface PublicationRecord {
  fiscalYear: number;
  kind: ReportKind;
  templateVersionId: string;
  templateId: string;
  version: number;
  name: string;
  publishedAt: Date;
  /** reports of the year and kind already created (they keep the version they pinned) */
  reports: number;
}

/** Which version new reports of the year and kind follow, from now on. */
export async function publishForYear(
  tx: TenantTx,
  p: { fiscalYear: number; kind: ReportKind; templateVersionId: string; userId: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO template_publications (tenant_id, fiscal_year, kind, template_version_id, published_by)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, fiscal_year, kind) DO UPDATE
       SET template_version_id = EXCLUDED.template_version_id, published_at = now(),
           published_by = EXCLUDED.published_by, version = template_publications.version + 1`,
    [tenantOf(tx), p.fiscalYear, p.kind, p.templateVersionId, p.userId],
  );
}

export function listPublications(tx: TenantTx, fiscalYear?: number): Promise<PublicationRecord[]> {
  return rowsOf<PublicationRecord>(
    tx,
    `SELECT p.fiscal_year AS "fiscalYear", p.kind, p.template_version_id AS "templateVersionId",
            v.template_id AS "templateId", v.version, t.name, p.published_at AS "publishedAt",
            (SELECT count(*)::int FROM reports r WHERE r.fiscal_year = p.fiscal_year AND r.kind = p.kind) AS reports
       FROM template_publications p
       JOIN report_template_versions v ON v.id = p.template_version_id
       JOIN report_templates t ON t.id = v.template_id
      WHERE ($1::int IS NULL OR p.fiscal_year = $1)
      ORDER BY p.fiscal_year DESC, p.kind`,
    [fiscalYear ?? null],
  );
}
