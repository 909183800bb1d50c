import { actorLabel, type ReportStatus, type TransitionAction } from '@evalflow/domain';
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
  /** the principal a stand-in acted for (代理), null otherwise */
  onBehalfOfName: string | null;
  /** who acted as shown: 「张三（代李四）」 for a stand-in */
  actorLabel: string;
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
    /** a stand-in's step: for whom, under which delegation */
    onBehalfOf?: { userId: string; name: string; delegationId: string } | null;
    openComments: OpenCommentRecord[];
    /** when it happened; now unless replaying history (the seed) */
    at?: string;
  },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO report_transitions (tenant_id, report_id, action, from_status, to_status, reason, revision_id,
                                     actor_user_id, actor_name, open_comments, occurred_at,
                                     on_behalf_of_user_id, on_behalf_of_name, delegation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11::timestamptz, now()), $12, $13, $14)
     RETURNING id::text AS id`,
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
      t.onBehalfOf?.userId ?? null,
      t.onBehalfOf?.name ?? null,
      t.onBehalfOf?.delegationId ?? null,
    ],
  );
  if (!row) throw new Error('INSERT … RETURNING answered no row');
  return row.id;
}

export async function listTransitions(tx: TenantTx, reportId: string): Promise<TransitionRecord[]> {
  const rows = await rowsOf<Omit<TransitionRecord, 'actorLabel'>>(
    tx,
    `SELECT t.id::text AS id, t.action, t.from_status AS "from", t.to_status AS "to", t.reason,
            t.actor_name AS "actorName", t.on_behalf_of_name AS "onBehalfOfName",
            t.occurred_at AS "occurredAt", r.number AS revision,
            t.open_comments AS "openComments"
       FROM report_transitions t LEFT JOIN report_revisions r ON r.id = t.revision_id
      WHERE t.report_id = $1 ORDER BY t.id`,
    [reportId],
  );
  return rows.map((t) => ({ ...t, actorLabel: actorLabel(t.actorName, t.onBehalfOfName) }));
}

/** Who approved the report last (「张三（代李四）」 for a stand-in), and when: the approval block of its documents. */
export async function latestApproval(
  tx: TenantTx,
  reportId: string,
): Promise<{ actorName: string; occurredAt: Date; opinion: string | null } | null> {
  const row = await rowOf<{
    actorName: string;
    onBehalfOfName: string | null;
    occurredAt: Date;
    reason: string | null;
  }>(
    tx,
    `SELECT actor_name AS "actorName", on_behalf_of_name AS "onBehalfOfName", occurred_at AS "occurredAt", reason
       FROM report_transitions WHERE report_id = $1 AND action = 'approve' ORDER BY id DESC LIMIT 1`,
    [reportId],
  );
  // an approval's reason is the approver's 审批意见
  return (
    row && {
      actorName: actorLabel(row.actorName, row.onBehalfOfName),
      occurredAt: row.occurredAt,
      opinion: row.reason,
    }
  );
}
