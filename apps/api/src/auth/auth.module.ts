import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller';
import { AuthCoreModule } from './auth-core.module';
import { AuthService } from './auth.service';

@Module({
  imports: [AuthCoreModule],
  controllers: [AuthController],
  providers: [AuthService],
})
export class AuthModule {}
