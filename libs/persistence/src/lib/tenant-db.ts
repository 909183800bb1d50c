import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@evalflow/observability';
import type { DataSource } from 'typeorm';
import { markClaimCommitted } from './idempotency-claim';
import { markTenant, type TenantTx } from './tenant-tx';
import { runTransaction } from './transaction';

export class MissingTenantError extends Error {
  constructor() {
    super('No tenant in the current context: tenant-scoped data was read before authentication or outside a job');
    this.name = 'MissingTenantError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The only way request and job code reaches tenant data: one transaction whose first statement
 * sets app.tenant_id transaction-locally, so the setting can never outlive it on a pooled connection.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The tenant of the current request or job; throws when there is none (fail-closed). */
  static requireTenantId(): string {
    const tenantId = RequestContext.current()?.tenantId;
    if (!tenantId) throw new MissingTenantError();
    return tenantId;
  }

  /**
   * Runs `work` in one transaction of the county. The transaction is opened and the county set in one round trip
   * (two statements sent as one simple query; the id is a checked UUID, so it is written into the text safely):
   * every request and job opens one, and a round trip was a tenth of a report read.
   */
  async tx<T>(work: (tx: TenantTx) => Promise<T>, tenantId = TenantDb.requireTenantId()): Promise<T> {
    if (!UUID.test(tenantId)) throw new MissingTenantError();
    return runTransaction(
      this.dataSource,
      `START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`,
      async (em) => {
        const result = await work(markTenant(em, tenantId));
        const claim = RequestContext.current()?.idempotencyClaim;
        if (claim) await markClaimCommitted(em, claim);
        return result;
      },
    );
  }
}
