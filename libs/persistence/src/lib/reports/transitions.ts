import type { ReportStatus, TransitionAction } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** The first comment of a thread that was open when the report was returned, as the return recorded it. */
export interface OpenCommentRecord {
  id: string;
  part: string;
  fieldPath: string | null;
  body: string;
}

export interface TransitionRecord {
  id: string;
  action: TransitionAction;
  from: ReportStatus;
  to: ReportStatus;
  reason: string | null;
  actorName: string;
  occurredAt: Date;
  /** the number of the revision a submission froze */
  revision: number | null;
  openComments: OpenCommentRecord[];
}

/** Records a workflow step; answers its id (the key of its notification job). */
export async function insertTransition(
  tx: TenantTx,
  t: {
    reportId: string;
    action: TransitionAction;
    from: ReportStatus;
    to: ReportStatus;
    reason: string | null;
    revisionId: string | null;
    actor: { userId: string | null; name: string };
    openComments: OpenCommentRecord[];
    /** when it happened; now unless replaying history (the seed) */
    at?: string;
  },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, reason, revision_id,
                                     actor_user_id, actor_name, open_comments, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11::timestamptz, now())) RETURNING id::text AS id`,
    [
      tenantOf(tx),
      t.reportId,
      t.action,
      t.from,
      t.to,
      t.reason,
      t.revisionId,
      t.actor.userId,
      t.actor.name,
      JSON.stringify(t.openComments),
      t.at ?? null,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  return row.id;
}

export function listTransitions(tx: TenantTx, reportId: string): Promise<TransitionRecord[]> {
  return rowsOf<TransitionRecord>(
    tx,
    `SELECT t.id::text AS id, t.action, t.from_status AS "from", t.to_status AS "to", t.reason,
            t.actor_name AS "actorName", t.occurred_at AS "occurredAt", r.number AS revision,
            t.open_comments AS "openComments"
       FROM report_transitions t LEFT JOIN report_revisions r ON r.id = t.revision_id
      WHERE t.report_id = $1 ORDER BY t.id`,
    [reportId],
  );
}

/** Who approved the report last, and when: the approval block of its documents. */
export function latestApproval(
  tx: TenantTx,
  reportId: string,
): Promise<{ actorName: string; occurredAt: Date } | null> {
  return rowOf(
    tx,
    `SELECT actor_name AS "actorName", occurred_at AS "occurredAt" FROM report_transitions
      WHERE report_id = $1 AND action = 'approve' ORDER BY id DESC LIMIT 1`,
    [reportId],
  );
}
