import { Module } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import { ApiKeyAuthService } from '../api-keys/api-key-auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SessionCache } from './session-cache';
import { SessionsService } from './sessions.service';
import { TokenService } from './tokens';

/** Tokens, sessions, API keys and throttling: what the access guard and the auth routes share. */
@Module({
  providers: [
    TokenService,
    SessionCache,
    SessionsService,
    LoginThrottleService,
    Argon2PasswordHasher,
    ApiKeyAuthService,
  ],
  exports: [TokenService, SessionCache, SessionsService, LoginThrottleService, Argon2PasswordHasher, ApiKeyAuthService],
})
export class AuthCoreModule {}
