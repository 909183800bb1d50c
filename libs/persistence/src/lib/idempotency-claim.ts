import { AppError } from '@evalflow/domain';
import type { EntityManager } from 'typeorm';
import { rowsOf } from './tenant-tx';

export interface IdempotencyClaim {
  userId: string;
  key: string;
  token: string;
}

/**
 * In the request's own transaction, just before it commits: if the transaction wrote anything, the
 * claimed key is marked committed — under the claim's token, so a request whose claim was taken over
 * by a retry (its client gave up on it) rolls back instead of writing a second time.
 */
export async function markClaimCommitted(em: EntityManager, claim: IdempotencyClaim): Promise<void> {
  const [{ wrote }] = await rowsOf<{ wrote: boolean }>(em, `SELECT txid_current_if_assigned() IS NOT NULL AS wrote`);
  if (!wrote) return;
  const marked = await rowsOf(
    em,
    `UPDATE idempotency_keys SET committed_at = coalesce(committed_at, now())
      WHERE user_id = $1 AND key = $2 AND claim_token = $3 RETURNING 1`,
    [claim.userId, claim.key, claim.token],
  );
  if (!marked.length) throw new AppError('IDEMPOTENCY_CLAIM_LOST');
}
