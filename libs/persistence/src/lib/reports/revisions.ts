import { upcastStoredContent, type ReportContent, type ReportKind } from '@evalflow/domain';
import { freezeEvidence } from '../evidence/report-evidence';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** Who signed off what a revision froze. */
export interface RevisionSignOffs {
  head: { name: string; at: string } | null;
  team: { members: string[]; confirmedBy: string; at: string } | null;
}

/** Why a revision was frozen: a submit, or the content an import replaced (kept so it can be read again). */
export type RevisionReason = 'submit' | 'import';

/** A frozen revision, without its content. */
export interface RevisionRecord {
  id: string;
  number: number;
  reason: RevisionReason;
  reportVersion: number;
  createdAt: Date;
  createdBy: string | null;
  signOffs: RevisionSignOffs;
}

/**
 * Freezes the content as the report's next revision. Revisions are never changed afterwards (the
 * application role may not): they keep the bytes and schema version they were frozen in.
 */
export async function insertRevision(
  tx: TenantTx,
  revision: {
    reportId: string;
    content: ReportContent;
    reportVersion: number;
    createdBy: string | null;
    signOffs: RevisionSignOffs;
    /** why it was frozen: a submit (the default), or the content an import replaced */
    reason?: RevisionReason;
    /** when it happened; now unless replaying history (the seed) */
    at?: string;
  },
): Promise<{ id: string; number: number }> {
  const row = await rowOf<{ id: string; number: number }>(
    tx,
    `INSERT INTO report_revisions (tenant_id, report_id, number, schema_version, content, report_version,
                                   created_by, sign_offs, created_at, reason)
     SELECT $1, $2, coalesce(max(number), 0) + 1, $3, $4, $5, $6, $7, coalesce($8::timestamptz, now()), $9
       FROM report_revisions WHERE report_id = $2
     RETURNING id, number`,
    [
      tenantOf(tx),
      revision.reportId,
      revision.content.schemaVersion,
      JSON.stringify(revision.content),
      revision.reportVersion,
      revision.createdBy,
      JSON.stringify(revision.signOffs),
      revision.at ?? null,
      revision.reason ?? 'submit',
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  await freezeEvidence(tx, revision.reportId, row.id);
  return row;
}

export function listRevisions(tx: TenantTx, reportId: string): Promise<RevisionRecord[]> {
  return rowsOf<RevisionRecord>(
    tx,
    `SELECT v.id, v.number, v.reason, v.report_version AS "reportVersion", v.created_at AS "createdAt",
            u.display_name AS "createdBy", v.sign_offs AS "signOffs"
       FROM report_revisions v LEFT JOIN users u ON u.id = v.created_by
      WHERE v.report_id = $1 ORDER BY v.number`,
    [reportId],
  );
}

export function latestRevision(tx: TenantTx, reportId: string): Promise<{ id: string; number: number } | null> {
  return rowOf(
    tx,
    `SELECT id, number FROM report_revisions WHERE report_id = $1 AND reason = 'submit' ORDER BY number DESC LIMIT 1`,
    [reportId],
  );
}

/** A revision's content as frozen, read in the current schema version. */
export async function findRevision(
  tx: TenantTx,
  report: { id: string; kind: ReportKind },
  number: number,
): Promise<{ id: string; number: number; content: ReportContent; createdAt: Date } | null> {
  const row = await rowOf<{
    id: string;
    number: number;
    schemaVersion: number;
    content: Record<string, unknown>;
    createdAt: Date;
  }>(
    tx,
    `SELECT id, number, schema_version AS "schemaVersion", content, created_at AS "createdAt"
       FROM report_revisions WHERE report_id = $1 AND number = $2`,
    [report.id, number],
  );
  if (!row) return null;
  return {
    id: row.id,
    number: row.number,
    content: upcastStoredContent(report.kind, row.schemaVersion, row.content) as unknown as ReportContent,
    createdAt: row.createdAt,
  };
}
