import { Controller, Get, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Authenticated, Policy, Public } from '@evalflow/auth';
import { RouteAccessCheck } from './route-access.check';

@Controller('declared')
class DeclaredController {
  @Get('open')
  @Public('probe')
  open() {
    return 1;
  }
  @Get('signed-in')
  @Authenticated()
  signedIn() {
    return 1;
  }
  @Get('policy')
  @Policy('read', 'Department')
  policy() {
    return 1;
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  list() {
    return [];
  }
}

async function boot(controllers: Array<new () => unknown>) {
  @Module({ imports: [DiscoveryModule], controllers, providers: [RouteAccessCheck] })
  class ProbeModule {}
  const moduleRef = await Test.createTestingModule({ imports: [ProbeModule] }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false, abortOnError: false });
  try {
    await app.init();
  } finally {
    await app.close();
  }
}

describe('RouteAccessCheck (deny by default)', () => {
  it('lets an application start when every route declares its access', async () => {
    await expect(boot([DeclaredController])).resolves.toBeUndefined();
  });

  it('stops start-up naming each route without a declaration', async () => {
    await expect(boot([DeclaredController, ForgottenController])).rejects.toThrow(
      'Routes without an access declaration (@Public, @Authenticated or @Policy): ForgottenController.list',
    );
  });
});
