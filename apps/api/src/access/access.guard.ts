import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { API_KEY_SCOPE, ROUTE_ACCESS, type RouteAccess } from '@evalflow/auth';
import { AppError, defineAbilityFor, defineApiKeyAbility, type ApiKeyScope } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import type { FastifyRequest } from 'fastify';
import { ApiKeyAuthService } from '../api-keys/api-key-auth.service';
import { apiKeyOf } from '../api-keys/api-key-secret';
import { SessionsService, type SessionPrincipal } from '../auth/sessions.service';
import { TokenService } from '../auth/tokens';
import { BEFORE_PASSWORD_CHANGE } from './password-change.decorator';

/**
 * The one gate of every route: reads the route's declared access, authenticates the bearer token
 * against its live session, enters the tenant into the request context, builds the ability and
 * checks the route's policy. A route without a declaration is refused (and stops start-up).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly sessions: SessionsService,
    private readonly apiKeys: ApiKeyAuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!access) throw new AppError('FORBIDDEN'); // unreachable: start-up refuses undeclared routes

    const apiKey = apiKeyOf(request.headers);
    if (apiKey && access.kind !== 'public') {
      const scope = this.reflector.getAllAndOverride<ApiKeyScope | undefined>(API_KEY_SCOPE, [
        context.getHandler(),
        context.getClass(),
      ]);
      return this.authenticateApiKey(request, apiKey, scope, access);
    }
    if (access.kind === 'public') {
      // A public route may still use the caller's identity when one is offered (e.g. logout).
      await this.authenticate(request).catch(() => undefined);
      return true;
    }
    const principal = await this.authenticate(request);
    if (principal.mustChangePassword && !this.allowedBeforePasswordChange(context)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (access.kind === 'policy' && !request.ability?.can(access.action, access.subject)) {
      throw new AppError('FORBIDDEN'); // audited by the error filter, like every other 403
    }
    return true;
  }

  private allowedBeforePasswordChange(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(BEFORE_PASSWORD_CHANGE, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }

  /**
   * A service account reaches only routes marked @AcceptsApiKey with a scope it holds, with the
   * ability of that scope alone (read, own county). Anything else is 403, audited in its county.
   */
  private async authenticateApiKey(
    request: FastifyRequest,
    key: string,
    scope: ApiKeyScope | undefined,
    access: RouteAccess,
  ): Promise<boolean> {
    const principal = await this.apiKeys.resolve(key);
    const tenantId = principal.tenantId as string;
    const granted = principal.serviceAccount?.scopes ?? [];
    this.enter(request, principal);
    request.ability = defineApiKeyAbility(tenantId, granted, scope);
    if (!scope || !granted.includes(scope)) throw new AppError('API_KEY_ROUTE_FORBIDDEN', { scope: scope ?? null });
    if (access.kind === 'policy' && !request.ability.can(access.action, access.subject)) {
      throw new AppError('API_KEY_ROUTE_FORBIDDEN', { scope });
    }
    return true;
  }

  private enter(request: FastifyRequest, principal: SessionPrincipal) {
    request.principal = principal;
    const ctx = RequestContext.current();
    if (ctx) {
      // a service account is no user: the audit log names it by its username (api-key:<prefix>)
      ctx.userId = principal.serviceAccount ? undefined : principal.userId;
      ctx.username = principal.username;
      ctx.tenantId = principal.tenantId ?? undefined;
    }
  }

  private async authenticate(request: FastifyRequest) {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match) throw new AppError('UNAUTHENTICATED');
    const claims = this.tokens.verifyAccess(match[1]);
    const principal = await this.sessions.resolve(claims.sid, claims.sub);
    request.ability = defineAbilityFor(principal);
    this.enter(request, principal);
    return principal;
  }
}
