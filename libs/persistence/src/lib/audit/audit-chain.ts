import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Verification of the audit hash chain (see the Workflow and AuditChainHeads migrations): per chain (a
 * county, or the platform), in chain order, each entry's prev_hash must be the previous entry's hash, and
 * its hash the digest of its own fields under its digest_version — so a changed, removed or inserted entry
 * shows as the first broken link. The chain's head row (kept by the trigger) must name its last entry, so
 * removing the newest entries shows too (tail_missing). A chain is read in keyset pages of its positions,
 * never whole. Runs through whatever connection it is given: the owner sees every chain, a tenant
 * transaction its own.
 */
export type Query = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/**
 * hash_mismatch: an entry's fields changed; link_mismatch: an entry removed or inserted before it;
 * tail_missing: the head records entries beyond the last one (the newest were removed);
 * head_mismatch: the head names another last entry than the chain has (or the head row is gone).
 */
export type ChainBreakReason = 'hash_mismatch' | 'link_mismatch' | 'tail_missing' | 'head_mismatch';

/** A chain's newest entry as the trigger recorded it. */
export interface ChainHead {
  /** 'platform', or the county's tenant id */
  chain: string;
  position: number;
  /** sha256, hex */
  hash: string;
}

/** A head with its HMAC: what an auditor writes down, to compare with a later verification. */
export interface SignedChainHead extends ChainHead {
  algorithm: 'HMAC-SHA256';
  /** hex */
  signature: string;
}

export interface ChainReport {
  /** null: the platform's chain */
  tenantId: string | null;
  entries: number;
  /** for tail_missing, the id the head names as the newest entry (no longer there) */
  firstBroken: { id: string; reason: ChainBreakReason } | null;
  /** the newest entry's position; null when the chain has no entry */
  lastPosition: number | null;
  /** the head row; null when the chain has none */
  head: ChainHead | null;
  /** the head signed, when the chain verified intact and a key was given */
  signedHead: SignedChainHead | null;
}

export interface VerifyOptions {
  /** entries read per query (default 1000) */
  pageSize?: number;
  /** signs each intact chain's head (deriveAuditHeadKey) */
  headKey?: Buffer;
}

const PLATFORM_KEY = '00000000-0000-0000-0000-000000000000';
const CHAIN_KEY = `coalesce(a.tenant_id, '${PLATFORM_KEY}'::uuid)`;
const HEAD_KEY_INFO = 'evalflow-audit-head-v1';

/**
 * The key that signs chain heads: HKDF-SHA256 from JWT_REFRESH_SECRET (no salt, info
 * 'evalflow-audit-head-v1'), so no new secret is needed and the key is never the refresh secret itself.
 * Rotating JWT_REFRESH_SECRET changes it: heads signed before no longer verify under the new key.
 */
export function deriveAuditHeadKey(refreshSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', refreshSecret, Buffer.alloc(0), HEAD_KEY_INFO, 32));
}

/** The signed bytes: a JSON array, so chain, position and hash cannot run into each other. */
function headMessage(head: ChainHead): string {
  return JSON.stringify([HEAD_KEY_INFO, head.chain, head.position, head.hash]);
}

export function signChainHead(key: Buffer, head: ChainHead): SignedChainHead {
  const { chain, position, hash } = head;
  const signature = createHmac('sha256', key).update(headMessage(head)).digest('hex');
  return { chain, position, hash, algorithm: 'HMAC-SHA256', signature };
}

/** Whether a head written down earlier was signed with this key (constant-time comparison). */
export function chainHeadSignatureValid(key: Buffer, signed: SignedChainHead): boolean {
  const expected = Buffer.from(signChainHead(key, signed).signature, 'hex');
  const given = Buffer.from(signed.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const PAGE_SQL = `
  SELECT a.id::text AS id, a.chain_position::text AS position, a.prev_hash, a.hash,
         CASE a.digest_version WHEN 1 THEN audit_entry_digest(a, a.prev_hash)
                               ELSE audit_entry_digest_v2(a, a.prev_hash) END AS recomputed
    FROM audit_log a
   WHERE ${CHAIN_KEY} = $1::uuid AND a.chain_position > $2::bigint
   ORDER BY ${CHAIN_KEY}, a.chain_position
   LIMIT $3`;

export async function verifyAuditChains(
  query: Query,
  onlyTenant?: string | null,
  options: VerifyOptions = {},
): Promise<ChainReport[]> {
  const tenants =
    onlyTenant === undefined
      ? (
          await query(`
            SELECT tenant_id::text AS tenant_id FROM audit_chain_heads
            UNION SELECT DISTINCT tenant_id::text FROM audit_log
            ORDER BY 1 NULLS FIRST`)
        ).map((r) => (r['tenant_id'] as string | null) ?? null)
      : [onlyTenant];
  const reports: ChainReport[] = [];
  for (const tenantId of tenants) {
    const report = await verifyChain(query, tenantId, options);
    if (report.entries > 0 || report.head) reports.push(report);
  }
  return reports;
}

interface HeadRow {
  position: number;
  hash: Buffer;
  entryId: string;
}

/** One chain, walked in pages; the state carried from page to page is the last entry read. */
class ChainWalk {
  entries = 0;
  firstBroken: ChainReport['firstBroken'] = null;
  lastHash: Buffer | null = null;
  lastPosition = 0;
  lastId: string | null = null;
  private readonly key: string;

  constructor(
    private readonly query: Query,
    readonly tenantId: string | null,
    private readonly pageSize: number,
  ) {
    this.key = tenantId ?? PLATFORM_KEY;
  }

  /** Checks the entries after the last one read, page by page, up to the first break; returns how many. */
  async readOn(): Promise<number> {
    let read = 0;
    for (;;) {
      const rows = await this.query(PAGE_SQL, [this.key, String(this.lastPosition), this.pageSize]);
      for (const row of rows) {
        this.check(row);
        read++;
        if (this.firstBroken) return read;
      }
      if (rows.length < this.pageSize) return read;
    }
  }

  private check(row: Record<string, unknown>): void {
    const id = row['id'] as string;
    const prev = (row['prev_hash'] as Buffer | null) ?? null;
    const hash = row['hash'] as Buffer;
    const linked = prev === null ? this.lastHash === null : this.lastHash !== null && prev.equals(this.lastHash);
    if (!linked) this.firstBroken = { id, reason: 'link_mismatch' };
    else if (!hash.equals(row['recomputed'] as Buffer)) this.firstBroken = { id, reason: 'hash_mismatch' };
    this.lastHash = hash;
    this.lastPosition = Number(row['position']);
    this.lastId = id;
    this.entries++;
  }

  async readHead(): Promise<HeadRow | null> {
    const [row] = await this.query(
      `SELECT chain_position::text AS position, hash, entry_id::text AS entry_id
         FROM audit_chain_heads WHERE chain_key = $1::uuid`,
      [this.key],
    );
    return row
      ? { position: Number(row['position']), hash: row['hash'] as Buffer, entryId: row['entry_id'] as string }
      : null;
  }

  /** After a break the rest is only counted. */
  async countRest(): Promise<void> {
    const [row] = await this.query(
      `SELECT count(*)::int AS n, max(a.chain_position)::text AS last
         FROM audit_log a WHERE ${CHAIN_KEY} = $1::uuid AND a.chain_position > $2::bigint`,
      [this.key, String(this.lastPosition)],
    );
    this.entries += row['n'] as number;
    if (row['last'] !== null) this.lastPosition = Number(row['last']);
  }

  /** Whether the head names the last entry read: else the reason, on the entry it concerns. */
  async compareWithHead(head: HeadRow | null): Promise<ChainReport['firstBroken']> {
    if (!head) return this.lastId ? { id: this.lastId, reason: 'head_mismatch' } : null;
    if (head.position > this.lastPosition) return { id: head.entryId, reason: 'tail_missing' };
    if (head.position < this.lastPosition) {
      // entries beyond the head were not appended through the trigger: the first of them
      const [{ id }] = await this.query(
        `SELECT a.id::text AS id FROM audit_log a WHERE ${CHAIN_KEY} = $1::uuid AND a.chain_position > $2::bigint
          ORDER BY ${CHAIN_KEY}, a.chain_position LIMIT 1`,
        [this.key, String(head.position)],
      );
      return { id: id as string, reason: 'head_mismatch' };
    }
    if (this.lastHash && !head.hash.equals(this.lastHash))
      return { id: this.lastId as string, reason: 'head_mismatch' };
    return null;
  }
}

async function verifyChain(query: Query, tenantId: string | null, options: VerifyOptions): Promise<ChainReport> {
  const walk = new ChainWalk(query, tenantId, options.pageSize ?? 1000);
  // The head is read after the entries: appends committed meanwhile move it past what was read, so the
  // entries are read on until they reach it; a head still ahead when nothing more comes is a lost tail.
  let head: HeadRow | null = null;
  for (let pass = 0; ; pass++) {
    const read = await walk.readOn();
    head = await walk.readHead();
    if (walk.firstBroken || !head || head.position <= walk.lastPosition || (pass > 0 && read === 0)) break;
  }
  if (walk.firstBroken) await walk.countRest();
  else walk.firstBroken = await walk.compareWithHead(head);

  const chainHead: ChainHead | null = head && {
    chain: tenantId ?? 'platform',
    position: head.position,
    hash: head.hash.toString('hex'),
  };
  return {
    tenantId,
    entries: walk.entries,
    firstBroken: walk.firstBroken,
    lastPosition: walk.entries ? walk.lastPosition : null,
    head: chainHead,
    signedHead: chainHead && !walk.firstBroken && options.headKey ? signChainHead(options.headKey, chainHead) : null,
  };
}
