import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppError } from '@evalflow/domain';

const ISSUER = 'evalflow';
const AUDIENCE = 'evalflow-api';

export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id: checked on every request, so logout and deactivation take effect at once */
  sid: string;
  /** tenant id, or null for platform operators */
  tid: string | null;
}

/** Short-lived HS256 access tokens; the algorithm, issuer, audience and expiry are all checked. */
@Injectable()
export class TokenService {
  constructor(private readonly jwt: JwtService) {}

  signAccess(claims: AccessClaims): string {
    return this.jwt.sign(claims, { issuer: ISSUER, audience: AUDIENCE, algorithm: 'HS256' });
  }

  verifyAccess(token: string): AccessClaims {
    try {
      const payload = this.jwt.verify<AccessClaims & { exp: number }>(token, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims missing');
      return { sub: payload.sub, sid: payload.sid, tid: payload.tid ?? null };
    } catch (error) {
      if ((error as { name?: string }).name === 'TokenExpiredError') throw new AppError('TOKEN_EXPIRED');
      throw new AppError('TOKEN_INVALID');
    }
  }
}

/**
 * Refresh tokens are opaque random strings; only their HMAC-SHA256 under JWT_REFRESH_SECRET is
 * stored, so a copy of the database alone cannot be used to recognise or forge one.
 */
export function newRefreshToken(secret: string): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token, secret) };
}

export function hashRefreshToken(token: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(token).digest();
}
