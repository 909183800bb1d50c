import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';

/** Failures are counted in a 15-minute window; a lock lasts 1, 2, 4 … up to 30 minutes. */
const WINDOW_MINUTES = 15;
const MAX_LOCK_MINUTES = 30;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

export function throttleKeys(username: string, clientIp: string | undefined): ThrottleKeys {
  const digest = createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
  return { account: `account:${digest}`, address: clientIp ? `address:${clientIp}` : null };
}

function formatClock(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/**
 * Throttles failed logins per account and per client address, whether or not the account exists
 * (so the answer reveals nothing). Locked attempts get 429 with when to retry.
 */
@Injectable()
export class LoginThrottleService {
  private readonly limits: { account: number; address: number };

  constructor(
    private readonly platform: PlatformDb,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.limits = { account: auth.maxFailuresPerAccount, address: auth.maxFailuresPerAddress };
  }

  async assertNotLocked(keys: ThrottleKeys): Promise<void> {
    const [row] = await this.platform.query<{ until: Date | null }>(
      `SELECT max(locked_until) AS until FROM login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [[keys.account, keys.address].filter(Boolean)],
    );
    if (!row?.until) return;
    const retryAfterSeconds = Math.max(1, Math.ceil((row.until.getTime() - Date.now()) / 1000));
    const minutes = Math.ceil(retryAfterSeconds / 60);
    throw new AppError(
      'LOGIN_THROTTLED',
      { retryAfterSeconds, retryAt: row.until.toISOString() },
      `登录失败次数过多，请于 ${minutes} 分钟后（${formatClock(row.until)}）再试`,
    );
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    await this.bump(keys.account, this.limits.account);
    if (keys.address) await this.bump(keys.address, this.limits.address);
  }

  /** A successful login clears its account's count (not the address's: that is shared). */
  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.platform.query(`DELETE FROM login_throttle WHERE key = $1`, [keys.account]);
  }

  private async bump(key: string, max: number): Promise<void> {
    // Counts restart after a quiet window, unless the key is already past its limit (then the
    // lock keeps growing until a success or a quiet day).
    await this.platform.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE
           WHEN (t.failures < $2 AND t.window_started_at < now() - make_interval(mins => $3))
             OR t.window_started_at < now() - interval '1 day' THEN 1
           ELSE t.failures + 1 END,
         window_started_at = CASE
           WHEN (t.failures < $2 AND t.window_started_at < now() - make_interval(mins => $3))
             OR t.window_started_at < now() - interval '1 day' THEN now()
           ELSE t.window_started_at END`,
      [key, max, WINDOW_MINUTES],
    );
    await this.platform.query(
      `UPDATE login_throttle
          SET locked_until = now() + make_interval(mins => least(power(2, failures - $2), $3)::int)
        WHERE key = $1 AND failures >= $2`,
      [key, max, MAX_LOCK_MINUTES],
    );
  }
}
