import { AppError } from '@evalflow/domain';
import type { FastifyReply } from 'fastify';

/**
 * Optimistic concurrency over HTTP (RFC 9110): GET answers an ETag with the row's version;
 * a change must send it back in If-Match. Missing → 428, stale → 412 with the current state.
 */
export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  void reply.header('etag', etagOf(version));
}

export function requireIfMatch(header: string | string[] | undefined): number {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) throw new AppError('VERSION_REQUIRED');
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) {
    throw new AppError('VERSION_REQUIRED', { ifMatch: value }, 'If-Match 请求头的格式应为 "版本号"，例如 "3"');
  }
  return Number(match[1]);
}

/** The 412 answer: the caller's version is stale; here is what it would have overwritten. */
export function versionMismatch(currentVersion: number, current: unknown): AppError {
  return new AppError('VERSION_MISMATCH', { currentVersion, current });
}
