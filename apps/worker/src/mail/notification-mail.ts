import type { MailMessage } from './mail-transport';

/** A notification row about to be e-mailed, with its recipient. */
export interface MailableNotification {
  id: string;
  title: string;
  body: string | null;
  email: string;
  display_name: string;
}

const FOOTER = '请登录 EvalFlow 预算绩效自评系统查看。';
const NO_REPLY = '（本邮件由系统自动发送，请勿回复。）';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The domain of an address or of `Name <address>`, for Message-IDs of this sender. */
export function domainOf(from: string): string {
  const address = /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
  return address.slice(address.lastIndexOf('@') + 1).trim() || 'evalflow.local';
}

/**
 * The e-mail of one notification: its title as the subject, its body as text and as simple HTML. The
 * Message-ID is the notification's own, so a message sent twice (the worker died between sending and
 * marking it sent) is the same message to the reader's mail program.
 */
export function notificationMail(n: MailableNotification, from: string): MailMessage {
  const lines = n.body ? n.body.split('\n') : [];
  const text = [n.title, '', ...(lines.length ? [...lines, ''] : []), FOOTER, NO_REPLY].join('\n');
  const html = [
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head>',
    '<body style="font-family:sans-serif;font-size:14px;line-height:1.6;color:#222">',
    `<p style="font-size:16px;font-weight:bold">${escapeHtml(n.title)}</p>`,
    lines.length ? `<p>${lines.map(escapeHtml).join('<br>')}</p>` : '',
    `<p>${FOOTER}</p>`,
    `<p style="color:#888;font-size:12px">${NO_REPLY}</p>`,
    '</body></html>',
  ].join('');
  return {
    to: { name: n.display_name, address: n.email },
    subject: n.title,
    text,
    html,
    messageId: `<notification.${n.id}@${domainOf(from)}>`,
  };
}
