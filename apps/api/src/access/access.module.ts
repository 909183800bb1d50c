import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module';
import { AuthCoreModule } from '../auth/auth-core.module';
import { AccessGuard } from './access.guard';
import { DenialRecorder } from './denial-recorder';
import { RouteAccessCheck } from './route-access.check';

@Global()
@Module({
  imports: [DiscoveryModule, AuditModule, AuthCoreModule],
  providers: [{ provide: APP_GUARD, useClass: AccessGuard }, DenialRecorder, RouteAccessCheck],
  exports: [DenialRecorder],
})
export class AccessModule {}
