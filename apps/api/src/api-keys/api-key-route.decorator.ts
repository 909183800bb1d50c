import { applyDecorators } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import { AcceptsApiKey } from '@evalflow/auth';
import type { ApiKeyScope } from '@evalflow/domain';
import { API_KEY_BEARER, API_KEY_HEADER } from '../http/openapi';

/** A read route an API key with `scope` may call, documented as such in OpenAPI. */
export function ApiKeyReadable(scope: ApiKeyScope) {
  return applyDecorators(
    AcceptsApiKey(scope),
    ApiSecurity(API_KEY_BEARER, [scope]),
    ApiSecurity(API_KEY_HEADER, [scope]),
  );
}
