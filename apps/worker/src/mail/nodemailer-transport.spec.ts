import type { MailConfig } from '@evalflow/config';
import { simpleParser, type AddressObject } from 'mailparser';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { refusedForGood } from './mail-transport';
import { domainOf, notificationMail } from './notification-mail';
import { NodemailerMailTransport, smtpOptions } from './nodemailer-transport';

const FROM = '赵县财政局预算绩效自评 <noreply@zhaoxian.gov.cn>';
const note = {
  id: '6f1c2a4e-0000-4000-8000-000000000001',
  title: '赵县总工会2024年度自评报告：退回修改（已退回）',
  body: '原因：目标值 <100% & 未说明\n未解决的审核意见 1 条：',
  email: 'union.editor@zhaoxian.gov.cn',
  display_name: '赵县总工会编制人',
};

describe('notification mail', () => {
  it('is the notification as text and escaped HTML, with a Message-ID of its own in the sender domain', () => {
    const mail = notificationMail(note, FROM);
    expect(mail.messageId).toBe('<notification.6f1c2a4e-0000-4000-8000-000000000001@zhaoxian.gov.cn>');
    expect(mail.to).toEqual({ name: '赵县总工会编制人', address: 'union.editor@zhaoxian.gov.cn' });
    expect(mail.text.split('\n')).toEqual([
      note.title,
      '',
      '原因：目标值 <100% & 未说明',
      '未解决的审核意见 1 条：',
      '',
      '请登录 EvalFlow 预算绩效自评系统查看。',
      '（本邮件由系统自动发送，请勿回复。）',
    ]);
    expect(mail.html).toContain('原因：目标值 &lt;100% &amp; 未说明<br>未解决的审核意见 1 条：');
    expect(mail.html).not.toContain('<100%');
  });

  it('finds the domain of a bare address or of a named one', () => {
    expect(domainOf('noreply@a.gov.cn')).toBe('a.gov.cn');
    expect(domainOf(FROM)).toBe('zhaoxian.gov.cn');
  });

  it('gives up on a message only when the server refused the recipient or the message for good', () => {
    expect(refusedForGood({ code: 'EENVELOPE', command: 'RCPT TO', permanent: true, responseCode: 550 })).toBe(true);
    expect(refusedForGood({ code: 'EMESSAGE', command: 'DATA', permanent: true, responseCode: 554 })).toBe(true);
    // deferred, a refused sender or login, a dead connection: retried
    expect(refusedForGood({ code: 'EENVELOPE', command: 'RCPT TO', permanent: false, responseCode: 450 })).toBe(false);
    expect(refusedForGood({ code: 'EENVELOPE', command: 'MAIL FROM', permanent: true, responseCode: 550 })).toBe(false);
    expect(refusedForGood({ code: 'EAUTH', permanent: true, responseCode: 535 })).toBe(false);
    expect(refusedForGood({ code: 'ESOCKET' })).toBe(false);
    expect(refusedForGood(new Error('boom'))).toBe(false);
  });
});

describe('NodemailerMailTransport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'evalflow-eml-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes one .eml per message that a mail program reads back: Message-ID, Date, Chinese From and subject', async () => {
    const config: MailConfig = { transport: 'file', defaulted: true, dir, from: FROM, smtp: null };
    const transport = new NodemailerMailTransport(config);
    const sent = await transport.send(notificationMail(note, FROM));
    transport.onModuleDestroy();
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const raw = await readFile(join(dir, files[0]));
    const mail = await simpleParser(raw);
    expect(mail.messageId).toBe(sent.messageId);
    expect(mail.messageId).toBe('<notification.6f1c2a4e-0000-4000-8000-000000000001@zhaoxian.gov.cn>');
    expect(mail.subject).toBe(note.title);
    expect(mail.date).toBeInstanceOf(Date);
    expect((mail.from as AddressObject).value[0]).toEqual({
      name: '赵县财政局预算绩效自评',
      address: 'noreply@zhaoxian.gov.cn',
    });
    expect(mail.text).toContain('原因：目标值 <100% & 未说明');
    expect(mail.html).toContain('&lt;100%');
    const headers = raw.toString('utf8').split('\r\n\r\n')[0];
    expect(headers).not.toMatch(/[^\t\r\n\x20-\x7e]/);
    expect(headers).toMatch(/^Auto-Submitted: auto-generated$/m);
  });

  it('maps the SMTP settings onto nodemailer: STARTTLS required, certificates checked, every wait bounded', () => {
    const options = smtpOptions({
      host: 'smtp.zhaoxian.gov.cn',
      port: 587,
      security: 'starttls',
      auth: { user: 'bot', password: 'pw' },
      caFile: null,
      connectionTimeoutMs: 10000,
      socketTimeoutMs: 30000,
      pool: true,
      maxConnections: 2,
    });
    expect(options).toEqual({
      host: 'smtp.zhaoxian.gov.cn',
      port: 587,
      secure: false,
      requireTLS: true,
      ignoreTLS: false,
      auth: { user: 'bot', pass: 'pw' },
      connectionTimeout: 10000,
      greetingTimeout: 10000,
      socketTimeout: 30000,
      dnsTimeout: 10000,
      tls: { minVersion: 'TLSv1.2' },
      pool: true,
      maxConnections: 2,
    });
  });

  it('refuses to start on a CA file it cannot read, naming the variable', () => {
    expect(() =>
      smtpOptions({
        host: 'h',
        port: 465,
        security: 'tls',
        auth: null,
        caFile: '/nonexistent/ca.pem',
        connectionTimeoutMs: 1,
        socketTimeoutMs: 1,
        pool: false,
        maxConnections: 1,
      }),
    ).toThrow(/^SMTP_CA_FILE cannot be read: ENOENT/);
  });
});
