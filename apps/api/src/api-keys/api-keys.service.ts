import { Injectable } from '@nestjs/common';
import { AppError, type AppAbility, type Principal } from '@evalflow/domain';
import {
  findApiKey,
  insertApiKey,
  listApiKeys,
  revokeApiKey,
  TenantDb,
  tenantOf,
  type ApiKeyRecord,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { newApiKey } from './api-key-secret';
import type { ApiKeyView, CreateApiKeyDto, CreatedApiKeyView } from './api-keys.dto';

/** A county administrator's API keys: created (shown once), listed, revoked. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(ability: AppAbility): Promise<ApiKeyView[]> {
    return this.db.tx(async (tx) => {
      assertCan(ability, 'read', 'ApiKey', { tenantId: tenantOf(tx) });
      return (await listApiKeys(tx)).map(toView);
    });
  }

  create(principal: Principal, ability: AppAbility, dto: CreateApiKeyDto): Promise<CreatedApiKeyView> {
    if (dto.expiresAt && dto.expiresAt.getTime() <= Date.now()) {
      throw new AppError('VALIDATION_FAILED', [{ field: 'expiresAt', message: '到期时间须晚于现在' }]);
    }
    return this.db.tx(async (tx) => {
      assertCan(ability, 'create', 'ApiKey', { tenantId: tenantOf(tx) });
      const { key, prefix, hash } = newApiKey();
      const id = await insertApiKey(tx, {
        name: dto.name.trim(),
        prefix,
        hash,
        scopes: dto.scopes,
        createdBy: principal.userId,
        expiresAt: dto.expiresAt ?? null,
      });
      await this.audit.record(tx, {
        tenantId: tenantOf(tx),
        action: 'api_key.created',
        targetType: 'api_key',
        targetId: id,
        outcome: 'success',
        details: { name: dto.name.trim(), prefix, scopes: dto.scopes, expiresAt: dto.expiresAt ?? null },
      });
      const record = (await findApiKey(tx, id)) as ApiKeyRecord;
      return { ...toView(record), key };
    });
  }

  revoke(principal: Principal, ability: AppAbility, id: string): Promise<ApiKeyView> {
    return this.db.tx(async (tx) => {
      const record = await findApiKey(tx, id, true);
      if (!record) throw new AppError('API_KEY_NOT_FOUND');
      assertCan(ability, 'update', 'ApiKey', record);
      if (record.revokedAt) throw new AppError('API_KEY_REVOKED');
      await revokeApiKey(tx, id, principal.userId);
      await this.audit.record(tx, {
        tenantId: record.tenantId,
        action: 'api_key.revoked',
        targetType: 'api_key',
        targetId: id,
        outcome: 'success',
        details: { name: record.name, prefix: record.prefix },
      });
      return toView((await findApiKey(tx, id)) as ApiKeyRecord);
    });
  }
}

function toView(k: ApiKeyRecord): ApiKeyView {
  const expired = k.expiresAt !== null && k.expiresAt.getTime() <= Date.now();
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    createdByName: k.createdByName,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
    state: k.revokedAt ? 'revoked' : expired ? 'expired' : 'active',
  };
}
