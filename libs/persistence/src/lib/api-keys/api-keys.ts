import type { ApiKeyScope } from '@evalflow/domain';
import { rowOf, rowsOf, tenantOf, type TenantTx } from '../tenant-tx';

/** An API key as its county's administrator sees it: never the key, never its hash. */
export interface ApiKeyRecord {
  id: string;
  tenantId: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const SELECT = `
  SELECT k.id::text, k.tenant_id::text AS "tenantId", k.name, k.prefix, k.scopes,
         k.created_by::text AS "createdBy", u.display_name AS "createdByName", k.created_at AS "createdAt",
         k.expires_at AS "expiresAt", k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt"
    FROM api_keys k
    LEFT JOIN users u ON u.id = k.created_by`;

export function listApiKeys(tx: TenantTx): Promise<ApiKeyRecord[]> {
  return rowsOf(tx, `${SELECT} ORDER BY k.created_at DESC, k.id`);
}

export function findApiKey(tx: TenantTx, id: string, forUpdate = false): Promise<ApiKeyRecord | null> {
  return rowOf(tx, `${SELECT} WHERE k.id = $1${forUpdate ? ' FOR UPDATE OF k' : ''}`, [id]);
}

export async function insertApiKey(
  tx: TenantTx,
  k: { name: string; prefix: string; hash: Buffer; scopes: ApiKeyScope[]; createdBy: string; expiresAt: Date | null },
): Promise<string> {
  const row = await rowOf<{ id: string }>(
    tx,
    `INSERT INTO api_keys (tenant_id, name, prefix, key_hash, scopes, created_by, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
    [tenantOf(tx), k.name, k.prefix, k.hash, k.scopes, k.createdBy, k.expiresAt],
  );
  return (row as { id: string }).id;
}

export async function revokeApiKey(tx: TenantTx, id: string, by: string): Promise<void> {
  await tx.query(`UPDATE api_keys SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`, [
    id,
    by,
  ]);
}
