import {
  DOCUMENT_TEMPLATE_VERSION,
  PUBLIC_WATERMARK,
  disclosureNotice,
  publicEdition,
  publicReportContent,
  type ReportContent,
  type ReportKind,
} from '@evalflow/domain';
import { JOBS, type RenderDocumentJobData } from '@evalflow/jobs';
import { findDocumentOfEdition, upsertDocumentRequest } from '../documents/documents';
import { renderJobId } from '../documents/request-document';
import { appendOutbox } from '../outbox/outbox';
import type { DataSource } from 'typeorm';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** A line of the 公开登记 (register): what was published, when, by whom, and whether it still stands. */
export interface DisclosureRecord {
  id: string;
  reportId: string;
  revision: number;
  documentId: string;
  documentStatus: string;
  publishedOn: string;
  publishedAt: Date;
  publishedBy: string;
  publishedByName: string;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
  withdrawalReason: string | null;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
}

const PUBLICATION_SELECT = `
  SELECT p.id, p.report_id AS "reportId", p.revision, p.document_id AS "documentId", doc.status AS "documentStatus",
         to_char(p.published_on, 'YYYY-MM-DD') AS "publishedOn", p.published_at AS "publishedAt",
         p.published_by AS "publishedBy", p.published_by_name AS "publishedByName",
         p.withdrawn_at AS "withdrawnAt", p.withdrawn_by_name AS "withdrawnByName",
         p.withdrawal_reason AS "withdrawalReason",
         r.department_id AS "departmentId", d.name AS "departmentName", r.fiscal_year AS "fiscalYear", r.kind,
         r.project_name AS "projectName"
    FROM publications p
    JOIN documents doc ON doc.id = p.document_id
    JOIN reports r ON r.id = p.report_id
    JOIN departments d ON d.id = r.department_id`;

export function findDisclosure(tx: TenantTx, id: string, { forUpdate = false } = {}) {
  return rowOf<DisclosureRecord>(tx, `${PUBLICATION_SELECT} WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`, [
    id,
  ]);
}

/** The report's publication that stands (not withdrawn), if any. */
export function findLiveDisclosure(tx: TenantTx, reportId: string) {
  return rowOf<DisclosureRecord>(tx, `${PUBLICATION_SELECT} WHERE p.report_id = $1 AND p.withdrawn_at IS NULL`, [
    reportId,
  ]);
}

export interface DisclosureQuery {
  fiscalYear?: number;
  /** withdrawn ones too (the whole register); default: only those that stand */
  includeWithdrawn?: boolean;
  limit: number;
}

export function listDisclosures(tx: TenantTx, query: DisclosureQuery) {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.fiscalYear !== undefined) where.push(`r.fiscal_year = $${params.push(query.fiscalYear)}`);
  if (!query.includeWithdrawn) where.push(`p.withdrawn_at IS NULL`);
  return rowsOf<DisclosureRecord>(
    tx,
    `${PUBLICATION_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY p.published_at DESC, p.id LIMIT $${params.push(query.limit)}`,
    params,
  );
}

/**
 * The document of a revision's public version: its content cut down to the allow-list
 * (publicReportContent) and stored as the document's snapshot, so the row holds nothing internal; one
 * document per (revision, day), its render job's id made of the same key — publishing twice renders once.
 */
export async function requestPublicDocument(
  tx: TenantTx,
  source: { reportId: string; revisionNumber: number; content: ReportContent; day: string },
  requestedBy: string,
  requestId?: string,
): Promise<string> {
  const edition = publicEdition(source.revisionNumber, source.day);
  const created = await upsertDocumentRequest(tx, {
    reportId: source.reportId,
    edition,
    revisionId: null,
    contentSnapshot: publicReportContent(source.content),
    format: 'pdf',
    watermark: PUBLIC_WATERMARK,
    approval: null,
    requestedBy,
    pageNotice: disclosureNotice(source.day),
  });
  if (!created) {
    const existing = await findDocumentOfEdition(tx, { reportId: source.reportId, edition, format: 'pdf' });
    if (!existing) throw new Error('public document request conflicted without a document of its edition');
    return existing;
  }
  const job: RenderDocumentJobData = { tenantId: tenantOf(tx), documentId: created.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.renderDocument.queue,
    jobName: JOBS.renderDocument.name,
    jobId: renderJobId({
      reportId: source.reportId,
      edition,
      format: 'pdf',
      templateVersion: DOCUMENT_TEMPLATE_VERSION,
      generation: created.generation,
    }),
    payload: job,
  });
  return created.id;
}

export async function insertDisclosure(
  tx: TenantTx,
  p: {
    reportId: string;
    revisionId: string;
    revision: number;
    documentId: string;
    day: string;
    by: { userId: string; name: string };
  },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO publications (tenant_id, report_id, revision_id, revision, document_id, published_on,
                               published_by, published_by_name)
     VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8) RETURNING id`,
    [tenantOf(tx), p.reportId, p.revisionId, p.revision, p.documentId, p.day, p.by.userId, p.by.name],
  );
  return (row as { id: string }).id;
}

/** Withdraws publications that stand (one by id, or the report's); answers the ids withdrawn. */
export async function withdrawDisclosures(
  tx: TenantTx,
  target: { id: string } | { reportId: string },
  by: { userId: string; name: string },
  reason: string,
): Promise<string[]> {
  const [column, value] = 'id' in target ? ['id', target.id] : ['report_id', target.reportId];
  const rows = await rowsOf<{ id: string }>(
    tx,
    `UPDATE publications SET withdrawn_at = now(), withdrawn_by = $2, withdrawn_by_name = $3, withdrawal_reason = $4
      WHERE ${column} = $1 AND withdrawn_at IS NULL
      RETURNING id`,
    [value, by.userId, by.name, reason],
  );
  return rows.map((r) => r.id);
}

/** What the public page shows of a publication: nothing about people, nothing internal. */
export interface PublicDisclosureRecord {
  id: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  projectName: string | null;
  publishedOn: string;
  sizeBytes: number;
}

const PUBLIC_COLUMNS = `
  p.id, d.name AS "departmentName", r.fiscal_year AS "fiscalYear", r.kind, r.project_name AS "projectName",
  to_char(p.published_on, 'YYYY-MM-DD') AS "publishedOn", doc.size_bytes::int AS "sizeBytes"`;

/** Only publications that stand, and only their public PDF once it is ready: nothing else is joined in. */
const PUBLIC_FROM = `
    FROM publications p
    JOIN documents doc ON doc.id = p.document_id
    JOIN reports r ON r.id = p.report_id
    JOIN departments d ON d.id = r.department_id
   WHERE p.withdrawn_at IS NULL AND doc.status = 'done' AND doc.watermark = '${PUBLIC_WATERMARK}'
     AND doc.format = 'pdf' AND doc.storage_key IS NOT NULL`;

/**
 * The county's publications that stand and whose public PDF is ready — the only rows the public page
 * lists; run in the county's transaction (row-level security), resolved from its code.
 */
export function listPublicDisclosures(tx: TenantTx): Promise<PublicDisclosureRecord[]> {
  return rowsOf(
    tx,
    `SELECT ${PUBLIC_COLUMNS} ${PUBLIC_FROM} ORDER BY r.fiscal_year DESC, d.name, r.kind, r.project_name, p.id LIMIT 1000`,
  );
}

/** One standing publication's public PDF (its storage key), or null: withdrawn, not ready, not this county's. */
export function findPublicFile(
  tx: TenantTx,
  publicationId: string,
): Promise<(PublicDisclosureRecord & { storageKey: string; sha256: string; sizeBytes: number | null }) | null> {
  return rowOf(
    tx,
    `SELECT ${PUBLIC_COLUMNS}, doc.storage_key AS "storageKey", doc.sha256, doc.size_bytes::float8 AS "sizeBytes"
       ${PUBLIC_FROM} AND p.id = $1`,
    [publicationId],
  );
}

/**
 * An active county by its public code (行政区划代码), through the narrow public_county() function: the
 * one read the public page makes before it knows the county (no tenant set, nothing else reachable).
 */
export async function findPublicCounty(
  dataSource: DataSource,
  code: string,
): Promise<{ id: string; name: string } | null> {
  const rows = await rowsOf<{ id: string; name: string }>(
    dataSource.manager,
    `SELECT id, name FROM public_county($1)`,
    [code],
  );
  return rows[0] ?? null;
}
