import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import jwt from 'jsonwebtoken';
import { TokenService } from './tokens';

const config = (ttl: number) =>
  ({
    get: () => ({ accessSecret: 'a-test-secret-of-enough-length-0123456789', accessTtlSeconds: ttl }),
  }) as unknown as ConfigService<AppConfig, true>;
const claims = { sub: 'user-1', sid: 'session-1', tid: 'tenant-1' };

describe('TokenService.verifyAccess', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('verifies a token once and answers from memory until it expires, then refuses it as expired', () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') });
    const tokens = new TokenService(config(60));
    const token = tokens.signAccess(claims);
    const verify = jest.spyOn(jwt, 'verify');
    expect(tokens.verifyAccess(token)).toEqual(claims);
    expect(tokens.verifyAccess(token)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);
    jest.setSystemTime(new Date('2026-12-01T08:01:00Z')); // exactly at exp: expired
    expect(() => tokens.verifyAccess(token)).toThrow(expect.objectContaining({ code: 'TOKEN_EXPIRED' }));
    expect(verify).toHaveBeenCalledTimes(2);
  });

  it('never remembers a token that failed: a forged signature is refused every time', () => {
    const tokens = new TokenService(config(60));
    const [head, body] = tokens.signAccess(claims).split('.');
    const forged = `${head}.${body}.${'A'.repeat(43)}`;
    const verify = jest.spyOn(jwt, 'verify');
    for (let i = 0; i < 3; i++) {
      expect(() => tokens.verifyAccess(forged)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
    }
    expect(verify).toHaveBeenCalledTimes(3);
  });

  it('a token of another secret is refused even after a good one with the same claims was remembered', () => {
    const tokens = new TokenService(config(60));
    expect(tokens.verifyAccess(tokens.signAccess(claims))).toEqual(claims);
    const other = jwt.sign(claims, 'another-secret', { issuer: 'evalflow', audience: 'evalflow-api', expiresIn: 60 });
    expect(() => tokens.verifyAccess(other)).toThrow(expect.objectContaining({ code: 'TOKEN_INVALID' }));
  });

  it('remembers a bounded number of tokens, forgetting the oldest first', () => {
    const tokens = new TokenService(config(600));
    const first = tokens.signAccess({ ...claims, sid: 'first' });
    tokens.verifyAccess(first);
    for (let i = 0; i < 5_000; i++) tokens.verifyAccess(tokens.signAccess({ ...claims, sid: `s${i}` }));
    const verify = jest.spyOn(jwt, 'verify');
    expect(tokens.verifyAccess(first).sid).toBe('first');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
