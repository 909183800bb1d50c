/** One e-mail as the notifications hand it to the transport. */
export interface MailMessage {
  to: { name: string; address: string };
  subject: string;
  text: string;
  html?: string;
  /** `<…@domain>`: the same for every attempt at one notification, so a duplicate is recognisable */
  messageId: string;
}

export interface SentMail {
  messageId: string;
}

/** Where e-mail goes: an SMTP server, an .eml file per message, or a log line (see MailConfig). */
export interface MailTransport {
  send(message: MailMessage): Promise<SentMail>;
}
export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

/**
 * Whether the mail server refused this message for good, for this recipient or this content (a 5xx
 * answer to RCPT TO or to the message): sending it again gets the same answer. A refused login, a
 * refused sender or a connection that failed is the server's or the configuration's problem, retried.
 */
export function refusedForGood(error: unknown): boolean {
  const e = error as { permanent?: boolean; code?: string; command?: string };
  if (e?.permanent !== true) return false;
  if (e.code === 'EENVELOPE') return /^RCPT/i.test(e.command ?? '');
  return e.code === 'EMESSAGE';
}
