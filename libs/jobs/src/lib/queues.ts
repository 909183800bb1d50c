/**
 * Queue and job names: stable once deployed (jobs already in Redis carry them), so never renamed.
 * Each job name belongs to exactly one queue.
 */
export const QUEUES = {
  /** Rendering of official DOCX/PDF documents. */
  documents: 'documents',
  /** Small operational jobs (diagnostics). */
  system: 'system',
  /** In-app notifications (and, later, e-mail) about report events. */
  notifications: 'notifications',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  ping: { name: 'ping', queue: QUEUES.system },
  reportTransitioned: { name: 'report.transitioned', queue: QUEUES.notifications },
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

/** Sent through the outbox after a report changed state. */
export interface ReportTransitionedJobData {
  tenantId: string;
  reportId: string;
  transitionId: string;
  action: string;
  from: string;
  to: string;
  reason: string | null;
  actorUserId: string | null;
  requestId?: string;
}
