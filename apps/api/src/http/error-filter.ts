import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import { AppError, ERROR_CATALOGUE, type ErrorBody, type ErrorCode } from '@evalflow/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { STATUS_OF_KIND } from './error-status';
import { isDatabaseUnavailable } from './pg-errors';

/** How soon a client may retry while PostgreSQL is away (it usually restarts within seconds). */
const DATABASE_RETRY_AFTER_SECONDS = 5;
import type { DenialRecorder } from '../access/denial-recorder';
import type { SpaFallback } from './web-static';

/** Status codes Nest or Fastify may raise on their own, and the stable code each becomes. */
const CODE_OF_STATUS: Record<number, ErrorCode> = {
  [HttpStatus.BAD_REQUEST]: 'BAD_REQUEST',
  [HttpStatus.UNAUTHORIZED]: 'UNAUTHENTICATED',
  [HttpStatus.FORBIDDEN]: 'FORBIDDEN',
  [HttpStatus.NOT_FOUND]: 'NOT_FOUND',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'METHOD_NOT_ALLOWED',
  [HttpStatus.CONFLICT]: 'CONFLICT',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'PAYLOAD_TOO_LARGE',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'UNSUPPORTED_MEDIA_TYPE',
  [HttpStatus.TOO_MANY_REQUESTS]: 'TOO_MANY_REQUESTS',
  [HttpStatus.SERVICE_UNAVAILABLE]: 'SERVICE_UNAVAILABLE',
};

/** Fastify's own error codes (body parsing, limits) mapped to ours. */
const CODE_OF_FASTIFY_ERROR: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
};

export function toErrorResponse(exception: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (exception instanceof AppError) {
    return { status: STATUS_OF_KIND[exception.kind], body: exception.toBody(), unexpected: false };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    // A body already in our shape (e.g. from the validation pipe) passes through.
    if (typeof response === 'object' && response !== null && 'code' in response && 'message' in response) {
      return { status, body: response as ErrorBody, unexpected: false };
    }
    const code = CODE_OF_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { status, body: { code, message: ERROR_CATALOGUE[code].message }, unexpected: status >= 500 };
  }
  const fastifyCode = (exception as { code?: string } | null)?.code;
  if (fastifyCode && fastifyCode in CODE_OF_FASTIFY_ERROR) {
    const code = CODE_OF_FASTIFY_ERROR[fastifyCode];
    return {
      status: STATUS_OF_KIND[ERROR_CATALOGUE[code].kind],
      body: { code, message: ERROR_CATALOGUE[code].message },
      unexpected: false,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      body: {
        code: 'DATABASE_UNAVAILABLE',
        message: ERROR_CATALOGUE.DATABASE_UNAVAILABLE.message,
        details: { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      },
      unexpected: false,
    };
  }
  return {
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    body: { code: 'INTERNAL_ERROR', message: ERROR_CATALOGUE.INTERNAL_ERROR.message },
    unexpected: true,
  };
}

/** One error body for every failure: { code, message, details? }. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly spa?: SpaFallback,
    private readonly denials?: DenialRecorder,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const { status, body, unexpected } = toErrorResponse(exception);

    // Unknown non-API paths belong to the single-page web app.
    const routeMissing =
      status === HttpStatus.NOT_FOUND && !(exception instanceof AppError) && !request.routeOptions?.url;
    if (routeMissing && this.spa?.serves(request)) {
      void this.spa.sendIndex(reply);
      return;
    }
    if (routeMissing) {
      body.code = 'ROUTE_NOT_FOUND';
      body.message = ERROR_CATALOGUE.ROUTE_NOT_FOUND.message;
    }
    if (body.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn({ err: exception, method: request.method, url: request.url }, 'database unavailable');
    }
    if (unexpected) {
      this.logger.error({ err: exception, method: request.method, url: request.url }, 'unhandled error');
    }
    if (status === HttpStatus.FORBIDDEN && request.principal && this.denials) {
      await this.denials.record(request.principal, request, body.code, body.details);
    }
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    void reply.status(status).header('cache-control', 'no-store').send(body);
  }
}
