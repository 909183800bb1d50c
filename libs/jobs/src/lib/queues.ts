/**
 * Queue and job names: stable once deployed (jobs already in Redis carry them), so never renamed.
 * Each job name belongs to exactly one queue.
 */
export const QUEUES = {
  /** Rendering of official DOCX/PDF documents. */
  documents: 'documents',
  /** Small operational jobs (diagnostics). */
  system: 'system',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  ping: { name: 'ping', queue: QUEUES.system },
} as const;

export type JobName = (typeof JOBS)[keyof typeof JOBS]['name'];

export function jobsOfQueue(queue: QueueName): string[] {
  return Object.values(JOBS)
    .filter((job) => job.queue === queue)
    .map((job) => job.name);
}

export interface PingJobData {
  requestedAt: string;
  requestId: string;
  message?: string;
  /** The worker waits this long before answering: lets tests stop a worker mid-job. */
  holdMs?: number;
}

export interface PingJobResult {
  pong: true;
  message?: string;
  requestedAt: string;
  processedAt: string;
  worker: { host: string; pid: number };
}
