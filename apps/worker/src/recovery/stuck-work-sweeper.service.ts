import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DOCUMENT_FAILURE_MESSAGES, ERROR_CATALOGUE, EXPORT_FAILURE_MESSAGES } from '@evalflow/domain';
import { PRODUCER_TIMEOUT_MS, QUEUES, RedisTimeoutError, withTimeout } from '@evalflow/jobs';
import {
  abandonDocument,
  abandonExport,
  abandonReportImport,
  countOutboxRedrive,
  exportJobId,
  importJobId,
  lockStuckDocuments,
  lockStuckExports,
  lockStuckImports,
  lockUnsettledOutbox,
  pendingOutboxJobIds,
  PlatformDb,
  redriveDocument,
  redriveExport,
  redriveReportImport,
  renderJobId,
  requeueOutboxRow,
  settleOutboxRow,
  TenantDb,
  type TenantTx,
  type UnfinishedExport,
  type UnfinishedImport,
  type UnsettledOutboxRow,
} from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import type { Job, JobState, Queue } from 'bullmq';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { EvidenceFileUpkeep, type EvidenceFileCounts } from './evidence-file-upkeep';
import { ImportFileUpkeep, type ImportFileCounts } from './import-file-upkeep';
import { SWEEPER_OPTIONS, type SweeperOptions } from './sweeper-options';

/** A job in one of these states will still run (or is running): its work is not lost. */
const LIVE_STATES: ReadonlySet<string> = new Set<JobState>([
  'active',
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
]);

export type StuckAction = 'leave' | 'redrive' | 'give-up';

/**
 * What becomes of stuck work, by the state of its job: a job that will still run (or runs) is left
 * alone; one gone from Redis, failed, or completed without its work done is re-driven, until it has been
 * re-driven `maxRedrives` times — then it is given up.
 */
export function stuckAction(state: JobState | 'unknown', redrives: number, maxRedrives: number): StuckAction {
  if (LIVE_STATES.has(state)) return 'leave';
  return redrives < maxRedrives ? 'redrive' : 'give-up';
}

type StuckCounts = { redriven: number; abandoned: number; left: number };

export interface SweepResult {
  documents: StuckCounts;
  /** county-wide exports, judged as documents are */
  exports: StuckCounts;
  /** imports of existing reports (their parse jobs), judged as exports are */
  imports: StuckCounts;
  /** parsed imports left unconfirmed too long, and the files of closed imports */
  importFiles: ImportFileCounts;
  /** bytes of removed 佐证材料 the API could not delete at the time */
  evidenceFiles: EvidenceFileCounts;
  outbox: { resent: number; retried: number; settled: number; abandoned: number; stale: number };
}

/** Work a row tracks and a job on the exports queue does (an export, an import's parse): how to judge it. */
interface StuckRows<T extends { id: string; status: string; redrives: number }> {
  /** names it in the log */
  name: 'export' | 'import';
  /** no news for this long: its job is looked at */
  idleFor(options: SweeperOptions): number;
  lock(tx: TenantTx, options: { idleForMs: number; limit: number }): Promise<T[]>;
  jobId(item: T): string;
  /** queues it anew (a new generation's job id, through the outbox); null when no longer unfinished */
  redrive(tx: TenantTx, item: T): Promise<string | null>;
  /** fails it with the message its users read */
  abandon(tx: TenantTx, item: T): Promise<void>;
}

/** Exports queued or running with no news for `exportStuckAfterMs`. */
const STUCK_EXPORTS: StuckRows<UnfinishedExport> = {
  name: 'export',
  idleFor: (options) => options.exportStuckAfterMs,
  lock: lockStuckExports,
  jobId: exportJobId,
  redrive: (tx, item) => redriveExport(tx, item),
  abandon: (tx, item) =>
    abandonExport(tx, item, { message: EXPORT_FAILURE_MESSAGES.EXPORT_ABANDONED(), code: 'EXPORT_ABANDONED' }),
};

/** Imports queued or parsing with no news for `importStuckAfterMs` (their job lost: parsed anew, from the file). */
const STUCK_IMPORTS: StuckRows<UnfinishedImport> = {
  name: 'import',
  idleFor: (options) => options.importStuckAfterMs,
  lock: lockStuckImports,
  jobId: importJobId,
  redrive: (tx, item) => redriveReportImport(tx, item),
  abandon: (tx, item) =>
    abandonReportImport(tx, item, { message: ERROR_CATALOGUE.IMPORT_ABANDONED.message, code: 'IMPORT_ABANDONED' }),
};

/**
 * Finds work a lost or failed job left stuck and drives it again (run by a job scheduler, so one run at a
 * time across the workers; rows are locked SKIP LOCKED besides, so two runs never re-drive one row twice):
 *
 * - documents queued or rendering with no news for DOCUMENT_STUCK_AFTER_MS, whose render job is gone from
 *   Redis (a lost Redis, a removed job), failed (stalled twice; out of attempts while PostgreSQL was away)
 *   or completed without the document: queued anew under the next generation's job id, through the outbox,
 *   or failed with a message once re-driven `maxRedrives` times. A job still waiting or active is left alone.
 * - relayed outbox rows whose job is gone (sent again under the same id) or failed (retried in place,
 *   keeping its history), counted on the row and given up after `maxRedrives`; rows whose job completed are
 *   settled. Document rows are settled at once: their documents are the first pass's.
 * - outbox rows not relayed for `outboxPendingAfterMs`: sent one by one, each failure on its own row.
 * - exports and imports queued or running (parsing) with no news, judged by their job as documents are.
 * - parsed imports left unconfirmed past `importExpireAfterMs` expire; closed imports' files are deleted
 *   (ImportFileUpkeep: a deletion that fails is tried again by the next run).
 */
@Injectable()
export class StuckWorkSweeper {
  private readonly logger = new Logger(StuckWorkSweeper.name);
  private readonly queues: Record<string, Queue>;

  constructor(
    private readonly platform: PlatformDb,
    private readonly db: TenantDb,
    private readonly relay: OutboxRelay,
    private readonly importFiles: ImportFileUpkeep,
    private readonly evidenceFiles: EvidenceFileUpkeep,
    @InjectQueue(QUEUES.documents) private readonly documentsQueue: Queue,
    @InjectQueue(QUEUES.notifications) notifications: Queue,
    @InjectQueue(QUEUES.exports) private readonly exportsQueue: Queue,
    @Inject(SWEEPER_OPTIONS) private readonly options: SweeperOptions,
  ) {
    // the queues outbox rows may name (as the relay's)
    this.queues = {
      [QUEUES.notifications]: notifications,
      [QUEUES.documents]: documentsQueue,
      [QUEUES.exports]: exportsQueue,
    };
  }

  /**
   * One run: documents, exports and imports, then the outbox; what was queued anew is relayed before it
   * returns. Then the imports' files: what expired or was given up in this run is deleted in it too.
   */
  async sweepOnce(): Promise<SweepResult> {
    const documents = await this.sweepDocuments();
    const exports = await this.sweepStuckRows(STUCK_EXPORTS);
    const imports = await this.sweepStuckRows(STUCK_IMPORTS);
    const relayed = await this.sweepRelayedOutbox();
    const stale = await this.relay.relayStale(this.options.outboxPendingAfterMs, this.options.batchSize);
    if (documents.redriven || exports.redriven || imports.redriven || relayed.resent) await this.relay.flush();
    const tenants = await this.activeTenants();
    const importFiles = await this.importFiles.run(tenants);
    const evidenceFiles = await this.evidenceFiles.run(tenants);
    const result: SweepResult = {
      documents,
      exports,
      imports,
      importFiles,
      evidenceFiles,
      outbox: { ...relayed, stale: stale.relayed },
    };
    const changed = [documents, exports, imports].reduce((n, c) => n + c.redriven + c.abandoned, 0);
    if (changed || relayed.resent || relayed.retried || relayed.abandoned) {
      this.logger.log({ msg: 'stuck work re-driven', ...result });
    }
    return result;
  }

  private activeTenants(): Promise<string[]> {
    return this.platform.tx(async (em) => {
      const rows: Array<{ id: string }> = await em.query(`SELECT id FROM tenants WHERE status = 'active' ORDER BY id`);
      return rows.map((r) => r.id);
    });
  }

  private async sweepDocuments(): Promise<SweepResult['documents']> {
    const totals = { redriven: 0, abandoned: 0, left: 0 };
    // a job still in the outbox is on its way, not lost
    const pending = await this.platform.tx((em) => pendingOutboxJobIds(em, QUEUES.documents));
    for (const tenantId of await this.activeTenants()) {
      const county = await this.db.tx((tx) => this.sweepCountyDocuments(tx, pending), tenantId);
      totals.redriven += county.redriven;
      totals.abandoned += county.abandoned;
      totals.left += county.left;
    }
    return totals;
  }

  private async sweepCountyDocuments(tx: TenantTx, pending: Set<string>): Promise<SweepResult['documents']> {
    const counts = { redriven: 0, abandoned: 0, left: 0 };
    const stuck = await lockStuckDocuments(tx, {
      idleForMs: this.options.documentStuckAfterMs,
      limit: this.options.batchSize,
    });
    for (const doc of stuck) {
      const jobId = renderJobId(doc);
      const state = pending.has(jobId)
        ? 'waiting'
        : await withTimeout(this.documentsQueue.getJobState(jobId), PRODUCER_TIMEOUT_MS);
      const action = stuckAction(state, doc.redrives, this.options.maxRedrives);
      if (action === 'leave') {
        counts.left++;
      } else if (action === 'redrive') {
        const next = await redriveDocument(tx, doc);
        this.logger.warn({ msg: 'document re-driven', documentId: doc.id, status: doc.status, jobId, state, next });
        if (next) counts.redriven++;
      } else {
        await abandonDocument(tx, doc, {
          message: DOCUMENT_FAILURE_MESSAGES.DOCUMENT_RENDER_ABANDONED(),
          code: 'DOCUMENT_RENDER_ABANDONED',
        });
        this.logger.warn({ msg: 'document given up', documentId: doc.id, jobId, state, redrives: doc.redrives });
        counts.abandoned++;
      }
    }
    return counts;
  }

  /**
   * Rows queued or running with no news for `kind.idleFor(options)`, county by county, judged by their job on the
   * exports queue as documents are by theirs.
   */
  private async sweepStuckRows<T extends { id: string; status: string; redrives: number }>(
    kind: StuckRows<T>,
  ): Promise<StuckCounts> {
    const totals = { redriven: 0, abandoned: 0, left: 0 };
    const pending = await this.platform.tx((em) => pendingOutboxJobIds(em, QUEUES.exports));
    for (const tenantId of await this.activeTenants()) {
      await this.db.tx(async (tx) => {
        const stuck = await kind.lock(tx, { idleForMs: kind.idleFor(this.options), limit: this.options.batchSize });
        for (const item of stuck) {
          const jobId = kind.jobId(item);
          const state = pending.has(jobId)
            ? 'waiting'
            : await withTimeout(this.exportsQueue.getJobState(jobId), PRODUCER_TIMEOUT_MS);
          const action = stuckAction(state, item.redrives, this.options.maxRedrives);
          const id = { [`${kind.name}Id`]: item.id };
          if (action === 'leave') {
            totals.left++;
          } else if (action === 'redrive') {
            const next = await kind.redrive(tx, item);
            this.logger.warn({ msg: `${kind.name} re-driven`, ...id, status: item.status, jobId, state, next });
            if (next) totals.redriven++;
          } else {
            await kind.abandon(tx, item);
            this.logger.warn({ msg: `${kind.name} given up`, ...id, jobId, state, redrives: item.redrives });
            totals.abandoned++;
          }
        }
      }, tenantId);
    }
    return totals;
  }

  private sweepRelayedOutbox(): Promise<Omit<SweepResult['outbox'], 'stale'>> {
    return this.platform.tx(async (em) => {
      const counts = { resent: 0, retried: 0, settled: 0, abandoned: 0 };
      const rows = await lockUnsettledOutbox(em, {
        graceMs: this.options.outboxGraceMs,
        windowMs: this.options.outboxWindowMs,
        limit: this.options.batchSize,
      });
      for (const row of rows) {
        try {
          const outcome = await this.checkRelayedRow(em, row);
          if (outcome) counts[outcome]++;
        } catch (error) {
          // Redis away: the run stops (the next one looks again); anything else concerns this row only
          if (error instanceof RedisTimeoutError) throw error;
          this.logger.warn({ msg: 'outbox row not checked', id: row.id, error: (error as Error).message });
        }
      }
      return counts;
    });
  }

  private async checkRelayedRow(
    em: EntityManager,
    row: UnsettledOutboxRow,
  ): Promise<'resent' | 'retried' | 'settled' | 'abandoned' | null> {
    const queue = this.queues[row.queue];
    if (!queue || row.queue === QUEUES.documents || row.queue === QUEUES.exports) {
      // a document's, an export's or an import's job is judged by its row (the passes above); an unknown queue is the relay's
      await settleOutboxRow(em, row.id);
      return 'settled';
    }
    const job: Job | undefined = await withTimeout(queue.getJob(row.job_id), PRODUCER_TIMEOUT_MS);
    const state = job ? await withTimeout(job.getState(), PRODUCER_TIMEOUT_MS) : 'unknown';
    if (state === 'completed') {
      await settleOutboxRow(em, row.id);
      return 'settled';
    }
    const action = stuckAction(state, row.redrives, this.options.maxRedrives);
    if (action === 'leave') return null;
    if (action === 'give-up') {
      await settleOutboxRow(em, row.id, `given up after ${row.redrives} re-drives (job ${state})`);
      this.logger.warn({ msg: 'outbox row given up', id: row.id, jobId: row.job_id, state });
      return 'abandoned';
    }
    if (job && state === 'failed') {
      await withTimeout(job.retry('failed', { resetAttemptsMade: true }), PRODUCER_TIMEOUT_MS);
      await countOutboxRedrive(em, row.id, `job failed: ${String(job.failedReason ?? '').slice(0, 400)}`);
      this.logger.warn({ msg: 'outbox job retried', id: row.id, jobId: row.job_id });
      return 'retried';
    }
    await requeueOutboxRow(em, row.id, `job ${state === 'unknown' ? 'gone from Redis' : state}: sent again`);
    this.logger.warn({ msg: 'outbox row sent again', id: row.id, jobId: row.job_id, state });
    return 'resent';
  }
}
