import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RequestContext } from '@evalflow/observability';
import type { PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { markClaimCommitted } from './idempotency-claim';
import { sendBatch } from './statement-batch';
import type { Statement } from './statement';
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

  /**
   * Reads in one round trip: the county's setting and every statement sent as one simple query, which PostgreSQL
   * runs as one implicit transaction (one snapshot; the setting is transaction-local and dies with it). Statements
   * with a prepared name are prepared once per connection and executed with a generic plan. For reads only:
   * nothing here commits a write, an idempotency claim or an auth change.
   */
  async snapshot<const S extends readonly Statement<unknown>[]>(
    statements: S,
    tenantId = TenantDb.requireTenantId(),
  ): Promise<{ -readonly [K in keyof S]: S[K] extends Statement<infer R> ? R : never }> {
    if (!UUID.test(tenantId)) throw new MissingTenantError();
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      return await sendBatch(client, [`SELECT set_config('app.tenant_id', '${tenantId}', true)`], statements);
    } finally {
      await runner.release();
    }
  }
}
