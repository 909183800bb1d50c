import type { TransitionAction } from '../workflow/workflow';

/**
 * Webhooks for 预算一体化 and other systems: the events a county's endpoints may subscribe to.
 * Names are stable once released (receivers switch on them).
 */
export const WEBHOOK_EVENTS = [
  'report.submitted',
  'report.returned',
  'report.approved',
  'report.reopened',
  'document.ready',
  'deadline.passed',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  'report.submitted': '报告已提交',
  'report.returned': '报告已退回',
  'report.approved': '报告已审批通过',
  'report.reopened': '报告已重新打开',
  'document.ready': '正式文书已生成',
  'deadline.passed': '报送截止日期已过',
};

/** The workflow moves that are announced to webhooks; the others (withdraw, start_review …) are internal. */
const TRANSITION_EVENTS: Partial<Record<TransitionAction, WebhookEvent>> = {
  submit: 'report.submitted',
  return: 'report.returned',
  approve: 'report.approved',
  reopen: 'report.reopened',
};

export function webhookEventOfTransition(action: string): WebhookEvent | null {
  return TRANSITION_EVENTS[action as TransitionAction] ?? null;
}

/** Retries: bounded, exponential (BullMQ's backoff), each request bounded in time. */
export const WEBHOOK_DELIVERY = {
  attempts: 6,
  backoffMs: 30_000,
  timeoutMs: 10_000,
  /** how much of a receiver's answer is kept, for the administrator to read */
  responseExcerptChars: 500,
  /** an endpoint whose deliveries have failed for this long, with no success since, is paused */
  pauseAfterFailingMs: 24 * 60 * 60 * 1000,
  /** receivers should refuse a signature timestamp older than this (documented replay window) */
  replayWindowSeconds: 300,
} as const;

export interface WebhookUrlPolicy {
  /** plain http is allowed only in development and test */
  allowHttp: boolean;
  /** loopback, private and link-local targets are refused from a production instance */
  allowPrivateAddresses: boolean;
}

export type WebhookUrlRefusal = 'WEBHOOK_URL_INVALID' | 'WEBHOOK_URL_NOT_HTTPS' | 'WEBHOOK_URL_PRIVATE_ADDRESS';

/** The shape of an endpoint URL (before any DNS lookup): absolute, http(s), no credentials, a host. */
export function checkWebhookUrlShape(raw: string, policy: WebhookUrlPolicy): WebhookUrlRefusal | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'WEBHOOK_URL_INVALID';
  }
  if (raw.length > 2000 || url.username || url.password || !url.hostname) return 'WEBHOOK_URL_INVALID';
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) return 'WEBHOOK_URL_NOT_HTTPS';
  if (!policy.allowPrivateAddresses) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost') || isNonPublicAddress(host)) {
      return 'WEBHOOK_URL_PRIVATE_ADDRESS';
    }
  }
  return null;
}

/**
 * Whether an IP literal is loopback, private, link-local, unspecified, CGNAT, multicast or reserved
 * (IPv4, IPv6 and IPv4-mapped IPv6). A host name (not a literal) is not judged here: it is resolved first.
 */
export function isNonPublicAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return isNonPublicIpv4(v4);
  const a = address.toLowerCase();
  if (!a.includes(':')) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped) {
    const inner = parseIpv4(mapped[1]);
    return inner ? isNonPublicIpv4(inner) : true;
  }
  // the URL parser writes ::ffff:127.0.0.1 as ::ffff:7f00:1
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(a);
  if (mappedHex) {
    const [hi, lo] = [parseInt(mappedHex[1], 16), parseInt(mappedHex[2], 16)];
    return isNonPublicIpv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);
  }
  if (a === '::' || a === '::1') return true;
  const first = parseInt(a.split(':')[0] || '0', 16);
  // fc00::/7 unique local, fe80::/10 link-local, ff00::/8 multicast
  return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80 || (first & 0xff00) === 0xff00;
}

function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function isNonPublicIpv4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}
