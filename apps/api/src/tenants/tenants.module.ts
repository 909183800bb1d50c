import { Module } from '@nestjs/common';
import { AuthCoreModule } from '../auth/auth-core.module';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({ imports: [AuthCoreModule], controllers: [TenantsController], providers: [TenantsService] })
export class TenantsModule {}
