import { SetMetadata } from '@nestjs/common';
import type { Action, ApiKeyScope, SubjectName } from '@evalflow/domain';

/**
 * Every route declares who may reach it. There is no default: a route without a declaration
 * stops the API at start-up (deny by default; opening a route is an explicit act).
 */
export type RouteAccess =
  | { kind: 'public'; reason: string }
  | { kind: 'authenticated' }
  | { kind: 'policy'; action: Action; subject: SubjectName };

export const ROUTE_ACCESS = 'evalflow:route-access';

/** Reachable without signing in; say why. */
export const Public = (reason: string) => SetMetadata(ROUTE_ACCESS, { kind: 'public', reason } satisfies RouteAccess);

/** Any signed-in user; the handler checks the object itself. */
export const Authenticated = () => SetMetadata(ROUTE_ACCESS, { kind: 'authenticated' } satisfies RouteAccess);

/** Signed in, and the ability allows `action` on some `subject` (the handler checks the object). */
export const Policy = (action: Action, subject: SubjectName) =>
  SetMetadata(ROUTE_ACCESS, { kind: 'policy', action, subject } satisfies RouteAccess);

export const API_KEY_SCOPE = 'evalflow:api-key-scope';

/**
 * The route also answers an API key granted `scope` (read routes only). Every route without it
 * refuses keys with 403: a key reaches nothing it was not explicitly opened to.
 */
export const AcceptsApiKey = (scope: ApiKeyScope) => SetMetadata(API_KEY_SCOPE, scope);
