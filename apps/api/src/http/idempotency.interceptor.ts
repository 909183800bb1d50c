import { createHash } from 'node:crypto';
import { HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { AppError } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;
/** A claim whose request never finished (its process died) may be taken over after this long. */
const ABANDONED_AFTER_SECONDS = 60;
/** Keys are remembered for a day; older ones are forgotten on the way. */
const KEPT_FOR = '1 day';

interface KeyRow {
  request_hash: Buffer;
  status_code: number | null;
  response: unknown;
}

/** The headers a handler sets that belong to its answer (the version and where the new thing is). */
function replayedHeaders(reply: FastifyReply): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ['etag', 'location']) {
    const value = reply.getHeader(name);
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Same JSON whatever the order of an object's keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Idempotency-Key on POST: the first request with a key runs and its answer is kept; a retry with the
 * same key and the same request gets that answer again (header Idempotent-Replayed: true) instead of
 * a second comment, reply or render; the same key with another request is refused (422). A failed
 * request leaves no answer behind (writes are all or none), so its retry runs afresh. Per user; a day.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly platform: PlatformDb) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const raw = request.headers[HEADER];
    if (request.method !== 'POST' || raw === undefined || !request.principal) return next.handle();
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY_FORMAT.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // the status Nest will send (it applies @HttpCode after interceptors): what a replay must send too
    const status: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    return from(this.run({ userId: request.principal.userId, key, status }, request, reply, next));
  }

  private async run(
    claim: { userId: string; key: string; status: number },
    request: FastifyRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url.split('?')[0]}\n${canonical(request.body)}`)
      .digest();
    const { userId, key, status } = claim;
    const claimed = await this.claim(userId, key, hash);
    if (!claimed) {
      const [row] = await this.platform.query<KeyRow>(
        `SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
        [userId, key],
      );
      if (!row) return this.run(claim, request, reply, next); // forgotten meanwhile: a fresh claim
      if (!row.request_hash.equals(hash)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row.status_code === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      const stored = row.response as { body: unknown; headers: Record<string, string> };
      void reply.status(row.status_code).headers(stored.headers).header('idempotent-replayed', 'true');
      return stored.body;
    }
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.platform.query(
        `UPDATE idempotency_keys SET status_code = $3, response = $4, completed_at = now()
          WHERE user_id = $1 AND key = $2`,
        [userId, key, status, JSON.stringify({ body: body ?? null, headers: replayedHeaders(reply) })],
      );
      return body;
    } catch (error) {
      await this.platform.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [userId, key]);
      throw error;
    }
  }

  /** Claims the key for this request; false when another request holds or held it. */
  private async claim(userId: string, key: string, hash: Buffer): Promise<boolean> {
    await this.platform.query(`DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval`, [KEPT_FOR]);
    const taken = await this.platform.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id, key) DO UPDATE SET created_at = now()
         WHERE k.status_code IS NULL AND k.request_hash = EXCLUDED.request_hash
           AND k.created_at < now() - make_interval(secs => $4)
       RETURNING 1`,
      [userId, key, hash, ABANDONED_AFTER_SECONDS],
    );
    return taken.length > 0;
  }
}
