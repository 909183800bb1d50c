import type { FourEyesStep } from '@evalflow/domain';
import { run, statement, type Statement } from '../statement';
import type { TenantTx } from '../tenant-tx';

export interface FourEyesFacts {
  history: FourEyesStep[];
  authors: string[];
}

/**
 * What the four-eyes rules need of a report: its history's actors, oldest first, and who wrote its content —
 * whoever created it and whoever last changed each part (submitters are in the history).
 */
export function fourEyesFactsOf(reportId: string): Statement<FourEyesFacts> {
  // one statement: every report view and move asks, so it costs one round trip, not two
  return statement(
    `SELECT (SELECT json_agg(json_build_object('action', t.action, 'actorUserId', t.actor_user_id::text,
                                               'onBehalfOfUserId', t.on_behalf_of_user_id::text) ORDER BY t.id)
               FROM report_transitions t WHERE t.report_id = $1) AS history,
            (SELECT array_remove(array_agg(DISTINCT a::text), NULL)
               FROM (SELECT created_by AS a FROM reports WHERE id = $1
                     UNION SELECT updated_by FROM report_parts WHERE report_id = $1) w) AS authors`,
    [reportId],
    (rows) => {
      const row = rows[0] as { history: FourEyesStep[] | null; authors: string[] | null } | undefined;
      return { history: row?.history ?? [], authors: row?.authors ?? [] };
    },
    'evalflow_four_eyes_facts',
  );
}

export function loadFourEyesFacts(tx: TenantTx, reportId: string): Promise<FourEyesFacts> {
  return run(tx, fourEyesFactsOf(reportId));
}
