/**
 * Verification of the audit hash chain (see the Workflow migration): per chain (a county, or the
 * platform), in chain order, each entry's prev_hash must be the previous entry's hash, and its hash must be the
 * digest of its own fields — so a changed, removed or inserted entry shows as the first broken link.
 * Runs through whatever connection it is given: the owner sees every chain, a tenant transaction its own.
 */
export type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface ChainReport {
  /** null: the platform's chain */
  tenantId: string | null;
  entries: number;
  firstBroken: { id: string; reason: 'hash_mismatch' | 'link_mismatch' } | null;
}

export async function verifyAuditChains(query: Query, onlyTenant?: string | null): Promise<ChainReport[]> {
  const filter =
    onlyTenant === undefined ? '' : onlyTenant === null ? 'WHERE a.tenant_id IS NULL' : 'WHERE a.tenant_id = $1';
  const rows = await query(
    `SELECT a.id::text AS id, a.tenant_id, a.prev_hash, a.hash, audit_entry_digest(a, a.prev_hash) AS recomputed
       FROM audit_log a ${filter} ORDER BY a.tenant_id NULLS FIRST, a.chain_position, a.id`,
    onlyTenant ? [onlyTenant] : [],
  );
  const chains = new Map<string, ChainReport & { lastHash: Buffer | null }>();
  for (const row of rows) {
    const tenantId = (row['tenant_id'] as string | null) ?? null;
    const key = tenantId ?? 'platform';
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = { tenantId, entries: 0, firstBroken: null, lastHash: null }));
    chain.entries++;
    if (chain.firstBroken) continue;
    const prev = (row['prev_hash'] as Buffer | null) ?? null;
    const hash = row['hash'] as Buffer;
    const linked = prev === null ? chain.lastHash === null : chain.lastHash !== null && prev.equals(chain.lastHash);
    if (!linked) chain.firstBroken = { id: row['id'] as string, reason: 'link_mismatch' };
    else if (!hash.equals(row['recomputed'] as Buffer))
      chain.firstBroken = { id: row['id'] as string, reason: 'hash_mismatch' };
    chain.lastHash = hash;
  }
  return [...chains.values()].map(({ tenantId, entries, firstBroken }) => ({ tenantId, entries, firstBroken }));
}
