/** The validated, typed configuration shared by api, worker and cli. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: { host: string; port: number; webDistDir: string; trustProxy: boolean };
  worker: {
    healthPort: number;
    concurrency: number;
    /** how often the outbox relay looks for pending jobs */ outboxPollMs: number;
    /** how often deadlines are checked for reminders (a reminder is sent once, whatever the rate) */
    deadlineReminderEveryMs: number;
    /** how long a job's lock lasts; a worker that dies is noticed (its job "stalled") after about this long */
    lockMs: number;
  };
  /** e-mail: no mail server here, so a log line or an .eml file per message */
  mail: { transport: 'log' | 'file'; dir: string; from: string };
  database: {
    /** Application role: owns no table and has no BYPASSRLS, so row-level security applies. */
    url: string;
    /** Table owner: runs migrations and grants. Never used by request code. */
    migrationUrl: string;
    /** Authentication and platform administration: BYPASSRLS, but no superuser and no owner. */
    platformUrl: string;
    poolSize: number;
    statementTimeoutMs: number;
  };
  redis: { url: string };
  queue: { prefix: string };
  auth: {
    accessSecret: string;
    refreshSecret: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    /** Failed logins of one account before it is locked for a while (the lock grows with each further failure). */
    maxFailuresPerAccount: number;
    /** Failed logins from one client address (county offices often share one) before it is locked. */
    maxFailuresPerAddress: number;
  };
  /** rendered documents: a local directory, or an S3-compatible bucket */
  storage: {
    driver: 'local' | 's3';
    dir: string;
    s3: {
      endpoint: string;
      bucket: string;
      region: string;
      accessKeyId: string;
      secretAccessKey: string;
      prefix: string;
    } | null;
  };
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  shutdownTimeoutMs: number;
}
