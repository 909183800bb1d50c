import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What is known about the unit of work in progress (an HTTP request or a job).
 * Entered explicitly at each boundary; tenantId is filled in once authentication succeeds.
 */
export interface RequestContextStore {
  requestId: string;
  tenantId?: string;
  userId?: string;
  username?: string;
  jobId?: string;
  clientIp?: string;
  /**
   * The Idempotency-Key this request claimed: every tenant transaction of the request that writes
   * marks it committed before it commits (see TenantDb.tx), so a write and its mark land together.
   */
  idempotencyClaim?: { userId: string; key: string; token: string };
}

const storage = new AsyncLocalStorage<RequestContextStore>();

export class MissingContextError extends Error {
  constructor(what: string) {
    super(`${what} read outside of a request or job context`);
    this.name = 'MissingContextError';
  }
}

export const RequestContext = {
  run<T>(store: RequestContextStore, fn: () => T): T {
    return storage.run(store, fn);
  },
  current(): RequestContextStore | undefined {
    return storage.getStore();
  },
  /** Fail-closed: throws when there is no context, so a query can never silently run unscoped. */
  require(): RequestContextStore {
    const store = storage.getStore();
    if (!store) throw new MissingContextError('Request context');
    return store;
  },
};
