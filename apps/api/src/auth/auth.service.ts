import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { packRules } from '@casl/ability/extra';
import { Argon2PasswordHasher } from '@evalflow/auth';
import type { AppConfig } from '@evalflow/config';
import { AppError, checkPasswordPolicy, defineAbilityFor, describePasswordProblems } from '@evalflow/domain';
import { PlatformDb } from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import { LoginThrottleService, throttleKeys } from './login-throttle.service';
import { SessionsService, type ClientInfo, type SessionPrincipal } from './sessions.service';
import { TokenService } from './tokens';
import type { MeView, TokenView } from './auth.dto';

interface LoginRow {
  id: string;
  tenant_id: string | null;
  username: string;
  password_hash: string;
  active: boolean;
  token_version: number;
  tenant_status: string | null;
}

export interface IssuedTokens {
  view: TokenView;
  refreshToken: string;
}

@Injectable()
export class AuthService {
  private readonly accessTtlSeconds: number;
  /** Verified against when the username is unknown, so both failures take about the same time. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly platform: PlatformDb,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly hasher: Argon2PasswordHasher,
    config: ConfigService<AppConfig, true>,
  ) {
    this.accessTtlSeconds = config.get('auth', { infer: true }).accessTtlSeconds;
  }

  async login(usernameInput: string, password: string, client: ClientInfo): Promise<IssuedTokens> {
    const username = usernameInput.trim().toLowerCase();
    const [user] = await this.platform.query<LoginRow>(
      `SELECT u.id, u.tenant_id, u.username, u.password_hash, u.active, u.token_version, t.status AS tenant_status
         FROM users u LEFT JOIN tenants t ON t.id = u.tenant_id WHERE u.username = $1`,
      [username],
    );
    // counted before the password is checked, so parallel guesses get no extra tries; refusals are not audited
    const reservation = await this.throttle.reserve(throttleKeys(username, client.ip));
    this.dummyHash ??= this.hasher.hash('timing-equaliser-not-a-password');
    const valid = await this.hasher.verify(user?.password_hash ?? (await this.dummyHash), password);
    if (!user || !valid) {
      await this.recordLogin(user?.tenant_id ?? null, user?.id ?? null, username, 'failure', {
        reason: user ? 'wrong_password' : 'unknown_user',
      });
      for (const lock of this.throttle.lockAuditDetails(reservation)) {
        await this.recordLockStarted(lock['kind'] === 'account' ? (user?.tenant_id ?? null) : null, username, lock);
      }
      throw new AppError('INVALID_CREDENTIALS');
    }
    await this.throttle.release(reservation);
    if (!user.active) {
      await this.recordLogin(user.tenant_id, user.id, username, 'denied', { reason: 'account_disabled' });
      throw new AppError('ACCOUNT_DISABLED');
    }
    if (user.tenant_id && user.tenant_status !== 'active') {
      await this.recordLogin(user.tenant_id, user.id, username, 'denied', { reason: 'tenant_suspended' });
      throw new AppError('TENANT_SUSPENDED');
    }
    const rehash = this.hasher.needsRehash(user.password_hash) ? await this.hasher.hash(password) : null;
    const opened = await this.platform.tx(async (em) => {
      await em.query(
        `UPDATE users SET last_login_at = now(), password_hash = COALESCE($2, password_hash) WHERE id = $1`,
        [user.id, rehash],
      );
      const session = await this.sessions.open(
        em,
        { id: user.id, tenantId: user.tenant_id, tokenVersion: user.token_version },
        client,
      );
      await this.audit.record(em, {
        tenantId: user.tenant_id,
        action: 'auth.login',
        targetType: 'user',
        targetId: user.id,
        actor: { userId: user.id, username },
        details: { sessionId: session.sessionId },
      });
      return session;
    });
    const principal = await this.sessions.resolve(opened.sessionId, user.id);
    return { view: this.tokenView(principal), refreshToken: opened.refreshToken };
  }

  async refresh(refreshToken: string): Promise<IssuedTokens> {
    const { principal, refreshToken: next } = await this.sessions.rotate(refreshToken);
    return { view: this.tokenView(principal), refreshToken: next };
  }

  /** Ends the session of the access token or, without one, of the refresh token. */
  async logout(sessionId: string | undefined, refreshToken: string | undefined): Promise<void> {
    const id = sessionId ?? (refreshToken ? await this.sessions.sessionOfRefreshToken(refreshToken) : undefined);
    if (!id) return;
    await this.platform.tx(async (em) => {
      const [session] = await em.query(
        `SELECT s.tenant_id, s.user_id, u.username FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.id = $1`,
        [id],
      );
      if (!session || !(await this.sessions.revoke(em, id, 'logout'))) return;
      await this.audit.record(em, {
        tenantId: session.tenant_id,
        action: 'auth.logout',
        targetType: 'session',
        targetId: id,
        actor: { userId: session.user_id, username: session.username },
      });
    });
  }

  /** Changes the caller's own password and ends its other sessions. */
  async changePassword(principal: SessionPrincipal, current: string, next: string, client: ClientInfo): Promise<void> {
    const reservation = await this.throttle.reserve(throttleKeys(principal.username, client.ip));
    const [row] = await this.platform.query<{ password_hash: string }>(
      `SELECT password_hash FROM users WHERE id = $1`,
      [principal.userId],
    );
    if (!row || !(await this.hasher.verify(row.password_hash, current))) {
      for (const lock of this.throttle.lockAuditDetails(reservation)) {
        await this.recordLockStarted(lock['kind'] === 'account' ? principal.tenantId : null, principal.username, lock);
      }
      throw new AppError('CURRENT_PASSWORD_WRONG', [{ field: 'currentPassword', message: '当前密码不正确' }]);
    }
    await this.throttle.release(reservation);
    const problems = checkPasswordPolicy(next, { username: principal.username, currentPassword: current });
    if (problems.length) {
      throw new AppError(
        'PASSWORD_POLICY',
        problems.map((p) => ({ field: 'newPassword', rule: p.rule, message: p.message })),
        describePasswordProblems(problems),
      );
    }
    const hash = await this.hasher.hash(next);
    await this.platform.tx(async (em) => {
      await em.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), must_change_password = false WHERE id = $1`,
        [principal.userId, hash],
      );
      const ended = await this.sessions.revokeOthers(em, principal.userId, principal.sessionId);
      await this.audit.record(em, {
        tenantId: principal.tenantId,
        action: 'auth.password_changed',
        targetType: 'user',
        targetId: principal.userId,
        details: { otherSessionsEnded: ended, ...(principal.mustChangePassword && { setByAdministrator: true }) },
      });
    });
  }

  me(principal: SessionPrincipal): MeView {
    return {
      user: {
        id: principal.userId,
        username: principal.username,
        displayName: principal.displayName,
        roles: principal.roles,
        mustChangePassword: principal.mustChangePassword === true,
      },
      tenant: principal.tenantId
        ? { id: principal.tenantId, name: principal.tenantName ?? '', regionCode: principal.regionCode ?? '' }
        : null,
      department: principal.departmentId
        ? { id: principal.departmentId, name: principal.departmentName ?? '', kind: principal.departmentKind ?? '' }
        : null,
      abilities: packRules(defineAbilityFor(principal).rules),
    };
  }

  private tokenView(principal: SessionPrincipal): TokenView {
    return {
      accessToken: this.tokens.signAccess({ sub: principal.userId, sid: principal.sessionId, tid: principal.tenantId }),
      tokenType: 'Bearer',
      expiresIn: this.accessTtlSeconds,
      me: this.me(principal),
    };
  }

  private recordLogin(
    tenantId: string | null,
    userId: string | null,
    username: string,
    outcome: 'failure' | 'denied',
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.platform.tx((em) =>
      this.audit.record(em, {
        tenantId,
        action: 'auth.login',
        targetType: 'user',
        targetId: userId ?? undefined,
        outcome,
        actor: { userId, username: username.slice(0, 64) },
        details,
      }),
    );
  }

  /** One entry per lock: how many failures led to it, until when, and how many tries the previous one refused. */
  private recordLockStarted(
    tenantId: string | null,
    username: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    return this.platform.tx((em) =>
      this.audit.record(em, {
        tenantId,
        action: 'auth.login.locked',
        targetType: 'login_throttle',
        outcome: 'denied',
        actor: { userId: null, username: username.slice(0, 64) },
        details,
      }),
    );
  }
}
