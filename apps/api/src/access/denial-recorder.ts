import { Injectable, Logger } from '@nestjs/common';
import { PlatformDb, TenantDb } from '@evalflow/persistence';
import type { FastifyRequest } from 'fastify';
import { AuditService } from '../audit/audit.service';
import type { SessionPrincipal } from '../auth/sessions.service';

/** Appends permission denials to the audit log of the denied user's county (or the platform's). */
@Injectable()
export class DenialRecorder {
  private readonly logger = new Logger(DenialRecorder.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly platformDb: PlatformDb,
    private readonly audit: AuditService,
  ) {}

  /** Records a 403 answered to a signed-in user. */
  async record(principal: SessionPrincipal, request: FastifyRequest, code: string, details?: unknown): Promise<void> {
    const params = (request.params ?? {}) as Record<string, string>;
    const entry = {
      tenantId: principal.tenantId,
      action: 'access.denied',
      targetId: params['id'],
      outcome: 'denied' as const,
      details: {
        code,
        method: request.method,
        route: request.routeOptions?.url ?? request.url.split('?')[0],
        ...(details && typeof details === 'object' ? { refused: details } : {}),
      },
    };
    try {
      if (principal.tenantId) await this.tenantDb.tx((em) => this.audit.record(em, entry), principal.tenantId);
      else await this.platformDb.tx((em) => this.audit.record(em, entry));
    } catch (error) {
      // The denial itself stands; losing its audit line must not turn a 403 into a 500.
      this.logger.error({ msg: 'could not audit a denial', error: (error as Error).message });
    }
  }
}
