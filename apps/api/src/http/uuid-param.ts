import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppError, type ErrorCode } from '@evalflow/domain';

/**
 * A path parameter that must be a UUID. A malformed id names nothing, so it answers the same 404
 * as an id that does not exist (or belongs to another county).
 */
export const UuidParam = (name: string, notFound: ErrorCode) =>
  Param(name, new ParseUUIDPipe({ version: undefined, exceptionFactory: () => new AppError(notFound) }));

export const IdParam = (notFound: ErrorCode) => UuidParam('id', notFound);
