import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { commitReportingAuthChanges } from './auth-changes';

/**
 * One transaction on a pooled connection, as both the tenant and the bypass connection run theirs: `begin` (START TRANSACTION and
 * whatever must be set with it, sent as one simple query: one round trip), then `work`, then COMMIT with the
 * session-cache signal read in the same round trip; any failure rolls back, and the connection always goes back to
 * the pool outside a transaction.
 */
export async function runTransaction<T>(
  dataSource: DataSource,
  begin: string,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  try {
    await beginWith(runner, begin);
    try {
      const result = await work(runner.manager);
      await commitReportingAuthChanges(client, runner);
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}

/** Sends the opening statements, then tells the runner what startTransaction() would have recorded (active, depth 1). */
async function beginWith(runner: QueryRunner, begin: string): Promise<void> {
  try {
    await runner.query(begin);
  } catch (error) {
    // never hand the pool a connection left inside a transaction that failed as it began
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
}
