import {
  DEFAULT_GRADE_BANDS,
  DOCUMENT_TEMPLATE_VERSION,
  upcastStoredContent,
  type DocumentFailureCode,
  type DocumentFormat,
  type DocumentStatus,
  type DocumentWatermark,
  type GradeBand,
  type ReportContent,
  type ReportKind,
} from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';
import { enqueueWebhookEvent } from '../webhooks/webhooks';

/** An official document of a report, with what its file is named after. */
export interface DocumentRecord {
  id: string;
  reportId: string;
  format: DocumentFormat;
  /** r<n>: revision n; r<n>-approved: revision n with the approval block; v<n>: the draft at version n */
  edition: string;
  revisionNumber: number | null;
  templateVersion: number;
  watermark: DocumentWatermark | null;
  status: DocumentStatus;
  progress: number;
  sha256: string | null;
  sizeBytes: number | null;
  storageKey: string | null;
  /** why it failed, stable (DOCUMENT_FAILURE_CODES); null unless failed */
  errorCode: string | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** of the report */
  fiscalYear: number;
  departmentName: string;
  kind: ReportKind;
  projectName: string | null;
}

const DOCUMENT_SELECT = `
  SELECT doc.id, doc.report_id AS "reportId", doc.format, doc.edition, v.number AS "revisionNumber",
         doc.template_version AS "templateVersion", doc.watermark, doc.status, doc.progress, doc.sha256,
         doc.size_bytes::int AS "sizeBytes", doc.storage_key AS "storageKey", doc.error,
         doc.error_code AS "errorCode",
         doc.created_at AS "createdAt", doc.finished_at AS "finishedAt",
         r.fiscal_year AS "fiscalYear", d.name AS "departmentName", r.kind, r.project_name AS "projectName"
    FROM documents doc
    JOIN reports r ON r.id = doc.report_id
    JOIN departments d ON d.id = r.department_id
    LEFT JOIN report_revisions v ON v.id = doc.revision_id`;

export function findDocument(tx: TenantTx, id: string): Promise<DocumentRecord | null> {
  return rowOf<DocumentRecord>(tx, `${DOCUMENT_SELECT} WHERE doc.id = $1`, [id]);
}

export function listDocuments(tx: TenantTx, reportId: string): Promise<DocumentRecord[]> {
  return rowsOf<DocumentRecord>(tx, `${DOCUMENT_SELECT} WHERE doc.report_id = $1 ORDER BY doc.created_at DESC`, [
    reportId,
  ]);
}

export interface DocumentRequest {
  reportId: string;
  edition: string;
  /** the revision rendered, or null for a draft (whose content is snapshotted) */
  revisionId: string | null;
  contentSnapshot: ReportContent | null;
  format: DocumentFormat;
  watermark: DocumentWatermark | null;
  approval: { approverName: string; approvedAt: string; opinion?: string | null } | null;
  requestedBy: string | null;
  /** a line on every page (the public version's disclosure line); absent: none */
  pageNotice?: string | null;
}

/**
 * How long a document may sit queued or rendering without news (since it was queued or its last attempt
 * started) before it counts as stuck: far beyond a render's time limit (120 s) times its attempts and their
 * back-off, so a render in progress, or waiting its turn behind others, is never taken for stuck.
 */
export const DOCUMENT_STUCK_AFTER_MS = 15 * 60_000;

/** The SQL condition of a stuck document (its row as `alias`, the bound in milliseconds as parameter `bound`). */
function stuckCondition(alias: string, bound: string): string {
  return `${alias}.status IN ('queued', 'rendering')
          AND GREATEST(${alias}.queued_at, COALESCE(${alias}.started_at, ${alias}.queued_at))
              < now() - make_interval(secs => ${bound}::double precision / 1000)`;
}

/**
 * One row per (edition, format, template version): a new request adds it (answering `generation` 0);
 * a failed one, or one stuck (queued or rendering without news for longer than `stuckAfterMs`), is queued
 * again (its generation raised, so its job gets a new id); any other — a render in progress, a finished
 * one — is left as it is (null: nothing to queue).
 */
export function upsertDocumentRequest(
  tx: TenantTx,
  request: DocumentRequest,
  stuckAfterMs = DOCUMENT_STUCK_AFTER_MS,
): Promise<{ id: string; generation: number } | null> {
  return rowOf(
    tx,
    `INSERT INTO documents (tenant_id, report_id, edition, revision_id, content_snapshot, format, template_version,
                            watermark, approval, requested_by, page_notice)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $12)
     ON CONFLICT ON CONSTRAINT documents_edition_key DO UPDATE
       SET status = 'queued', progress = 0, error = NULL, error_code = NULL, attempts = 0, redrives = 0,
           queued_at = now(), started_at = NULL, generation = documents.generation + 1
       WHERE documents.status = 'failed' OR (${stuckCondition('documents', '$11')})
     RETURNING id, generation`,
    [
      tenantOf(tx),
      request.reportId,
      request.edition,
      request.revisionId,
      request.contentSnapshot ? JSON.stringify(request.contentSnapshot) : null,
      request.format,
      DOCUMENT_TEMPLATE_VERSION,
      request.watermark,
      request.approval ? JSON.stringify(request.approval) : null,
      request.requestedBy,
      stuckAfterMs,
      request.pageNotice ?? null,
    ],
  );
}

/** The document of this edition and format in the current layout. */
export async function findDocumentOfEdition(
  tx: TenantTx,
  key: { reportId: string; edition: string; format: DocumentFormat },
): Promise<string | null> {
  const row = await rowOf<{ id: string }>(
    tx,
    `SELECT id FROM documents WHERE report_id = $1 AND edition = $2 AND format = $3 AND template_version = $4`,
    [key.reportId, key.edition, key.format, DOCUMENT_TEMPLATE_VERSION],
  );
  return row?.id ?? null;
}

/** What a claimed document renders: its content as stored (read it with documentContent) and the report it is of. */
export interface DocumentSource {
  reportId: string;
  format: DocumentFormat;
  kind: ReportKind;
  /** the revision's or the draft snapshot's content, in the schema version it was stored in */
  stored: Record<string, unknown>;
  storedSchemaVersion: number;
  fiscalYear: number;
  departmentName: string;
  gradeBands: GradeBand[];
  /** the template version the report pins: its layout and, when it has them, its grade bands */
  templateVersionId: string;
  watermark: DocumentWatermark | null;
  approval: { approverName: string; approvedAt: string; opinion?: string | null } | null;
  /** a line on every page, or null */
  pageNotice: string | null;
}

export type ClaimedDocument =
  | { done: true; documentId: string; sha256: string; sizeBytes: number }
  | ({ done: false } & DocumentSource);

/**
 * Marks the document as rendering (counting the attempt) and gathers what it shows; a document already
 * done is answered as it is, so a job run twice renders once. Null when the county has no such document.
 */
export async function claimDocument(tx: TenantTx, documentId: string): Promise<ClaimedDocument | null> {
  const doc = await rowOf<{
    status: DocumentStatus;
    reportId: string;
    format: DocumentFormat;
    watermark: DocumentWatermark | null;
    approval: DocumentSource['approval'];
    pageNotice: string | null;
    sha256: string;
    sizeBytes: number;
    snapshot: Record<string, unknown> | null;
  }>(
    tx,
    `UPDATE documents SET status = CASE WHEN status = 'done' THEN status ELSE 'rendering' END,
                          started_at = CASE WHEN status = 'done' THEN started_at ELSE now() END,
                          attempts = attempts + CASE WHEN status = 'done' THEN 0 ELSE 1 END
      WHERE id = $1
      RETURNING status, report_id AS "reportId", format, watermark, approval, page_notice AS "pageNotice", sha256, size_bytes::int AS "sizeBytes",
                content_snapshot AS snapshot`,
    [documentId],
  );
  if (!doc) return null;
  if (doc.status === 'done') return { done: true, documentId, sha256: doc.sha256, sizeBytes: doc.sizeBytes };
  const source = await rowOf<{
    fiscalYear: number;
    departmentName: string;
    kind: ReportKind;
    revisionContent: Record<string, unknown> | null;
    revisionSchemaVersion: number | null;
    reportSchemaVersion: number;
    templateVersionId: string;
    gradeBands: GradeBand[] | null;
  }>(
    tx,
    `SELECT r.fiscal_year AS "fiscalYear", d.name AS "departmentName", r.kind,
            v.content AS "revisionContent", v.schema_version AS "revisionSchemaVersion",
            r.schema_version AS "reportSchemaVersion", r.template_version_id AS "templateVersionId",
            (SELECT s.grade_bands FROM tenant_settings s) AS "gradeBands"
       FROM documents doc JOIN reports r ON r.id = doc.report_id JOIN departments d ON d.id = r.department_id
       LEFT JOIN report_revisions v ON v.id = doc.revision_id
      WHERE doc.id = $1`,
    [documentId],
  );
  if (!source) return null;
  // a snapshot is written in the schema version its report had then, which is at most the report's now
  const [stored, version] = source.revisionContent
    ? [source.revisionContent, source.revisionSchemaVersion as number]
    : [doc.snapshot as Record<string, unknown>, snapshotVersion(doc.snapshot, source.reportSchemaVersion)];
  return {
    done: false,
    reportId: doc.reportId,
    format: doc.format,
    kind: source.kind,
    stored,
    storedSchemaVersion: version,
    fiscalYear: source.fiscalYear,
    departmentName: source.departmentName,
    gradeBands: source.gradeBands ?? DEFAULT_GRADE_BANDS,
    templateVersionId: source.templateVersionId,
    watermark: doc.watermark,
    approval: doc.approval,
    pageNotice: doc.pageNotice,
  };
}

/**
 * A document's content in the current schema version. Read after the claim has committed, so content
 * that cannot be read fails the attempt it was claimed by (and is counted) like content that cannot be rendered.
 */
export function documentContent(source: DocumentSource): ReportContent {
  return upcastStoredContent(source.kind, source.storedSchemaVersion, source.stored) as unknown as ReportContent;
}

/** Stored content carries its own schema version. */
function snapshotVersion(snapshot: Record<string, unknown> | null, fallback: number): number {
  const version = snapshot?.['schemaVersion'];
  return typeof version === 'number' ? version : fallback;
}

export async function completeDocument(
  tx: TenantTx,
  done: { documentId: string; storageKey: string; sha256: string; sizeBytes: number },
): Promise<void> {
  const [rows] = await tx.query(
    `UPDATE documents SET status = 'done', progress = 100, storage_key = $2, sha256 = $3, size_bytes = $4,
                          error = NULL, error_code = NULL, finished_at = now()
      WHERE id = $1
      RETURNING tenant_id AS "tenantId", report_id AS "reportId", edition, format`,
    [done.documentId, done.storageKey, done.sha256, done.sizeBytes],
  );
  const doc = (rows as Array<{ tenantId: string; reportId: string; edition: string; format: string }>)[0];
  // the county's subscribed systems hear of it in the same transaction (once per document)
  if (doc) {
    await enqueueWebhookEvent(tx, {
      tenantId: doc.tenantId,
      event: 'document.ready',
      eventKey: `document-ready-${done.documentId}`,
      payload: { documentId: done.documentId, reportId: doc.reportId, edition: doc.edition, format: doc.format },
    });
  }
}

/**
 * A failed attempt: queued again while attempts remain (the reason kept for operators), failed after the
 * last — or at once for a limit no retry can pass — with the message its users read and a stable code.
 */
export async function failDocumentAttempt(
  tx: TenantTx,
  failure: { documentId: string; final: boolean; message: string; code?: DocumentFailureCode },
): Promise<void> {
  await tx.query(`UPDATE documents SET status = $2, error = $3, error_code = $4 WHERE id = $1 AND status <> 'done'`, [
    failure.documentId,
    failure.final ? 'failed' : 'queued',
    failure.message,
    failure.final ? (failure.code ?? 'DOCUMENT_RENDER_FAILED') : null,
  ]);
}

/** A document queued or rendering, as the sweeper sees it: enough to name its job. */
export interface UnfinishedDocument {
  id: string;
  reportId: string;
  edition: string;
  format: DocumentFormat;
  templateVersion: number;
  generation: number;
  status: 'queued' | 'rendering';
  /** how often the sweeper has queued it again since it was last asked for */
  redrives: number;
}

/**
 * The county's documents stuck for longer than `idleForMs` (queued or rendering, no news since), locked
 * for the caller's transaction; rows another sweeper holds are passed over (SKIP LOCKED).
 */
export function lockStuckDocuments(
  tx: TenantTx,
  options: { idleForMs: number; limit: number },
): Promise<UnfinishedDocument[]> {
  return rowsOf<UnfinishedDocument>(
    tx,
    `SELECT doc.id, doc.report_id AS "reportId", doc.edition, doc.format, doc.template_version AS "templateVersion",
            doc.generation, doc.status, doc.redrives
       FROM documents doc
      WHERE ${stuckCondition('doc', '$1')}
      ORDER BY doc.queued_at
      LIMIT $2
      FOR UPDATE SKIP LOCKED`,
    [options.idleForMs, options.limit],
  );
}

/**
 * Queued anew by the sweeper: a new generation (its job gets a new id), attempts from zero, the
 * re-drive counted. Answers the new generation; null when the row is no longer unfinished.
 */
export async function markDocumentRedriven(tx: TenantTx, doc: UnfinishedDocument): Promise<number | null> {
  const row = await rowOf<{ generation: number }>(
    tx,
    `UPDATE documents SET status = 'queued', progress = 0, attempts = 0, error = NULL, error_code = NULL,
                          queued_at = now(), started_at = NULL, generation = generation + 1, redrives = redrives + 1
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'rendering')
      RETURNING generation`,
    [doc.id, doc.generation],
  );
  return row?.generation ?? null;
}

/** Given up by the sweeper (its job lost too often): failed, with the message its users read. */
export async function abandonDocument(
  tx: TenantTx,
  doc: Pick<UnfinishedDocument, 'id' | 'generation'>,
  failure: { message: string; code: DocumentFailureCode },
): Promise<void> {
  await tx.query(
    `UPDATE documents SET status = 'failed', error = $3, error_code = $4
      WHERE id = $1 AND generation = $2 AND status IN ('queued', 'rendering')`,
    [doc.id, doc.generation, failure.message, failure.code],
  );
}

/** Progress only rises, and only while rendering. */
export async function setDocumentProgress(tx: TenantTx, documentId: string, percent: number): Promise<void> {
  await tx.query(`UPDATE documents SET progress = $2 WHERE id = $1 AND status = 'rendering' AND progress < $2`, [
    documentId,
    percent,
  ]);
}

/** Which report a document belongs to, for its access check. */
export function documentReportId(tx: TenantTx, documentId: string): Promise<{ reportId: string } | null> {
  return rowOf(tx, `SELECT report_id AS "reportId" FROM documents WHERE id = $1`, [documentId]);
}
