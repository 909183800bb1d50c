import type { EntityManager } from 'typeorm';

const TENANT = Symbol('evalflow.tenant');

/**
 * A transaction in which app.tenant_id is set, so row-level security decides what it sees. Tenant-scoped
 * persistence takes only this type: a plain EntityManager (the owner's or the platform's connection,
 * which bypass row-level security) does not type-check where a TenantTx is asked for.
 */
export type TenantTx = EntityManager & { readonly [TENANT]: string };

/** The county the transaction is scoped to. */
export function tenantOf(tx: TenantTx): string {
  return tx[TENANT];
}

/**
 * Scopes a transaction to a county: sets app.tenant_id for the rest of the transaction (never beyond it,
 * so the setting cannot leak to the next user of a pooled connection). TenantDb.tx does this for requests
 * and jobs; the seed and migrations, which run as the owner, do it per county.
 */
export async function enterTenant(em: EntityManager, tenantId: string): Promise<TenantTx> {
  if (!em.queryRunner?.isTransactionActive) throw new Error('enterTenant needs an open transaction');
  await em.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
  return markTenant(em, tenantId);
}

/** Types a transaction whose app.tenant_id the caller has just set (TenantDb.tx sets it as it begins). */
export function markTenant(em: EntityManager, tenantId: string): TenantTx {
  Object.defineProperty(em, TENANT, { value: tenantId, configurable: true });
  return em as TenantTx;
}

/**
 * The rows a statement answers. TypeORM answers UPDATE and DELETE … RETURNING as [rows, count] and
 * everything else as rows; this is always the rows.
 */
export async function rowsOf<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const result: unknown = await em.query(sql, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** The one row a statement answers, or null. */
export async function rowOf<T>(em: EntityManager, sql: string, params: unknown[] = []): Promise<T | null> {
  const rows = await rowsOf<T>(em, sql, params);
  return rows[0] ?? null;
}
