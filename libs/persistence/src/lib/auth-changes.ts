import type { PoolClient } from 'pg';

/**
 * What a cache of sessions needs to know: that something a session check reads (a session revoked, a user deactivated
 * or given other roles, a department renamed, a county suspended) changed. Triggers on those tables (migration
 * AuthChangeNotify1764300000000) NOTIFY every instance at commit on AUTH_CHANGED_CHANNEL and set evalflow.auth_changed
 * in the changing transaction, which the tenant and platform transaction wrappers read with their COMMIT (same round trip) to tell this
 * process at once, before the request that made the change answers.
 */
export const AUTH_CHANGED_CHANNEL = 'evalflow_auth_changed';

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after this process committed a change of what session checks read. */
export function onLocalAuthChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emitLocalAuthChange(): void {
  for (const listener of listeners) listener();
}

/**
 * COMMIT, reading in the same round trip whether the transaction changed what session checks read; if it did, this
 * process's listeners hear of it before the caller goes on. The runner is told the transaction ended.
 */
export async function commitReportingAuthChanges(
  client: PoolClient,
  runner: { isTransactionActive: boolean },
): Promise<void> {
  const results = (await client.query(
    `SELECT current_setting('evalflow.auth_changed', true) AS changed; COMMIT`,
  )) as unknown as Array<{ rows: Array<{ changed: string | null }> }>;
  Object.assign(runner, { isTransactionActive: false, transactionDepth: 0 });
  if (results[0]?.rows[0]?.changed === 'on') emitLocalAuthChange();
}
