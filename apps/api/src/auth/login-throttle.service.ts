import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';

/** Failures are counted in a 15-minute window; a lock lasts 1, 2, 4 … up to 30 minutes. */
const WINDOW_MS = 15 * 60_000;
const MAX_LOCK_MINUTES = 30;
const DAY_MS = 24 * 3600_000;

export interface ThrottleKeys {
  account: string;
  address: string | null;
}

export function throttleKeys(username: string, clientIp: string | undefined): ThrottleKeys {
  const digest = createHash('sha256').update(username.trim().toLowerCase()).digest('hex');
  return { account: `account:${digest}`, address: clientIp ? `address:${clientIp}` : null };
}

/** A lock this attempt would start should it fail: audited once, with what led to it. */
export interface PendingLock {
  kind: 'account' | 'address';
  failures: number;
  lockedUntil: Date;
  /** attempts refused during the key's previous lock (counted, not audited one by one) */
  refusedDuringPreviousLock: number;
}

/** One attempt's claim on its keys' budgets, made before the password is checked. */
export interface Reservation {
  keys: ThrottleKeys;
  locks: PendingLock[];
}

interface ThrottleRow {
  key: string;
  failures: number;
  window_started_at: Date;
  locked_until: Date | null;
  refused: number;
}

function formatClock(date: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

function throttled(until: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    'LOGIN_THROTTLED',
    { retryAfterSeconds, retryAt: until.toISOString() },
    `登录失败次数过多，请于 ${minutes} 分钟后（${formatClock(until)}）再试`,
  );
}

/**
 * Throttles password guesses per account and per client address, whether or not the account exists
 * (so the answer reveals nothing). Each attempt is counted as a failure *before* its password is
 * checked, under the keys' row locks, and handed back on success: a burst of parallel guesses gets
 * no more tries than a sequence. Attempts refused during a lock only bump a counter.
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

  /** Claims one attempt on every key, or throws LOGIN_THROTTLED (429) if one of them is locked. */
  async reserve(keys: ThrottleKeys): Promise<Reservation> {
    const list = [keys.account, keys.address].filter((k): k is string => k !== null).sort();
    const outcome = await this.platform.tx(async (em) => {
      await em.query(
        `INSERT INTO login_throttle (key, failures, window_started_at)
         SELECT k, 0, now() FROM unnest($1::text[]) AS k ON CONFLICT (key) DO NOTHING`,
        [list],
      );
      const rows: Array<ThrottleRow & { now: Date }> = await em.query(
        `SELECT key, failures, window_started_at, locked_until, refused, now() AS now
           FROM login_throttle WHERE key = ANY($1) ORDER BY key FOR UPDATE`,
        [list],
      );
      const now = rows[0].now;
      const locked = rows.filter((r) => r.locked_until && r.locked_until > now);
      if (locked.length) {
        await em.query(`UPDATE login_throttle SET refused = refused + 1 WHERE key = ANY($1)`, [
          locked.map((r) => r.key),
        ]);
        const until = new Date(Math.max(...locked.map((r) => (r.locked_until as Date).getTime())));
        return { until, locks: [] };
      }
      const locks: PendingLock[] = [];
      for (const row of rows) {
        const kind = row.key === keys.account ? 'account' : 'address';
        const max = this.limits[kind];
        const age = now.getTime() - row.window_started_at.getTime();
        const restart = (row.failures < max && age > WINDOW_MS) || age > DAY_MS;
        const failures = (restart ? 0 : row.failures) + 1;
        let lockedUntil: Date | null = null;
        if (failures >= max) {
          const minutes = Math.min(2 ** (failures - max), MAX_LOCK_MINUTES);
          lockedUntil = new Date(now.getTime() + minutes * 60_000);
          locks.push({ kind, failures, lockedUntil, refusedDuringPreviousLock: row.refused });
        }
        await em.query(
          `UPDATE login_throttle
              SET failures = $2, window_started_at = CASE WHEN $3 THEN now() ELSE window_started_at END,
                  locked_until = coalesce($4, locked_until), refused = CASE WHEN $4::timestamptz IS NULL THEN refused ELSE 0 END
            WHERE key = $1`,
          [row.key, failures, restart, lockedUntil],
        );
      }
      return { until: null, locks };
    });
    if (outcome.until) throw throttled(outcome.until);
    return { keys, locks: outcome.locks };
  }

  /**
   * The attempt succeeded: its account starts afresh, and the address gets its attempt back (and
   * loses a lock that this very attempt would have started).
   */
  async release(reservation: Reservation): Promise<void> {
    const { keys } = reservation;
    await this.platform.query(`DELETE FROM login_throttle WHERE key = $1`, [keys.account]);
    if (!keys.address) return;
    const pendingAddressLock = reservation.locks.some((l) => l.kind === 'address');
    await this.platform.query(
      `UPDATE login_throttle
          SET failures = greatest(failures - 1, 0),
              locked_until = CASE WHEN $2 THEN NULL ELSE locked_until END
        WHERE key = $1`,
      [keys.address, pendingAddressLock],
    );
  }

  /** The audit entry of each lock the failed attempt started (one entry per lock, never per refusal). */
  lockAuditDetails(reservation: Reservation): Array<Record<string, unknown>> {
    return reservation.locks.map((lock) => ({
      kind: lock.kind,
      failures: lock.failures,
      lockedUntil: lock.lockedUntil.toISOString(),
      refusedDuringPreviousLock: lock.refusedDuringPreviousLock,
    }));
  }
}
