import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError } from '@evalflow/domain';
import jwt from 'jsonwebtoken';

const ISSUER = 'evalflow';
const AUDIENCE = 'evalflow-api';
/** verified tokens remembered (oldest forgotten first): a few thousand signed-in users per instance */
const VERIFIED_MAX = 5_000;

export interface AccessClaims {
  /** user id */
  sub: string;
  /** session id: checked on every request, so logout and deactivation take effect at once */
  sid: string;
  /** tenant id, or null for platform operators */
  tid: string | null;
}

/**
 * Short-lived HS256 access tokens; the algorithm, issuer, audience and expiry are all checked. The secret is made a
 * key once: given a string, jsonwebtoken first tries to parse it as a public key on every call (and throws), which
 * cost 12–15% of the api's time under load.
 */
@Injectable()
export class TokenService {
  private readonly key: KeyObject;
  private readonly ttlSeconds: number;
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAtMs: number }>();

  constructor(config: ConfigService<AppConfig, true>) {
    const auth = config.get('auth', { infer: true });
    this.key = createSecretKey(Buffer.from(auth.accessSecret, 'utf8'));
    this.ttlSeconds = auth.accessTtlSeconds;
  }

  signAccess(claims: AccessClaims): string {
    return jwt.sign(claims, this.key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithm: 'HS256',
      expiresIn: this.ttlSeconds,
    });
  }

  /**
   * The token's claims. A token seen before is not verified again until it expires: the rate limiter and the guard
   * both ask on every request, and an editor's client sends the same token for minutes. Only a signature that
   * verified is remembered, and whether the session still stands is checked on every request all the same.
   */
  verifyAccess(token: string): AccessClaims {
    const seen = this.verified.get(token);
    if (seen && Date.now() < seen.expiresAtMs) return seen.claims;
    this.verified.delete(token);
    try {
      const payload = jwt.verify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      }) as AccessClaims & { exp: number };
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') throw new Error('claims missing');
      const claims = { sub: payload.sub, sid: payload.sid, tid: payload.tid ?? null };
      this.remember(token, claims, payload.exp * 1000);
      return claims;
    } catch (error) {
      if ((error as { name?: string }).name === 'TokenExpiredError') throw new AppError('TOKEN_EXPIRED');
      throw new AppError('TOKEN_INVALID');
    }
  }

  private remember(token: string, claims: AccessClaims, expiresAtMs: number): void {
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { claims, expiresAtMs });
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
