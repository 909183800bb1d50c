import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ROUTE_ACCESS, type RouteAccess } from '@evalflow/auth';
import { AppError, defineAbilityFor } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import type { FastifyRequest } from 'fastify';
import { SessionsService } from '../auth/sessions.service';
import { TokenService } from '../auth/tokens';

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
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ROUTE_ACCESS, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!access) throw new AppError('FORBIDDEN'); // unreachable: start-up refuses undeclared routes

    if (access.kind === 'public') {
      // A public route may still use the caller's identity when one is offered (e.g. logout).
      await this.authenticate(request).catch(() => undefined);
      return true;
    }
    await this.authenticate(request);
    if (access.kind === 'policy' && !request.ability?.can(access.action, access.subject)) {
      throw new AppError('FORBIDDEN'); // audited by the error filter, like every other 403
    }
    return true;
  }

  private async authenticate(request: FastifyRequest) {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._-]+)$/.exec(header) : null;
    if (!match) throw new AppError('UNAUTHENTICATED');
    const claims = this.tokens.verifyAccess(match[1]);
    const principal = await this.sessions.resolve(claims.sid, claims.sub);
    request.principal = principal;
    request.ability = defineAbilityFor(principal);
    const ctx = RequestContext.current();
    if (ctx) {
      ctx.userId = principal.userId;
      ctx.username = principal.username;
      ctx.tenantId = principal.tenantId ?? undefined;
    }
    return principal;
  }
}
