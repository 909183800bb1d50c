import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { JOBS, QUEUES, type ReportTransitionedJobData } from '@evalflow/jobs';
import { createLogger, PinoNestLogger } from '@evalflow/observability';
import { appendOutbox, dataSourceOptions, setupDatabase, TenantDb } from '@evalflow/persistence';
import { seedDemo } from '@evalflow/seed';
import { TestDatabase } from '@evalflow/testing';
import type { Queue } from 'bullmq';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox-relay.service';
import { WorkerModule } from '../worker.module';

const TLS_DIR = join(__dirname, 'fixtures', 'smtp-tls');
const SMTP_USER = 'noreply@zhaoxian.gov.cn';
const SMTP_PASSWORD = 'smtp-test-password';

interface Received {
  envelopeTo: string[];
  session: { secure: boolean; user: unknown };
  raw: string;
  mail: ParsedMail;
}

/** An SMTP server in this process: STARTTLS with a test CA, a login, and refusals the test asks for. */
class TestMailServer {
  readonly received: Received[] = [];
  /** answer 451 (try later) to this many messages */
  deferNext = 0;
  /** answer 550 (no such mailbox) to RCPT TO for these addresses */
  readonly unknownMailboxes = new Set<string>();
  private readonly server = new SMTPServer({
    key: readFileSync(join(TLS_DIR, 'server.key')),
    cert: readFileSync(join(TLS_DIR, 'server.pem')),
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.username === SMTP_USER && auth.password === SMTP_PASSWORD
        ? callback(null, { user: auth.username })
        : callback(new Error('535 authentication failed')),
    onRcptTo: (address, _session, callback) => {
      if (!this.unknownMailboxes.has(address.address)) return callback();
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.deferNext > 0) {
          this.deferNext--;
          return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((mail) => {
          this.received.push({
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            session: { secure: (session as SMTPServerSession & { secure: boolean }).secure, user: session.user },
            raw: raw.toString('utf8'),
            mail,
          });
          callback();
        }, callback);
      });
    },
  });

  listen(): Promise<number> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => resolve((this.server.server.address() as AddressInfo).port)),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string): Received[] {
    return this.received.filter((r) => r.envelopeTo.includes(address));
  }
}

/** The header block of a raw message, where only ASCII may stand (RFC 5322). */
const headersOf = (raw: string) => raw.slice(0, raw.indexOf('\r\n\r\n'));
const fromOf = (mail: ParsedMail) => (mail.from as AddressObject).value[0];
const toOf = (mail: ParsedMail) => (mail.to as AddressObject).value[0];

/**
 * Returns and approvals reach the department as real e-mail over SMTP (STARTTLS, login), with a
 * Message-ID, an encoded Chinese subject and From name; opted-out kinds are not mailed; a deferred
 * message is retried by BullMQ and a refused mailbox is not asked again.
 */
describe('notification e-mail over SMTP (real SMTP server, PostgreSQL and Redis)', () => {
  let db: TestDatabase;
  let smtp: TestMailServer;
  let worker: INestApplicationContext;
  let app: DataSource;
  let ids: { tenant: string; report: string; reviewer: string; editor: string; head: string };
  let transitionSeq = 0;

  const owner = (sql: string, params: unknown[] = []) => db.owner(async (c) => (await c.query(sql, params)).rows);
  const notificationsOf = (sourceKey: string) =>
    owner(
      `SELECT n.id, u.username, n.title, n.emailed_at, n.email_error FROM notifications n
         JOIN users u ON u.id = n.user_id WHERE n.source_key = $1 ORDER BY u.username`,
      [sourceKey],
    );
  async function until<T>(probe: () => Promise<T> | T, ok: (v: T) => boolean, ms = 15000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (ok(value) || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const transition = (action: string, to: string, reason: string | null): ReportTransitionedJobData => ({
    tenantId: ids.tenant,
    reportId: ids.report,
    // report_transitions ids are bigint; these name no row (the job carries what the notification needs)
    transitionId: String(9_000_000 + ++transitionSeq),
    action,
    from: 'in_review',
    to,
    reason,
    actorUserId: ids.reviewer,
  });
  /** Sends a transition the way the API does: through the outbox, relayed to BullMQ, run by the worker. */
  async function throughOutbox(job: ReportTransitionedJobData): Promise<void> {
    await new TenantDb(app).tx(
      (em) =>
        appendOutbox(em, {
          tenantId: ids.tenant,
          queue: JOBS.reportTransitioned.queue,
          jobName: JOBS.reportTransitioned.name,
          jobId: `report-transition-${job.transitionId}`,
          payload: job,
        }),
      ids.tenant,
    );
    expect(await worker.get(OutboxRelay).tick()).toEqual({ relayed: 1, failed: 0 });
  }

  beforeAll(async () => {
    db = await TestDatabase.create(setupDatabase);
    smtp = new TestMailServer();
    const port = await smtp.listen();
    const seeder = new DataSource(dataSourceOptions({ url: db.ownerUrl, poolSize: 1, applicationName: 'smtp-test' }));
    await seeder.initialize();
    await seedDemo(seeder, new Argon2PasswordHasher());
    await seeder.destroy();
    const [row] = await owner(
      `SELECT r.tenant_id, r.id,
              (SELECT id FROM users WHERE username = 'zhaoxian.finance.reviewer') AS reviewer,
              (SELECT id FROM users WHERE username = 'zhaoxian.union.editor') AS editor,
              (SELECT id FROM users WHERE username = 'zhaoxian.union.head') AS head
         FROM reports r JOIN departments d ON d.id = r.department_id
        WHERE r.fiscal_year = 2024 AND d.name = '赵县总工会' AND r.kind = 'department_overall'`,
    );
    ids = { tenant: row.tenant_id, report: row.id, reviewer: row.reviewer, editor: row.editor, head: row.head };
    // both have an address; the head does not want returns by e-mail (approvals yes)
    await owner(`UPDATE users SET email = 'union.editor@zhaoxian.gov.cn' WHERE id = $1`, [ids.editor]);
    await owner(`UPDATE users SET email = 'union.head@zhaoxian.gov.cn', mail_opt_out = '{returned}' WHERE id = $1`, [
      ids.head,
    ]);
    app = new DataSource(dataSourceOptions({ url: db.appUrl, poolSize: 2, applicationName: 'smtp-test' }));
    await app.initialize();
    worker = await NestFactory.createApplicationContext(
      WorkerModule.forRoot(
        db.config({
          OUTBOX_POLL_MS: '60000',
          MAIL_TRANSPORT: 'smtp',
          SMTP_HOST: '127.0.0.1',
          SMTP_PORT: String(port),
          SMTP_SECURE: 'starttls',
          SMTP_USER,
          SMTP_PASSWORD,
          SMTP_CA_FILE: join(TLS_DIR, 'ca.pem'),
          MAIL_FROM: '赵县财政局预算绩效自评 <noreply@zhaoxian.gov.cn>',
        }),
      ),
      { logger: new PinoNestLogger(createLogger({ level: 'silent', service: 'worker-test' })) },
    );
    await worker.init();
  });

  afterAll(async () => {
    await worker?.close();
    await smtp?.close();
    await app?.destroy();
    await db?.destroy();
  });

  it('mails a return to the department with Message-ID, Date and an encoded Chinese subject; not to who opted out', async () => {
    const job = transition('return', 'returned', '绩效目标与预算批复不一致，请修改后重新提交');
    await throughOutbox(job);
    const mails = await until(
      () => smtp.to('union.editor@zhaoxian.gov.cn'),
      (m) => m.length >= 1,
    );
    const notes = await notificationsOf(`report-transition-${job.transitionId}`);
    // both are told in the inbox; only the editor by e-mail
    expect(notes.map((n: { username: string }) => n.username)).toEqual([
      'zhaoxian.union.editor',
      'zhaoxian.union.head',
    ]);
    const [editorNote, headNote] = notes;
    expect(editorNote.emailed_at).not.toBeNull();
    expect(headNote.emailed_at).toBeNull();
    expect(smtp.to('union.head@zhaoxian.gov.cn')).toEqual([]);

    expect(mails).toHaveLength(1);
    const { mail, raw, envelopeTo, session } = mails[0];
    expect(envelopeTo).toEqual(['union.editor@zhaoxian.gov.cn']);
    // STARTTLS against the county's CA, then the login
    expect(session).toEqual({ secure: true, user: SMTP_USER });
    expect(mail.messageId).toBe(`<notification.${editorNote.id}@zhaoxian.gov.cn>`);
    expect(mail.subject).toBe('赵县总工会2024年度自评报告：退回修改（已退回）');
    expect(mail.subject).toBe(editorNote.title);
    expect(mail.date).toBeInstanceOf(Date);
    expect(fromOf(mail)).toEqual({ name: '赵县财政局预算绩效自评', address: 'noreply@zhaoxian.gov.cn' });
    expect(toOf(mail).address).toBe('union.editor@zhaoxian.gov.cn');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.text).toContain('原因：绩效目标与预算批复不一致，请修改后重新提交');
    expect(mail.html).toContain('<p style="font-size:16px;font-weight:bold">赵县总工会2024年度自评报告');
    // Chinese travels encoded (RFC 2047) in the headers, never as raw bytes
    const headers = headersOf(raw);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(headers).not.toMatch(/[^\t\r\n\x20-\x7e]/);
  });

  it('mails an approval to both, the head included (it turned off returns only)', async () => {
    const job = transition('approve', 'approved', null);
    await throughOutbox(job);
    const sourceKey = `report-transition-${job.transitionId}`;
    const notes = await until(
      () => notificationsOf(sourceKey),
      (rows) => rows.length === 2 && rows.every((n: { emailed_at: Date | null }) => n.emailed_at),
    );
    expect(notes.every((n: { emailed_at: Date | null }) => n.emailed_at)).toBe(true);
    const approvals = smtp.received.filter((r) => r.mail.subject?.includes('审核通过'));
    expect(approvals.map((r) => r.envelopeTo[0]).sort()).toEqual([
      'union.editor@zhaoxian.gov.cn',
      'union.head@zhaoxian.gov.cn',
    ]);
    expect(approvals.map((r) => r.mail.messageId).sort()).toEqual(
      notes.map((n: { id: string }) => `<notification.${n.id}@zhaoxian.gov.cn>`).sort(),
    );
    expect(approvals[0].mail.subject).toBe('赵县总工会2024年度自评报告：审核通过（已通过）');
  });

  it('a deferred message fails the attempt and BullMQ sends it on the next', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    const job = transition('reopen', 'returned', '复核发现问题，重新打开');
    const sourceKey = `report-transition-${job.transitionId}`;
    const before = smtp.received.length;
    smtp.deferNext = 1;
    const added = await queue.add(JOBS.reportTransitioned.name, job, {
      jobId: sourceKey,
      attempts: 3,
      backoff: { type: 'fixed', delay: 10 },
    });
    const state = await until(
      () => queue.getJobState(added.id as string),
      (s) => s === 'completed' || s === 'failed',
    );
    expect(state).toBe('completed');
    const done = await queue.getJob(added.id as string);
    // the first attempt met the 451, the second sent it
    expect(done?.attemptsMade).toBe(2);
    expect(smtp.deferNext).toBe(0);
    expect(smtp.received.length - before).toBe(1);
    const [editorNote, headNote] = await notificationsOf(sourceKey);
    expect(editorNote.emailed_at).not.toBeNull();
    // a reopening is a return to the head, who turned returns off
    expect(headNote.emailed_at).toBeNull();
  });

  it('when every attempt is deferred the job fails but the inbox keeps the notification; a retry sends it', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    const job = transition('return', 'returned', '请补充佐证材料');
    const sourceKey = `report-transition-${job.transitionId}`;
    const before = smtp.to('union.editor@zhaoxian.gov.cn').length;
    smtp.deferNext = 2;
    const added = await queue.add(JOBS.reportTransitioned.name, job, {
      jobId: sourceKey,
      attempts: 2,
      backoff: { type: 'fixed', delay: 10 },
    });
    const jobId = added.id as string;
    expect(
      await until(
        () => queue.getJobState(jobId),
        (s) => s === 'failed',
      ),
    ).toBe('failed');
    expect((await queue.getJob(jobId))?.failedReason).toMatch(/451 try again later/);
    const notes = await notificationsOf(sourceKey);
    expect(notes.map((n: { username: string; emailed_at: Date | null }) => [n.username, n.emailed_at])).toEqual([
      ['zhaoxian.union.editor', null],
      ['zhaoxian.union.head', null],
    ]);
    expect(smtp.to('union.editor@zhaoxian.gov.cn')).toHaveLength(before);

    // the failed job is kept (for days); retried by hand once the server is back, it sends what is missing
    await (await queue.getJob(jobId))?.retry('failed');
    expect(
      await until(
        () => queue.getJobState(jobId),
        (s) => s === 'completed',
      ),
    ).toBe('completed');
    const mails = smtp.to('union.editor@zhaoxian.gov.cn');
    expect(mails).toHaveLength(before + 1);
    expect(mails[mails.length - 1].mail.messageId).toBe(`<notification.${notes[0].id}@zhaoxian.gov.cn>`);
    expect(await notificationsOf(sourceKey)).toHaveLength(2);
  });

  it('keeps the notification and stops asking when the server says the mailbox does not exist', async () => {
    const queue = worker.get<Queue>(getQueueToken(QUEUES.notifications));
    smtp.unknownMailboxes.add('union.head@zhaoxian.gov.cn');
    const job = transition('approve', 'approved', null);
    const sourceKey = `report-transition-${job.transitionId}`;
    const added = await queue.add(JOBS.reportTransitioned.name, job, {
      jobId: sourceKey,
      attempts: 3,
      backoff: { type: 'fixed', delay: 10 },
    });
    const state = await until(
      () => queue.getJobState(added.id as string),
      (s) => s === 'completed' || s === 'failed',
    );
    expect(state).toBe('completed');
    expect((await queue.getJob(added.id as string))?.attemptsMade).toBe(1);
    const [editorNote, headNote] = await notificationsOf(sourceKey);
    expect(editorNote.emailed_at).not.toBeNull();
    expect(headNote.emailed_at).toBeNull();
    expect(headNote.email_error).toMatch(/550/);
  });
});
