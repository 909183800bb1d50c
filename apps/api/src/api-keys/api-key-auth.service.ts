import { Injectable, Logger } from '@nestjs/common';
import { AppError, isApiKeyScope, type ApiKeyScope } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';
import type { SessionPrincipal } from '../auth/sessions.service';
import { hashApiKey, isApiKey } from './api-key-secret';

/** last_used_at is stamped at most this often per key: a busy integration must not write on every read. */
export const LAST_USED_EVERY_SECONDS = 60;

interface KeyRow {
  id: string;
  tenant_id: string;
  name: string;
  prefix: string;
  scopes: string[];
  usable: boolean;
  stale_last_used: boolean;
  tenant_status: string;
  tenant_name: string;
  region_code: string | null;
}

/**
 * Resolves an API key to its service account. The lookup runs on the platform connection (the
 * county is not known before the key is found); everything after runs in the key's county.
 */
@Injectable()
export class ApiKeyAuthService {
  private readonly logger = new Logger(ApiKeyAuthService.name);

  constructor(private readonly platform: PlatformDb) {}

  /** The key's principal, or 401 API_KEY_INVALID — the same for unknown, revoked and expired keys. */
  async resolve(key: string): Promise<SessionPrincipal> {
    if (!isApiKey(key) || key.length > 200) throw new AppError('API_KEY_INVALID');
    const [row] = await this.platform.query<KeyRow>(
      `SELECT k.id::text, k.tenant_id::text, k.name, k.prefix, k.scopes,
              (k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())) AS usable,
              (k.last_used_at IS NULL OR k.last_used_at < now() - make_interval(secs => $2)) AS stale_last_used,
              t.status AS tenant_status, t.name AS tenant_name, t.region_code
         FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.key_hash = $1`,
      [hashApiKey(key), LAST_USED_EVERY_SECONDS],
    );
    if (!row || !row.usable) throw new AppError('API_KEY_INVALID');
    if (row.tenant_status !== 'active') throw new AppError('TENANT_SUSPENDED');
    if (row.stale_last_used) await this.stampLastUsed(row.id);
    const scopes = row.scopes.filter(isApiKeyScope) as ApiKeyScope[];
    return {
      sessionId: row.id,
      userId: row.id,
      username: `api-key:${row.prefix}`,
      displayName: row.name,
      tenantId: row.tenant_id,
      departmentId: null,
      departmentKind: null,
      roles: [],
      tenantName: row.tenant_name,
      regionCode: row.region_code,
      departmentName: null,
      serviceAccount: { keyId: row.id, keyName: row.name, keyPrefix: row.prefix, scopes },
    };
  }

  /** Guarded again in SQL, so concurrent requests of one key write once a minute at most. */
  private async stampLastUsed(keyId: string): Promise<void> {
    try {
      await this.platform.query(
        `UPDATE api_keys SET last_used_at = now()
          WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $2))`,
        [keyId, LAST_USED_EVERY_SECONDS],
      );
    } catch (error) {
      // a missed stamp must not refuse a valid key
      this.logger.warn({ msg: 'could not stamp an API key as used', keyId, error: (error as Error).message });
    }
  }
}
