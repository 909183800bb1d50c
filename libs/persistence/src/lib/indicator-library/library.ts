import { containsPattern } from '../like-pattern';
import type { IndicatorNature, LibraryEntryFields } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/**
 * The county's 指标库 (indicator_library): entries known by their 一级/二级/三级 names, changed with an
 * expected version, archived rather than deleted (reports keep links to them).
 */
export interface LibraryEntryRecord extends LibraryEntryFields {
  id: string;
  tenantId: string;
  active: boolean;
  version: number;
  createdAt: Date;
  createdBy: string | null;
  updatedAt: Date;
  updatedBy: string | null;
}

const ENTRY_SELECT = `
  SELECT id, tenant_id AS "tenantId", level1, level2, level3, unit, nature,
         suggested_target AS "suggestedTarget", suggested_evidence AS "suggestedEvidence", note, active, version,
         created_at AS "createdAt", created_by AS "createdBy", updated_at AS "updatedAt", updated_by AS "updatedBy"
    FROM indicator_library`;

const RETURNING = `RETURNING id, tenant_id AS "tenantId", level1, level2, level3, unit, nature,
  suggested_target AS "suggestedTarget", suggested_evidence AS "suggestedEvidence", note, active, version,
  created_at AS "createdAt", created_by AS "createdBy", updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** The list's order, and where a page ends: 一级, 二级, 三级 names, then id. */
export interface LibraryPosition {
  level1: string;
  level2: string;
  level3: string;
  id: string;
}

export interface LibraryListQuery {
  /** words anywhere in the three names, the unit or the suggested 指标值 (matched literally, any case) */
  q?: string;
  level1?: string;
  nature?: IndicatorNature;
  /** true: only active entries (the default); false: only archived ones; 'all': both */
  active?: boolean | 'all';
  after?: LibraryPosition;
  limit: number;
}

/** One page of entries in the list's order, plus one more row when there is a next page. */
export function listLibraryEntries(tx: TenantTx, query: LibraryListQuery): Promise<LibraryEntryRecord[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  const active = query.active ?? true;
  if (active !== 'all') where.push(`active = ${p(active)}`);
  if (query.level1) where.push(`level1 = ${p(query.level1)}`);
  if (query.nature) where.push(`nature = ${p(query.nature)}`);
  if (query.q?.trim()) {
    const pattern = p(containsPattern(query.q));
    where.push(
      `(level1 ILIKE ${pattern} OR level2 ILIKE ${pattern} OR level3 ILIKE ${pattern} OR unit ILIKE ${pattern}` +
        ` OR suggested_target ILIKE ${pattern})`,
    );
  }
  if (query.after) {
    const a = query.after;
    where.push(`(level1, level2, level3, id) > (${p(a.level1)}, ${p(a.level2)}, ${p(a.level3)}, ${p(a.id)}::uuid)`);
  }
  return rowsOf<LibraryEntryRecord>(
    tx,
    `${ENTRY_SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY level1, level2, level3, id LIMIT ${Math.trunc(query.limit) + 1}`,
    params,
  );
}

/** Every entry of the county (the active ones only, unless asked), in the list's order: the export. */
export function allLibraryEntries(tx: TenantTx, { includeArchived = false } = {}): Promise<LibraryEntryRecord[]> {
  return rowsOf<LibraryEntryRecord>(
    tx,
    `${ENTRY_SELECT} ${includeArchived ? '' : 'WHERE active'} ORDER BY level1, level2, level3, id`,
  );
}

/** The entry, locked for the rest of the transaction when a write follows; null when the county has none. */
export function findLibraryEntry(
  tx: TenantTx,
  id: string,
  { forUpdate = false } = {},
): Promise<LibraryEntryRecord | null> {
  return rowOf<LibraryEntryRecord>(tx, `${ENTRY_SELECT} WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
}

type LibraryKey = Pick<LibraryEntryFields, 'level1' | 'level2' | 'level3'>;

/** The entry with these names, if the county has one. */
export function findLibraryEntryByKey(tx: TenantTx, key: LibraryKey): Promise<LibraryEntryRecord | null> {
  return rowOf<LibraryEntryRecord>(tx, `${ENTRY_SELECT} WHERE level1 = $1 AND level2 = $2 AND level3 = $3`, [
    key.level1,
    key.level2,
    key.level3,
  ]);
}

/** The county's entries with any of these names (an import's existing entries), archived ones included. */
export function findLibraryEntriesByKeys(tx: TenantTx, keys: readonly LibraryKey[]): Promise<LibraryEntryRecord[]> {
  if (!keys.length) return Promise.resolve([]);
  return rowsOf<LibraryEntryRecord>(
    tx,
    `${ENTRY_SELECT} WHERE (level1, level2, level3) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
    [keys.map((k) => k.level1), keys.map((k) => k.level2), keys.map((k) => k.level3)],
  );
}

const fieldParams = (e: LibraryEntryFields) => [
  e.level1,
  e.level2,
  e.level3,
  e.unit,
  e.nature,
  e.suggestedTarget,
  e.suggestedEvidence,
  e.note,
];

/**
 * Adds an entry unless the county has one with the same names: answers the new entry, or the id of
 * the one holding the names.
 */
/** How many entries the county's 指标库 holds, archived ones included. */
export async function countLibraryEntries(tx: TenantTx): Promise<number> {
  const row = await rowOf<{ count: number }>(tx, `SELECT count(*)::int AS count FROM indicator_library`);
  return row?.count ?? 0;
}

export async function insertLibraryEntry(
  tx: TenantTx,
  entry: LibraryEntryFields,
  userId: string | null,
): Promise<{ created: true; entry: LibraryEntryRecord } | { created: false; existingId: string }> {
  const inserted = await rowOf<LibraryEntryRecord>(
    tx,
    `INSERT INTO indicator_library (tenant_id, level1, level2, level3, unit, nature, suggested_target,
                                    suggested_evidence, note, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (tenant_id, level1, level2, level3) DO NOTHING ${RETURNING}`,
    [tenantOf(tx), ...fieldParams(entry), userId],
  );
  if (inserted) return { created: true, entry: inserted };
  const existing = await findLibraryEntryByKey(tx, entry);
  if (!existing) throw new Error('indicator_library key conflict without an entry holding the key');
  return { created: false, existingId: existing.id };
}

/**
 * Replaces an entry's content when it is still at `expectedVersion`; null when it is not (or the
 * county has no such entry). A change of names onto another entry's raises the unique violation.
 */
export function updateLibraryEntry(
  tx: TenantTx,
  id: string,
  expectedVersion: number,
  entry: LibraryEntryFields,
  userId: string | null,
): Promise<LibraryEntryRecord | null> {
  return rowOf<LibraryEntryRecord>(
    tx,
    `UPDATE indicator_library
        SET level1 = $3, level2 = $4, level3 = $5, unit = $6, nature = $7, suggested_target = $8,
            suggested_evidence = $9, note = $10, version = version + 1, updated_at = now(), updated_by = $11
      WHERE id = $1 AND version = $2 ${RETURNING}`,
    [id, expectedVersion, ...fieldParams(entry), userId],
  );
}

/** Archives (停用) or restores an entry when it is still at `expectedVersion`; null when it is not. */
export function setLibraryEntryActive(
  tx: TenantTx,
  id: string,
  expectedVersion: number,
  active: boolean,
  userId: string | null,
): Promise<LibraryEntryRecord | null> {
  return rowOf<LibraryEntryRecord>(
    tx,
    `UPDATE indicator_library SET active = $3, version = version + 1, updated_at = now(), updated_by = $4
      WHERE id = $1 AND version = $2 ${RETURNING}`,
    [id, expectedVersion, active, userId],
  );
}

export const archiveLibraryEntry = (tx: TenantTx, id: string, expectedVersion: number, userId: string | null) =>
  setLibraryEntryActive(tx, id, expectedVersion, false, userId);

export const restoreLibraryEntry = (tx: TenantTx, id: string, expectedVersion: number, userId: string | null) =>
  setLibraryEntryActive(tx, id, expectedVersion, true, userId);

/**
 * An import's write of one entry, by its names: added when new; when the county has it, its other
 * fields replaced and an archived entry brought back, unless nothing differs (then left untouched,
 * version and all).
 */
export async function upsertLibraryEntryByKey(
  tx: TenantTx,
  entry: LibraryEntryFields,
  userId: string | null,
): Promise<{ id: string; action: 'create' | 'update' | 'unchanged' }> {
  const written = await rowOf<{ id: string; created: boolean }>(
    tx,
    `INSERT INTO indicator_library AS l (tenant_id, level1, level2, level3, unit, nature, suggested_target,
                                         suggested_evidence, note, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
     ON CONFLICT (tenant_id, level1, level2, level3) DO UPDATE
        SET unit = EXCLUDED.unit, nature = EXCLUDED.nature, suggested_target = EXCLUDED.suggested_target,
            suggested_evidence = EXCLUDED.suggested_evidence, note = EXCLUDED.note, active = true,
            version = l.version + 1, updated_at = now(), updated_by = EXCLUDED.updated_by
      WHERE NOT l.active
         OR (l.unit, l.nature, l.suggested_target, l.suggested_evidence, l.note)
            IS DISTINCT FROM (EXCLUDED.unit, EXCLUDED.nature, EXCLUDED.suggested_target,
                              EXCLUDED.suggested_evidence, EXCLUDED.note)
     RETURNING id, (xmax = 0) AS created`,
    [tenantOf(tx), ...fieldParams(entry), userId],
  );
  if (written) return { id: written.id, action: written.created ? 'create' : 'update' };
  const existing = await findLibraryEntryByKey(tx, entry);
  if (!existing) throw new Error('indicator_library upsert wrote nothing and found nothing');
  return { id: existing.id, action: 'unchanged' };
}
