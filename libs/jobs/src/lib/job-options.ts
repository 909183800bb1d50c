import type { DefaultJobOptions } from 'bullmq';

/**
 * Completed jobs are kept a day (bounded in number); failed ones two weeks, as evidence.
 * Retries back off exponentially: 5 s, 10 s, 20 s, ...
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * BullMQ job ids must not contain ':' nor be all digits. Builds a deterministic id from
 * business keys so the same work enqueued twice collapses into one job.
 */
export function deterministicJobId(...parts: Array<string | number>): string {
  if (parts.length === 0) throw new Error('deterministicJobId needs at least one part');
  const id = parts.map((part) => String(part).replace(/[^A-Za-z0-9_.-]/g, '_')).join('.');
  return /^\d+$/.test(id) ? `j${id}` : id;
}
