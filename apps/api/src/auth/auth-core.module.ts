import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';
import { TokenService } from './tokens';

/** Tokens, sessions and throttling: what the access guard and the auth routes share. */
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const auth = config.get('auth', { infer: true });
        return { secret: auth.accessSecret, signOptions: { expiresIn: auth.accessTtlSeconds } };
      },
    }),
  ],
  providers: [TokenService, SessionsService, LoginThrottleService, Argon2PasswordHasher],
  exports: [TokenService, SessionsService, LoginThrottleService, Argon2PasswordHasher],
})
export class AuthCoreModule {}
