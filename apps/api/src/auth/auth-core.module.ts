import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtModule } from '@nestjs/jwt';
import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import { ApiKeyAuthService } from '../api-keys/api-key-auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionsService } from './sessions.service';
import { TokenService } from './tokens';

/** Tokens, sessions, API keys and throttling: what the access guard and the auth routes share. */
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
  providers: [TokenService, SessionsService, LoginThrottleService, Argon2PasswordHasher, ApiKeyAuthService],
  exports: [TokenService, SessionsService, LoginThrottleService, Argon2PasswordHasher, ApiKeyAuthService],
})
export class AuthCoreModule {}
