/** Requests a minute allowed per user (signed in) or per client address (not signed in). */
export interface RateLimits {
  /** sign-in, token refresh, password changes: per address */
  auth: number;
  /** renders, imports, exports, previews: the costly ones */
  costly: number;
  /** the public disclosure page (no sign-in), per client address */
  public: number;
  /** other POST/PUT/PATCH/DELETE (autosave is one every 1.5 s at most) */
  writes: number;
  /** GET */
  reads: number;
  /** every request made with one API key (a service account), whatever the route */
  apiKey: number;
}

/** tls: TLS from the first byte (port 465); starttls: upgraded after connecting, refused if the server cannot; none: plain */
export type SmtpSecurity = 'tls' | 'starttls' | 'none';

/** An SMTP server (MAIL_TRANSPORT=smtp): SMTP_URL or SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASSWORD. */
export interface SmtpConfig {
  host: string;
  port: number;
  security: SmtpSecurity;
  auth: { user: string; password: string } | null;
  /** a PEM file of the CA that signed the server's certificate (a county's own CA); null: the system's CAs */
  caFile: string | null;
  /** to connect and to be greeted; then each read or write on the connection */
  connectionTimeoutMs: number;
  socketTimeoutMs: number;
  /** keep up to maxConnections connections open and reuse them */
  pool: boolean;
  maxConnections: number;
}

/**
 * Notification e-mail, sent by the worker through nodemailer: an SMTP server, an .eml file per message in
 * dir (development, or a relay that picks files up), or a log line. `defaulted`: MAIL_TRANSPORT was not
 * set and the default for NODE_ENV applies (in production a log line, which the worker warns about).
 */
export interface MailConfig {
  transport: 'log' | 'file' | 'smtp';
  defaulted: boolean;
  dir: string;
  /** From, e.g. 赵县财政局预算绩效自评 <noreply@zhaoxian.gov.cn>; its domain names the Message-IDs */
  from: string;
  smtp: SmtpConfig | null;
}

/** The validated, typed configuration shared by api, worker and cli. */
export interface AppConfig {
  env: 'development' | 'test' | 'production';
  http: {
    host: string;
    port: number;
    webDistDir: string;
    /** proxies whose X-Forwarded-For is believed (addresses, CIDR ranges, loopback…); empty: none */
    trustProxy: string[];
    /** a request must arrive whole within this long (slow-client defence); answers 408 otherwise */
    requestTimeoutMs: number;
    /** requests a minute per user (or per address before sign-in), by route family; state in Redis */
    rateLimits: RateLimits;
  };
  worker: {
    healthPort: number;
    concurrency: number;
    /** how often the outbox relay looks for pending jobs */ outboxPollMs: number;
    /** how often deadlines are checked for reminders (a reminder is sent once, whatever the rate) */
    deadlineReminderEveryMs: number;
    /** how long a job's lock lasts; a worker that dies is noticed (its job "stalled") after about this long */
    lockMs: number;
  };
  /** one document render's bounds (in a worker thread): past one, the document fails with a message */
  render: { maxPages: number; maxBytes: number; timeoutMs: number; maxHeapMb: number };
  /** how often the worker looks for stuck documents and outbox rows (0: never) */
  sweepEveryMs: number;
  /** imports of existing reports: a parsed one left neither applied nor discarded expires after this long */
  imports: { expireAfterMs: number };
  /** 佐证材料: ceilings for the counties' own limits (MB), and the scan command (none: files are not scanned) */
  evidence: { maxFileMb: number; maxReportMb: number; scanCommand: string | null; scanTimeoutMs: number };
  mail: MailConfig;
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
    /** how long a session check may be answered from memory; 0 = always from the database */
    sessionCacheMs: number;
    refreshTtlSeconds: number;
    /** Failed logins of one account before it is locked for a while (the lock grows with each further failure). */
    maxFailuresPerAccount: number;
    /** Failed logins from one client address (county offices often share one) before it is locked. */
    maxFailuresPerAddress: number;
  };
  /** webhooks: the key (any 32+ characters) the endpoints' signing secrets are encrypted under */
  webhooks: {
    secretKey: string;
    /** BullMQ attempts per delivery and the first backoff (exponential) */
    attempts: number;
    backoffMs: number;
    /** per request */
    timeoutMs: number;
    /** http:// and loopback/private targets (development and test only) */
    allowInsecureTargets: boolean;
  };
  /** stored files (documents, exports, imports, evidence): a local directory, or an S3-compatible bucket */
  storage: {
    driver: 'local' | 's3';
    dir: string;
    s3: {
      /** null: AWS's own endpoint for the region */
      endpoint: string | null;
      bucket: string;
      region: string;
      /** true: <endpoint>/<bucket>/<key> (MinIO); false: virtual-hosted <bucket>.<host>/<key> (AWS, Alibaba OSS) */
      forcePathStyle: boolean;
      /** null: the SDK's default credential chain */
      credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
      prefix: string;
      /** one attempt fails after this long without a byte sent or received */
      requestTimeoutMs: number;
      /** attempts per request, the first included */
      maxAttempts: number;
      /** multipart part size for bodies larger than one part */
      partSizeBytes: number;
      checksums: 'when_supported' | 'when_required';
    } | null;
  };
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  shutdownTimeoutMs: number;
}
