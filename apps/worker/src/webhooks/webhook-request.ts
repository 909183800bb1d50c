import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isNonPublicAddress } from '@evalflow/domain';

export interface WebhookResponse {
  status: number | null;
  ms: number;
  error: string | null;
  excerpt: string;
}

/** Refused before connecting: the name resolved to a loopback, private or link-local address. */
export class BlockedAddressError extends Error {
  constructor(address: string) {
    super(`推送地址解析到了本机、内网或链路本地地址（${address}），已拒绝`);
    this.name = 'BlockedAddressError';
  }
}

/**
 * A lookup that refuses non-public addresses: the check happens on the address actually connected to,
 * so a name that changes its DNS answer after registration (rebinding) is caught at delivery time.
 */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as unknown as LookupAddress[];
    const blocked = list.find((a) => isNonPublicAddress(a.address));
    if (blocked) return callback(new BlockedAddressError(blocked.address), '', 0);
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
    callback(null, list[0].address, list[0].family);
  });
};

/**
 * One POST, bounded in time; the answer is read up to `excerptChars` and the rest dropped.
 * Never throws: what happened is in the result.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; excerptChars: number; allowPrivate: boolean },
): Promise<WebhookResponse> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: Omit<WebhookResponse, 'ms'>) => {
      if (settled) return;
      settled = true;
      resolve({ ...r, ms: Date.now() - started });
    };
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          ...headers,
        },
        timeout: options.timeoutMs,
        ...(options.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        let excerpt = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          if (excerpt.length < options.excerptChars) excerpt += chunk.slice(0, options.excerptChars - excerpt.length);
          else response.destroy();
        });
        const finish = () => done({ status: response.statusCode ?? null, error: null, excerpt });
        response.on('end', finish);
        response.on('close', finish);
        response.on('error', finish);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`超时（${options.timeoutMs} 毫秒内没有答复）`)));
    request.on('error', (error) => done({ status: null, error: error.message.slice(0, 300), excerpt: '' }));
    request.end(body);
  });
}
