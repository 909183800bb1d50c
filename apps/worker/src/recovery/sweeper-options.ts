import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { DOCUMENT_STUCK_AFTER_MS, EXPORT_STUCK_AFTER_MS, IMPORT_STUCK_AFTER_MS } from '@evalflow/persistence';

/** What the sweeper of stuck work looks at, and how often. */
export interface SweeperOptions {
  /** how often it runs (a BullMQ job scheduler: one run per interval, whatever the number of workers); 0: never */
  everyMs: number;
  /** a document queued or rendering with no news for this long is looked at (its job gone or failed: re-driven) */
  documentStuckAfterMs: number;
  /** an export queued or running with no news for this long is looked at, as a document is */
  exportStuckAfterMs: number;
  /** an import queued or parsing with no news for this long is looked at, as an export is */
  importStuckAfterMs: number;
  /** a parsed import left neither applied nor discarded this long expires, and its file is deleted (configured) */
  importExpireAfterMs: number;
  /** times one document, or one outbox row, is re-driven before it is given up (the document failed with a message) */
  maxRedrives: number;
  /** outbox rows not relayed this long after they were written are sent one by one, each failure on its own row */
  outboxPendingAfterMs: number;
  /** a relayed outbox row's job is checked from this long after it was relayed… */
  outboxGraceMs: number;
  /** …until this long after (completed jobs are kept a day, at most 10,000: later, a missing job proves nothing) */
  outboxWindowMs: number;
  /** rows looked at in one run: documents, exports, imports and import files per county, outbox rows in all */
  batchSize: number;
}

/**
 * The named defaults. The document bound is the API's too (a stuck document asked for again is queued anew):
 * far beyond a render's 120 s limit times its 5 attempts and their back-off.
 */
export const SWEEPER_DEFAULTS: SweeperOptions = {
  everyMs: 60_000,
  documentStuckAfterMs: DOCUMENT_STUCK_AFTER_MS,
  exportStuckAfterMs: EXPORT_STUCK_AFTER_MS,
  importStuckAfterMs: IMPORT_STUCK_AFTER_MS,
  // IMPORT_EXPIRE_AFTER_HOURS's default; the worker takes the configured value
  importExpireAfterMs: 7 * 24 * 3600_000,
  maxRedrives: 3,
  outboxPendingAfterMs: 5 * 60_000,
  outboxGraceMs: 60_000,
  outboxWindowMs: 6 * 3600_000,
  batchSize: 100,
};

/** Injection token of the sweeper's options (tests give their own bounds). */
export const SWEEPER_OPTIONS = Symbol('SWEEPER_OPTIONS');

/** The defaults, run as often as SWEEP_EVERY_MS says; imports expire after IMPORT_EXPIRE_AFTER_HOURS. */
export const sweeperOptionsProvider = {
  provide: SWEEPER_OPTIONS,
  inject: [ConfigService],
  useFactory: (config: ConfigService<AppConfig, true>): SweeperOptions => ({
    ...SWEEPER_DEFAULTS,
    everyMs: config.get('sweepEveryMs', { infer: true }),
    importExpireAfterMs: config.get('imports', { infer: true }).expireAfterMs,
  }),
};
