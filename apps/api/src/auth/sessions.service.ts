import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError, isRole, type DepartmentKind, type Principal, type Role } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { SessionCache } from './session-cache';
import { hashRefreshToken, newRefreshToken } from './tokens';

/** The principal of a live session, with the names the web app shows. */
export interface SessionPrincipal extends Principal {
  sessionId: string;
  tenantName: string | null;
  regionCode: string | null;
  departmentName: string | null;
  /** the password was set by an administrator: the session may do nothing but change it */
  mustChangePassword?: boolean;
}

interface SessionRow {
  session_id: string;
  user_id: string;
  revoked_at: Date | null;
  expires_at: Date;
  session_token_version: number;
  tenant_id: string | null;
  department_id: string | null;
  username: string;
  display_name: string;
  active: boolean;
  token_version: number;
  tenant_status: string | null;
  tenant_name: string | null;
  region_code: string | null;
  department_name: string | null;
  department_kind: DepartmentKind | null;
  roles: string[];
  must_change_password: boolean;
}

const SESSION_SQL = `
  SELECT s.id AS session_id, s.user_id, s.revoked_at, s.expires_at, s.token_version AS session_token_version,
         u.tenant_id, u.department_id, u.username, u.display_name, u.active, u.token_version, u.must_change_password,
         t.status AS tenant_status, t.name AS tenant_name, t.region_code,
         d.name AS department_name, d.kind AS department_kind,
         ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
    FROM auth_sessions s
    JOIN users u ON u.id = s.user_id
    LEFT JOIN tenants t ON t.id = u.tenant_id
    LEFT JOIN departments d ON d.id = u.department_id`;

export interface OpenedSession {
  sessionId: string;
  refreshToken: string;
}

/**
 * Sessions are refresh-token families. Every request checks its session (one query on the
 * platform connection), so logout, deactivation, password resets and suspended counties end
 * access at once — not when the access token expires.
 */
@Injectable()
export class SessionsService {
  private readonly refreshTtlSeconds: number;
  private readonly refreshSecret: string;

  constructor(
    private readonly platform: PlatformDb,
    private readonly audit: AuditService,
    private readonly cache: SessionCache,
    config: ConfigService<AppConfig, true>,
  ) {
    const auth = config.get('auth', { infer: true });
    this.refreshTtlSeconds = auth.refreshTtlSeconds;
    this.refreshSecret = auth.refreshSecret;
  }

  /**
   * The principal behind a session, or the 401 that says why there is none. From the session cache when it holds the
   * session and the row still passes; otherwise (and whenever a cached row would refuse) from the database.
   */
  async resolve(sessionId: string, userId: string): Promise<SessionPrincipal> {
    if (!/^[0-9a-f-]{36}$/i.test(sessionId)) throw new AppError('TOKEN_INVALID');
    const cached = this.cache.get<SessionRow>(sessionId);
    if (cached) {
      try {
        return toPrincipal(cached, userId);
      } catch {
        // a refusal is never taken from memory: the database decides
      }
    }
    const generation = this.cache.generation;
    const [row] = await this.platform.query<SessionRow>(`${SESSION_SQL} WHERE s.id = $1`, [sessionId]);
    const principal = toPrincipal(row, userId);
    this.cache.put(sessionId, row, generation);
    return principal;
  }

  async open(
    em: EntityManager,
    user: { id: string; tenantId: string | null; tokenVersion: number },
    client: ClientInfo,
  ) {
    const [{ id }] = await em.query(
      `INSERT INTO auth_sessions (tenant_id, user_id, token_version, expires_at, client_ip, user_agent)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5, $6) RETURNING id`,
      [user.tenantId, user.id, user.tokenVersion, this.refreshTtlSeconds, client.ip ?? null, client.userAgent ?? null],
    );
    const refreshToken = await this.issueRefreshToken(em, id, user.tenantId);
    return { sessionId: id as string, refreshToken } satisfies OpenedSession;
  }

  /**
   * Exchanges a refresh token for a new one. A token already exchanged once means it was copied:
   * the whole family (session) is revoked, and the caller gets REFRESH_TOKEN_REUSED.
   */
  async rotate(refreshToken: string): Promise<{ principal: SessionPrincipal; refreshToken: string }> {
    const hash = hashRefreshToken(refreshToken, this.refreshSecret);
    const outcome = await this.platform.tx(async (em) => {
      const [token] = await em.query(
        `SELECT session_id, tenant_id, used_at, expires_at < now() AS expired
           FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hash],
      );
      if (!token) return { error: 'SESSION_ENDED' as const };
      if (token.used_at) {
        await em.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'refresh_reuse'
            WHERE id = $1 AND revoked_at IS NULL`,
          [token.session_id],
        );
        const [owner] = await em.query(
          `SELECT s.user_id, u.username FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
          [token.session_id],
        );
        await this.audit.record(em, {
          tenantId: token.tenant_id,
          action: 'auth.refresh_reused',
          targetType: 'session',
          targetId: token.session_id,
          outcome: 'denied',
          actor: { userId: owner?.user_id ?? null, username: owner?.username ?? null },
          details: { revokedSession: token.session_id },
        });
        return {
          error: 'REFRESH_TOKEN_REUSED' as const,
          sessionId: token.session_id as string,
          tenantId: token.tenant_id,
        };
      }
      if (token.expired) return { error: 'SESSION_ENDED' as const };
      const [row] = await em.query<SessionRow[]>(`${SESSION_SQL} WHERE s.id = $1 FOR UPDATE OF s`, [token.session_id]);
      const principal = toPrincipal(row, row?.user_id);
      await em.query(`UPDATE refresh_tokens SET used_at = now() WHERE token_hash = $1`, [hash]);
      await em.query(
        `UPDATE auth_sessions SET last_seen_at = now(), expires_at = now() + make_interval(secs => $2) WHERE id = $1`,
        [token.session_id, this.refreshTtlSeconds],
      );
      const next = await this.issueRefreshToken(em, token.session_id, token.tenant_id);
      return { principal, refreshToken: next };
    });
    if ('error' in outcome && outcome.error) {
      throw new AppError(
        outcome.error,
        outcome.error === 'REFRESH_TOKEN_REUSED' ? { sessionId: outcome.sessionId } : undefined,
      );
    }
    return outcome as { principal: SessionPrincipal; refreshToken: string };
  }

  /** The session a refresh token belongs to, if any (for logout without a valid access token). */
  async sessionOfRefreshToken(refreshToken: string): Promise<string | undefined> {
    const [row] = await this.platform.query<{ session_id: string }>(
      `SELECT session_id FROM refresh_tokens WHERE token_hash = $1`,
      [hashRefreshToken(refreshToken, this.refreshSecret)],
    );
    return row?.session_id;
  }

  async revoke(em: EntityManager, sessionId: string, reason: 'logout' | 'password_changed'): Promise<boolean> {
    const [, count] = await em.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
    return count > 0;
  }

  /** Ends every other session of a user (after a password change). */
  async revokeOthers(em: EntityManager, userId: string, keepSessionId: string): Promise<number> {
    const [, count] = await em.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'password_changed'
        WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keepSessionId],
    );
    return count;
  }

  private async issueRefreshToken(em: EntityManager, sessionId: string, tenantId: string | null): Promise<string> {
    const { token, hash } = newRefreshToken(this.refreshSecret);
    await em.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, tenant_id, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
      [hash, sessionId, tenantId, this.refreshTtlSeconds],
    );
    return token;
  }
}

export interface ClientInfo {
  ip?: string;
  userAgent?: string;
}

function toPrincipal(row: SessionRow | undefined, userId: string | undefined): SessionPrincipal {
  if (!row || row.user_id !== userId || row.revoked_at || row.expires_at.getTime() <= Date.now()) {
    throw new AppError('SESSION_ENDED');
  }
  // the most telling reason first: a deactivated account also has a raised token version
  if (!row.active) throw new AppError('ACCOUNT_DISABLED');
  if (row.tenant_id && row.tenant_status !== 'active') throw new AppError('TENANT_SUSPENDED');
  if (row.session_token_version !== row.token_version) throw new AppError('SESSION_ENDED');
  const roles = row.roles.filter(isRole) as Role[];
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    tenantId: row.tenant_id,
    departmentId: row.department_id,
    departmentKind: row.department_kind,
    roles,
    tenantName: row.tenant_name,
    regionCode: row.region_code,
    departmentName: row.department_name,
    mustChangePassword: row.must_change_password === true,
  };
}
