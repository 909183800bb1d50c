import { Injectable } from '@nestjs/common';
import { run, statement, type AuditOutcome, type Statement } from '@evalflow/persistence';
import { RequestContext } from '@evalflow/observability';
import type { EntityManager } from 'typeorm';

export interface AuditEntry {
  tenantId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
  /** Defaults to the signed-in user of the request. */
  actor?: { userId: string | null; username: string | null };
}

/**
 * Appends to audit_log through the caller's transaction, so an action and its audit entry
 * commit or roll back together. Actor, client address and request id come from the context.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await run(em, this.entry(entry));
  }

  /** The entry as a statement, to be sent with the change it records in one round trip (runAll). */
  entry(entry: AuditEntry): Statement<void> {
    const ctx = RequestContext.current();
    const actor = entry.actor ?? { userId: ctx?.userId ?? null, username: ctx?.username ?? null };
    return statement(
      `INSERT INTO audit_log (tenant_id, actor_user_id, actor_username, action, target_type, target_id,
                              outcome, details, client_ip, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        entry.tenantId,
        actor.userId,
        actor.username,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.outcome ?? 'success',
        JSON.stringify(entry.details ?? {}),
        ctx?.clientIp ?? null,
        ctx?.requestId ?? null,
      ],
      () => undefined,
      'evalflow_audit_entry',
    );
  }
}
