import type { PoolClient, QueryResult } from 'pg';
import type { EntityManager } from 'typeorm';
import { execute, inline, type Statement } from './statement';

/**
 * Several statements in one round trip: sent as one simple query (parameters written in as literals), named ones
 * prepared once per connection and executed with a generic plan. Planning, not running, was most of PostgreSQL's
 * time on a report read, and each round trip a request waits on.
 */

/** The names each pooled connection has prepared (a connection replaced after a failure starts empty). */
const preparedOn = new WeakMap<PoolClient, Set<string>>();

/** A connection whose prepared statements are in doubt: it drops them all before its next batch. */
const STALE: Set<string> = new Set<string>();

/** SQLSTATE of "cached plan must not change result type": a migration changed what a prepared statement answers. */
const PLAN_RESULT_CHANGED = '0A000';

type Results<S extends readonly Statement<unknown>[]> = {
  -readonly [K in keyof S]: S[K] extends Statement<infer R> ? R : never;
};

/**
 * Sends `first` (statements whose rows are not wanted: settings for what follows) and then `statements` as one
 * simple query on `client`, and reads each statement's rows. Outside a transaction PostgreSQL runs the whole text
 * as one implicit transaction, and a prepared plan a migration made stale is prepared again and the batch retried;
 * inside one (`inTransaction`), a failure aborts the caller's transaction, so the connection is only marked to drop
 * its prepared statements before its next batch.
 */
export async function sendBatch<const S extends readonly Statement<unknown>[]>(
  client: PoolClient,
  first: readonly string[],
  statements: S,
  { inTransaction = false } = {},
): Promise<Results<S>> {
  const text = [
    ...first,
    `SELECT set_config('plan_cache_mode', 'force_generic_plan', true)`,
    ...statements.map((s) => (s.prepareAs ? execute(s) : inline(s))),
  ].join(';\n');
  const send = async () => {
    await ensurePrepared(client, statements, inTransaction);
    const answer = (await client.query(text)) as unknown as QueryResult<Record<string, unknown>>[] | QueryResult;
    return Array.isArray(answer) ? answer : [answer];
  };
  const results = await send().catch(async (error: unknown) => {
    if ((error as { code?: unknown } | null)?.code !== PLAN_RESULT_CHANGED) throw error;
    preparedOn.set(client, STALE);
    if (inTransaction) throw error;
    return send();
  });
  const skip = first.length + 1;
  return statements.map((s, i) => s.read(results[skip + i].rows)) as Results<S>;
}

/** The statements in one round trip inside the caller's transaction (a TenantTx or any open transaction). */
export async function runAll<const S extends readonly Statement<unknown>[]>(
  em: EntityManager,
  statements: S,
): Promise<Results<S>> {
  if (!em.queryRunner?.isTransactionActive) throw new Error('runAll needs an open transaction');
  return sendBatch((await em.queryRunner.connect()) as PoolClient, [], statements, { inTransaction: true });
}

/**
 * Prepares on this connection the named statements it has not prepared yet: one round trip, once per connection
 * and statement. A connection whose prepared statements are in doubt (a name already taken, a stale plan) drops
 * them all first. PREPARE is not transactional: what it made stays whatever becomes of the transaction.
 */
async function ensurePrepared(
  client: PoolClient,
  statements: readonly Statement<unknown>[],
  inTransaction: boolean,
): Promise<void> {
  let have = preparedOn.get(client) ?? new Set<string>();
  const missing = new Map<string, string>();
  for (const s of statements) if (s.prepareAs && !have.has(s.prepareAs)) missing.set(s.prepareAs, s.sql);
  if (missing.size === 0) return;
  if (have === STALE) {
    await client.query('DEALLOCATE ALL');
    have = new Set<string>();
    for (const s of statements) if (s.prepareAs) missing.set(s.prepareAs, s.sql);
  }
  const text = [...missing].map(([name, sql]) => `PREPARE ${name} AS ${sql}`).join(';\n');
  try {
    await client.query(text);
  } catch (error) {
    preparedOn.set(client, STALE);
    if (inTransaction) throw error;
    await client.query('DEALLOCATE ALL');
    await client.query(text);
    have = new Set<string>();
  }
  for (const name of missing.keys()) have.add(name);
  preparedOn.set(client, have);
}
