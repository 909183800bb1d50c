import { AppError, type ErrorCode } from '@evalflow/domain';

/** Turns a unique-key violation into the caller's conflict code; anything else is rethrown. */
export function mapUniqueViolation(error: unknown, byConstraint: Record<string, ErrorCode>): never {
  const pg =
    (error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const code = pg.driverError?.code ?? pg.code;
  const constraint = pg.driverError?.constraint ?? pg.constraint;
  if (code === '23505' && constraint && constraint in byConstraint) throw new AppError(byConstraint[constraint]);
  throw error;
}

/** PostgreSQL's "connection" (08), "operator intervention" (57P0x) and "too many connections" states. */
const UNAVAILABLE_SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Connection refused|server closed the connection/i;

/**
 * True when the database could not be reached or dropped the connection: the request may be
 * retried later unchanged (503), as opposed to an error in the request or in our code (4xx/500).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, message, driverError, cause } = e as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_ERRNO.has(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}
