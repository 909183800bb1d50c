import { HttpStatus } from '@nestjs/common';
import type { ErrorKind } from '@evalflow/domain';

export const STATUS_OF_KIND: Record<ErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  precondition_failed: HttpStatus.PRECONDITION_FAILED,
  precondition_required: HttpStatus.PRECONDITION_REQUIRED,
  payload_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_media_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  too_many_requests: HttpStatus.TOO_MANY_REQUESTS,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  request_timeout: HttpStatus.REQUEST_TIMEOUT,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
  internal: HttpStatus.INTERNAL_SERVER_ERROR,
};
