import { Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Where e-mail goes. There is no mail server here: a log line or an .eml file; SMTP would be one more transport. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/** RFC 2047 encoded-word, so a Chinese subject survives any mail reader. */
function encodeHeader(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

/** A complete RFC 5322 message (UTF-8 body, base64), as an SMTP server would receive it. */
export function formatMessage(from: string, message: MailMessage, date = new Date()): string {
  const body = Buffer.from(message.text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const fromMatch = /^(.*?)\s*<([^>]+)>$/.exec(from);
  const fromHeader = fromMatch ? `${encodeHeader(fromMatch[1])} <${fromMatch[2]}>` : from;
  return [
    `From: ${fromHeader}`,
    `To: ${message.to}`,
    `Subject: ${encodeHeader(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
    '',
  ].join('\r\n');
}

export class LogMailTransport implements MailTransport {
  private readonly logger = new Logger('Mail');

  async send(message: MailMessage): Promise<void> {
    this.logger.log({ msg: 'mail', to: message.to, subject: message.subject });
  }
}

/** One .eml file per message in a directory, for development and for a mail relay that picks files up. */
export class FileMailTransport implements MailTransport {
  private sequence = 0;

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: MailMessage): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const name = `${Date.now()}-${process.pid}-${++this.sequence}.eml`;
    await writeFile(join(this.dir, name), formatMessage(this.from, message), { flag: 'wx' });
  }
}
