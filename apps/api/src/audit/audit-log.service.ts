import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError, isIsoDate, type AppAbility, type Principal } from '@evalflow/domain';
import {
  abilityFilter,
  deriveAuditHeadKey,
  PlatformDb,
  TenantDb,
  verifyAuditChains,
  type ChainReport,
} from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import type { AuditEntryView, AuditPage, ListAuditQuery } from './audit.dto';

/** The date range of a query: real calendar days, the first not after the last. */
function checkedDays(query: ListAuditQuery): { from?: string; to?: string } {
  for (const field of ['from', 'to'] as const) {
    const day = query[field];
    if (day !== undefined && !isIsoDate(day)) {
      throw new AppError(
        'VALIDATION_FAILED',
        [{ field, message: '日期无效' }],
        `${field === 'from' ? '开始' : '结束'}日期无效`,
      );
    }
  }
  if (query.from && query.to && query.from > query.to) {
    throw new AppError(
      'VALIDATION_FAILED',
      [{ field: 'to', message: '结束日期不能早于开始日期' }],
      '结束日期不能早于开始日期',
    );
  }
  return { from: query.from, to: query.to };
}

/** Reading the audit trail: a county's administrator its county's, the platform operator the platform's. */
@Injectable()
export class AuditLogService {
  /** signs verified chain heads; derived from JWT_REFRESH_SECRET (see deriveAuditHeadKey) */
  private readonly headKey: Buffer;

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly platform: PlatformDb,
    config: ConfigService<AppConfig, true>,
  ) {
    this.headKey = deriveAuditHeadKey(config.get('auth', { infer: true }).refreshSecret);
  }

  list(principal: Principal, ability: AppAbility, query: ListAuditQuery): Promise<AuditPage> {
    const filter = abilityFilter(ability, 'read', 'AuditLog', { tenantId: 'a.tenant_id' });
    const where = [filter.sql];
    const params = [...filter.params];
    if (query.action) where.push(`a.action LIKE $${params.push(`${query.action}%`)}`);
    if (query.outcome) where.push(`a.outcome = $${params.push(query.outcome)}`);
    if (query.actor) where.push(`a.actor_username = $${params.push(query.actor)}`);
    if (query.before) where.push(`a.id < $${params.push(query.before)}`);
    // whole days in China Standard Time, where the counties are, whatever the server's zone
    const { from, to } = checkedDays(query);
    if (from) where.push(`a.occurred_at >= ($${params.push(from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (to) where.push(`a.occurred_at < ($${params.push(to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    const limit = query.limit ?? 50;
    const read = async (em: EntityManager): Promise<AuditPage> => {
      const rows = await em.query(
        `SELECT a.id::text, a.occurred_at, a.tenant_id, a.actor_user_id, a.actor_username, a.action, a.target_type,
                a.target_id, a.outcome, a.details, host(a.client_ip) AS client_ip, a.request_id
           FROM audit_log a WHERE ${where.join(' AND ')} ORDER BY a.id DESC LIMIT ${limit + 1}`,
        params,
      );
      const items: AuditEntryView[] = rows.slice(0, limit).map((r: Record<string, unknown>) => ({
        id: r['id'] as string,
        occurredAt: (r['occurred_at'] as Date).toISOString(),
        tenantId: r['tenant_id'] as string | null,
        actorUserId: r['actor_user_id'] as string | null,
        actorUsername: r['actor_username'] as string | null,
        action: r['action'] as string,
        targetType: r['target_type'] as string | null,
        targetId: r['target_id'] as string | null,
        outcome: r['outcome'] as string,
        details: r['details'] as Record<string, unknown>,
        clientIp: r['client_ip'] as string | null,
        requestId: r['request_id'] as string | null,
      }));
      return { items, nextBefore: rows.length > limit ? items[items.length - 1].id : null };
    };
    return principal.tenantId ? this.tenantDb.tx(read) : this.platform.tx(read);
  }

  /**
   * Verifies the caller's own chain: a county's administrator its county's, the platform operator the
   * platform's. An intact chain's head comes signed, for the auditor to write down and compare later.
   */
  async verify(principal: Principal): Promise<ChainReport> {
    const tenantId = principal.tenantId;
    const options = { headKey: this.headKey };
    const reports = tenantId
      ? await this.tenantDb.tx((em) => verifyAuditChains((sql, p) => em.query(sql, p), tenantId, options))
      : await this.platform.tx((em) => verifyAuditChains((sql, p) => em.query(sql, p), null, options));
    return reports[0] ?? { tenantId, entries: 0, firstBroken: null, lastPosition: null, head: null, signedHead: null };
  }
}
