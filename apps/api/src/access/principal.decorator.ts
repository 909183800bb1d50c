import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppAbility } from '@evalflow/domain';
import type { FastifyRequest } from 'fastify';
import type { SessionPrincipal } from '../auth/sessions.service';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: SessionPrincipal;
    ability?: AppAbility;
  }
}

/** The signed-in principal (set by the access guard; routes marked @Public have none). */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionPrincipal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on a route without authentication');
  return principal;
});

export const CurrentAbility = createParamDecorator((_: unknown, ctx: ExecutionContext): AppAbility => {
  const ability = ctx.switchToHttp().getRequest<FastifyRequest>().ability;
  if (!ability) throw new Error('CurrentAbility used on a route without authentication');
  return ability;
});
