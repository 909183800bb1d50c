import { createHash, randomUUID } from 'node:crypto';
import { HttpStatus, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { AppError } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import { PlatformDb, type IdempotencyClaim } from '@evalflow/persistence';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';

const HEADER = 'idempotency-key';
const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;
/**
 * A retry may take over a claim whose request has not committed after this long (its client gave up on
 * it): the claim's token changes, so the first request, should it still be running, cannot commit.
 */
const TAKE_OVER_AFTER_SECONDS = 5;
/** Keys are remembered for a day; older ones are forgotten on the way. */
const KEPT_FOR = '1 day';

interface KeyRow {
  request_hash: Buffer;
  status_code: number | null;
  response: { body: unknown; headers: Record<string, string> } | null;
  committed_at: Date | null;
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
/**
 * What makes two requests the same: method, path and JSON body; a streamed file body (佐证材料) cannot be read here,
 * so its query (name, row), declared length and type stand for it.
 */
function requestIdentity(request: FastifyRequest): string {
  const body = request.body as { pipe?: unknown } | undefined;
  if (body && typeof body.pipe === 'function') {
    const { 'content-length': length = '', 'content-type': type = '' } = request.headers;
    return `${request.method} ${request.url}\nstream ${type} ${length}`;
  }
  return `${request.method} ${request.url.split('?')[0]}\n${canonical(request.body)}`;
}

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
 * a second comment, reply or render; the same key with another request is refused (422). Per user; a day.
 *
 * The write and the key's "committed" mark share the request's tenant transaction (TenantDb.tx marks
 * the claim), so a lost answer never lets a retry write twice: a retry of a committed request whose
 * answer could not be kept is told so (409 IDEMPOTENCY_ANSWER_LOST), and a failed one runs afresh.
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
    const { userId, tenantId } = request.principal;
    const hash = createHash('sha256').update(requestIdentity(request)).digest();
    return from(this.run({ userId, key, token: randomUUID() }, tenantId, hash, status, reply, next));
  }

  private async run(
    claim: IdempotencyClaim,
    tenantId: string | null,
    hash: Buffer,
    status: number,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    if (!(await this.claim(claim, tenantId, hash))) return this.answerAgain(claim, hash, reply);
    const context = RequestContext.current();
    if (context) context.idempotencyClaim = claim;
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.platform.query(
        `UPDATE idempotency_keys SET status_code = $4, response = $5
          WHERE user_id = $1 AND key = $2 AND claim_token = $3`,
        [
          claim.userId,
          claim.key,
          claim.token,
          status,
          JSON.stringify({ body: body ?? null, headers: replayedHeaders(reply) }),
        ],
      );
      return body;
    } catch (error) {
      // nothing committed: forget the claim so the retry runs (if this fails too, the retry takes it over)
      await this.platform
        .query(
          `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND claim_token = $3 AND committed_at IS NULL`,
          [claim.userId, claim.key, claim.token],
        )
        .catch(() => undefined);
      throw error;
    } finally {
      if (context) context.idempotencyClaim = undefined;
    }
  }

  /** Claims the key (or takes over a stale claim that never committed); false when it is held or done. */
  private async claim(claim: IdempotencyClaim, tenantId: string | null, hash: Buffer): Promise<boolean> {
    await this.platform.query(`DELETE FROM idempotency_keys WHERE created_at < now() - $1::interval`, [KEPT_FOR]);
    const taken = await this.platform.query(
      `INSERT INTO idempotency_keys AS k (user_id, key, tenant_id, claim_token, request_hash)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (user_id, key) DO UPDATE SET claim_token = EXCLUDED.claim_token, created_at = now()
         WHERE k.committed_at IS NULL AND k.request_hash = EXCLUDED.request_hash
           AND k.created_at < now() - make_interval(secs => $6)
       RETURNING 1`,
      [claim.userId, claim.key, tenantId, claim.token, hash, TAKE_OVER_AFTER_SECONDS],
    );
    return taken.length > 0;
  }

  private async answerAgain(claim: IdempotencyClaim, hash: Buffer, reply: FastifyReply): Promise<unknown> {
    const [row] = await this.platform.query<KeyRow>(
      `SELECT request_hash, status_code, response, committed_at FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [claim.userId, claim.key],
    );
    if (!row) throw new AppError('IDEMPOTENCY_IN_PROGRESS', { retryAfterSeconds: 1 }); // forgotten meanwhile
    if (!row.request_hash.equals(hash)) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (row.status_code !== null && row.response) {
      void reply.status(row.status_code).headers(row.response.headers).header('idempotent-replayed', 'true');
      return row.response.body;
    }
    if (row.committed_at) throw new AppError('IDEMPOTENCY_ANSWER_LOST');
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', { retryAfterSeconds: TAKE_OVER_AFTER_SECONDS });
  }
}
