import type { FourEyesStep } from '@evalflow/domain';
import { rowOf, rowsOf, type TenantTx } from '../tenant-tx';

/**
 * What the four-eyes rules need of a report: its history's actors, oldest first, and who wrote its content —
 * whoever created it and whoever last changed each part (submitters are in the history).
 */
export async function loadFourEyesFacts(
  tx: TenantTx,
  reportId: string,
): Promise<{ history: FourEyesStep[]; authors: string[] }> {
  const history = await rowsOf<FourEyesStep>(
    tx,
    `SELECT action, actor_user_id::text AS "actorUserId", on_behalf_of_user_id::text AS "onBehalfOfUserId"
       FROM report_transitions WHERE report_id = $1 ORDER BY id`,
    [reportId],
  );
  const row = await rowOf<{ authors: string[] }>(
    tx,
    `SELECT array_remove(array_agg(DISTINCT a::text), NULL) AS authors
       FROM (SELECT created_by AS a FROM reports WHERE id = $1
             UNION SELECT updated_by FROM report_parts WHERE report_id = $1) w`,
    [reportId],
  );
  return { history, authors: row?.authors ?? [] };
}
