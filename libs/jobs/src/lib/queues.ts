/**
 * Queue and job names: stable once deployed (jobs already in Redis carry them), so never renamed.
 * Each job name belongs to exactly one queue.
 */
export const QUEUES = {
  /** Rendering of official DOCX/PDF documents. */
  documents: 'documents',
  /** Small operational jobs (diagnostics, the sweeper of stuck work). */
  system: 'system',
  /** In-app notifications and e-mail about report events and deadlines. */
  notifications: 'notifications',
  /** County-wide exports (指标明细): long, memory-bounded jobs kept apart from renders so neither waits on the other. */
  exports: 'exports',
  /** Signed HTTP deliveries to the counties' webhook endpoints: retried with backoff, apart from the rest. */
  webhooks: 'webhooks',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  ping: { name: 'ping', queue: QUEUES.system },
  reportTransitioned: { name: 'report.transitioned', queue: QUEUES.notifications },
  commentAdded: { name: 'report.commented', queue: QUEUES.notifications },
  renderDocument: { name: 'document.render', queue: QUEUES.documents },
  /** repeated by a job scheduler: reminds departments of deadlines DUE_SOON_DAYS ahead */
  deadlineReminders: { name: 'deadlines.remind', queue: QUEUES.notifications },
  /** one 催报 the finance bureau sent to an overdue department: its inbox and e-mail */
  departmentReminder: { name: 'department.remind', queue: QUEUES.notifications },
  /** repeated by a job scheduler: re-drives documents and outbox rows whose jobs were lost or failed */
  sweepStuckWork: { name: 'recovery.sweep', queue: QUEUES.system },
  /** makes one export row's file (its kind and parameters say what) */
  runExport: { name: 'export.run', queue: QUEUES.exports },
  /** parses one uploaded report (report_imports row) into a proposed content; on the exports queue (see ParseImportJobData) */
  parseImport: { name: 'import.parse', queue: QUEUES.exports },
  /** one run of one webhook delivery (a new run, under a new id, for each replay by hand) */
  deliverWebhook: { name: 'webhook.deliver', queue: QUEUES.webhooks },
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

/** Sent through the outbox after a review comment (a new thread or a reply) was written. */
export interface CommentAddedJobData {
  tenantId: string;
  reportId: string;
  threadId: string;
  commentId: string;
  side: 'department' | 'finance';
  authorUserId: string;
  authorName: string;
  part: string;
  fieldPath: string | null;
  excerpt: string;
  requestId?: string;
}

/** The scheduler's tick; `today` (YYYY-MM-DD, China time) may be given to replay a day. */
export interface DeadlineRemindersJobData {
  today?: string;
}

/** Sent through the outbox with each 催报 (department_reminders row). */
export interface DepartmentReminderJobData {
  tenantId: string;
  reminderId: string;
  requestId?: string;
}

/** The sweeper's tick (no data: it looks at what is stuck now). */
export type SweepStuckWorkJobData = Record<string, never>;

/** Renders one document row (its edition, format and template version say what). */
export interface RenderDocumentJobData {
  tenantId: string;
  documentId: string;
  requestId?: string;
  /** The worker waits this long before rendering: lets tests stop a worker mid-job. */
  holdMs?: number;
}

/** Makes one export row's file (its kind and parameters are on the row). */
export interface RunExportJobData {
  tenantId: string;
  exportId: string;
  requestId?: string;
}

/**
 * Parses one report_imports row's file. On the exports queue: a worker process already runs it (relay,
 * sweeper and worker know it), and an import is bounded (2 MB, a few seconds), so it needs no queue of its own.
 */
export interface ParseImportJobData {
  tenantId: string;
  importId: string;
  requestId?: string;
}

/** Sent through the outbox for each webhook delivery (and each replay of one). */
export interface WebhookDeliverJobData {
  tenantId: string;
  deliveryId: string;
  requestId?: string;
}
