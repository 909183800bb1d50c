import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { MailConfig, SmtpConfig } from '@evalflow/config';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SMTPPoolOptions, type SMTPTransportOptions, type Transporter } from 'nodemailer';
import type { MailMessage, MailTransport, SentMail } from './mail-transport';

/** nodemailer's options for an SMTP server: TLS as configured, certificates checked, every wait bounded. */
export function smtpOptions(smtp: SmtpConfig): SMTPTransportOptions | (SMTPPoolOptions & { pool: true }) {
  let ca: Buffer | undefined;
  if (smtp.caFile) {
    try {
      ca = readFileSync(smtp.caFile);
    } catch (error) {
      throw new Error(`SMTP_CA_FILE cannot be read: ${(error as Error).message}`);
    }
  }
  const common = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.security === 'tls',
    requireTLS: smtp.security === 'starttls',
    ignoreTLS: smtp.security === 'none',
    auth: smtp.auth ? { user: smtp.auth.user, pass: smtp.auth.password } : undefined,
    connectionTimeout: smtp.connectionTimeoutMs,
    greetingTimeout: smtp.connectionTimeoutMs,
    socketTimeout: smtp.socketTimeoutMs,
    dnsTimeout: smtp.connectionTimeoutMs,
    tls: { minVersion: 'TLSv1.2' as const, ...(ca ? { ca } : {}) },
  };
  return smtp.pool ? { ...common, pool: true, maxConnections: smtp.maxConnections } : common;
}

/**
 * Sends through nodemailer, which builds each message (Message-ID, Date, encoded Chinese headers,
 * text and HTML alternatives): to an SMTP server, as an .eml file in MAIL_DIR, or as a log line.
 */
export class NodemailerMailTransport implements MailTransport, OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transporter: Transporter;
  private sequence = 0;

  constructor(private readonly config: MailConfig) {
    const defaults = { from: config.from };
    if (config.transport === 'smtp') {
      if (!config.smtp) throw new Error('MAIL_TRANSPORT=smtp without an SMTP server');
      this.transporter = createTransport(smtpOptions(config.smtp), defaults);
    } else {
      // file and log: the message is built as it would be sent, then written or only logged
      this.transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' }, defaults);
    }
  }

  async send(message: MailMessage): Promise<SentMail> {
    const info = await this.transporter.sendMail({
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: message.messageId,
      headers: {
        // RFC 3834: no out-of-office replies to a system's notices
        'Auto-Submitted': 'auto-generated',
        'X-Auto-Response-Suppress': 'All',
      },
    });
    if (this.config.transport === 'file') await this.writeEml(info.message as Buffer);
    if (this.config.transport === 'log') {
      this.logger.log({ msg: 'mail', to: message.to.address, subject: message.subject, messageId: info.messageId });
    }
    return { messageId: info.messageId };
  }

  /** Checks that the SMTP server answers and takes the login (the other transports have nothing to check). */
  async verify(): Promise<void> {
    if (this.config.transport === 'smtp') await this.transporter.verify();
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }

  private async writeEml(message: Buffer): Promise<void> {
    await mkdir(this.config.dir, { recursive: true });
    const name = `${Date.now()}-${process.pid}-${++this.sequence}.eml`;
    await writeFile(join(this.config.dir, name), message, { flag: 'wx' });
  }
}
