import { Injectable } from '@nestjs/common';
import { permittedFieldsOf } from '@casl/ability/extra';
import { Argon2PasswordHasher } from '@evalflow/auth';
import {
  AppError,
  checkPasswordPolicy,
  checkRoleAssignment,
  describePasswordProblems,
  isRole,
  tagged,
  type AppAbility,
  type DepartmentKind,
  type Principal,
  type Role,
} from '@evalflow/domain';
import { abilityFilter, containsPattern, TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan, assertFieldsPermitted, sentFields } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { mapUniqueViolation } from '../http/pg-errors';
import { fieldInvalid } from '../http/validation';
import { versionMismatch } from '../http/versioning';
import type { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserPage, UserView } from './users.dto';

const SELECT = `
  SELECT u.id, u.tenant_id, u.username, u.display_name, u.email, u.department_id, d.name AS department_name,
         u.active, u.last_login_at, u.created_at, u.version,
         ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles
    FROM users u LEFT JOIN departments d ON d.id = u.department_id`;

const COLUMNS = { id: 'u.id', tenantId: 'u.tenant_id', departmentId: 'u.department_id' };
const ALL_FIELDS = [
  'id',
  'tenantId',
  'username',
  'displayName',
  'departmentId',
  'departmentName',
  'roles',
  'email',
  'active',
  'lastLoginAt',
  'createdAt',
  'version',
];

type FullUser = Required<UserView>;

function normaliseEmail(email: string | null | undefined): string | null {
  return email?.trim().toLowerCase() || null;
}

function toView(r: Record<string, unknown>): FullUser {
  return {
    id: r['id'] as string,
    tenantId: r['tenant_id'] as string,
    username: r['username'] as string,
    displayName: r['display_name'] as string,
    departmentId: (r['department_id'] as string | null) ?? null,
    departmentName: (r['department_name'] as string | null) ?? null,
    roles: (r['roles'] as string[]).filter(isRole),
    email: (r['email'] as string | null) ?? null,
    active: r['active'] as boolean,
    lastLoginAt: r['last_login_at'] ? (r['last_login_at'] as Date).toISOString() : null,
    createdAt: (r['created_at'] as Date).toISOString(),
    version: r['version'] as number,
  };
}

/** Only the fields the ability lets this caller read (a user sees less of itself than an admin does). */
function visible(ability: AppAbility, user: FullUser): UserView {
  const fields = permittedFieldsOf(ability, 'read', tagged('User', user), {
    fieldsFrom: (rule) => rule.fields ?? ALL_FIELDS,
  });
  return Object.fromEntries(Object.entries(user).filter(([key]) => fields.includes(key))) as unknown as UserView;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    private readonly hasher: Argon2PasswordHasher,
  ) {}

  list(ability: AppAbility, query: ListUsersQuery): Promise<UserPage> {
    const filter = abilityFilter(ability, 'read', 'User', COLUMNS);
    const where = [filter.sql];
    const params = [...filter.params];
    if (query.departmentId) where.push(`u.department_id = $${params.push(query.departmentId)}`);
    if (query.role)
      where.push(`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = $${params.push(query.role)})`);
    if (query.active !== undefined) where.push(`u.active = $${params.push(query.active)}`);
    if (query.q?.trim()) {
      where.push(
        `(u.username ILIKE $${params.push(containsPattern(query.q))} OR u.display_name ILIKE $${params.length})`,
      );
    }
    if (query.after) where.push(`u.username > $${params.push(query.after)}`);
    const limit = query.limit ?? 50;
    return this.db.tx(async (em) => {
      const rows = await em.query(
        `${SELECT} WHERE ${where.join(' AND ')} ORDER BY u.username LIMIT ${limit + 1}`,
        params,
      );
      const page = rows.slice(0, limit).map(toView);
      return {
        items: page.map((u: FullUser) => visible(ability, u)),
        nextAfter: rows.length > limit ? page[page.length - 1].username : null,
      };
    });
  }

  get(ability: AppAbility, id: string): Promise<UserView> {
    return this.db.tx(async (em) => {
      const user = await this.find(em, id);
      assertCan(ability, 'read', 'User', user);
      return visible(ability, user);
    });
  }

  async create(principal: Principal, ability: AppAbility, dto: CreateUserDto): Promise<UserView> {
    assertCan(ability, 'create', 'User', { tenantId: principal.tenantId, roles: dto.roles });
    this.assertPassword(dto.password, dto.username, 'password');
    const hash = await this.hasher.hash(dto.password);
    const tenantId = principal.tenantId as string;
    return this.db
      .tx(async (em) => {
        const departmentId = dto.departmentId ?? null;
        await this.assertRolesFit(em, dto.roles, departmentId);
        const [{ id }] = await em.query(
          `INSERT INTO users (tenant_id, department_id, username, display_name, email, password_hash, password_changed_at,
                              must_change_password)
           VALUES ($1, $2, $3, $4, $5, $6, now(), true) RETURNING id`,
          [tenantId, departmentId, dto.username, dto.displayName.trim(), normaliseEmail(dto.email), hash],
        );
        await this.setRoles(em, tenantId, id, dto.roles, principal.userId);
        const user = await this.find(em, id);
        await this.audit.record(em, {
          tenantId,
          action: 'user.created',
          targetType: 'user',
          targetId: id,
          details: { username: user.username, roles: user.roles, departmentId },
        });
        return visible(ability, user);
      })
      .catch((error) => mapUniqueViolation(error, { users_username_key: 'USERNAME_TAKEN' }));
  }

  update(
    principal: Principal,
    ability: AppAbility,
    id: string,
    version: number,
    dto: UpdateUserDto,
  ): Promise<UserView> {
    return this.db.tx(async (em) => {
      const current = await this.find(em, id, true);
      assertCan(ability, 'read', 'User', current);
      assertFieldsPermitted(ability, 'update', 'User', current, sentFields(dto));
      if (current.version !== version) throw versionMismatch(current.version, visible(ability, current));
      const next = {
        displayName: dto.displayName?.trim() ?? current.displayName,
        email: dto.email === undefined ? current.email : normaliseEmail(dto.email),
        departmentId: dto.departmentId === undefined ? current.departmentId : dto.departmentId,
        roles: dto.roles ? [...new Set(dto.roles)].sort() : current.roles,
        active: dto.active ?? current.active,
      };
      const rolesChanged = next.roles.join() !== current.roles.join();
      const departmentChanged = next.departmentId !== current.departmentId;
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['displayName', 'email', 'departmentId', 'active'] as const) {
        if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
      }
      if (rolesChanged) changes['roles'] = { from: current.roles, to: next.roles };
      if (Object.keys(changes).length === 0) return visible(ability, current); // nothing to change, nothing to audit
      if (rolesChanged || departmentChanged) {
        // moving someone needs an active department; staying in a since-deactivated one is allowed
        await this.assertRolesFit(em, next.roles, next.departmentId, departmentChanged);
      }
      // Deactivating raises the token version: every session of the user ends with its next request.
      const endSessions = current.active && !next.active;
      await em.query(
        `UPDATE users SET display_name = $2, department_id = $3, active = $4,
                token_version = token_version + $5, email = $6, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, next.displayName, next.departmentId, next.active, endSessions ? 1 : 0, next.email],
      );
      if (rolesChanged) await this.setRoles(em, current.tenantId, id, next.roles, principal.userId);
      await this.audit.record(em, {
        tenantId: current.tenantId,
        action: endSessions ? 'user.deactivated' : 'user.updated',
        targetType: 'user',
        targetId: id,
        details: { username: current.username, changes },
      });
      return visible(ability, await this.find(em, id));
    });
  }

  /** Sets a new password for someone else and ends all of that user's sessions. */
  resetPassword(ability: AppAbility, id: string, dto: ResetPasswordDto): Promise<void> {
    return this.db.tx(async (em) => {
      const user = await this.find(em, id, true);
      assertCan(ability, 'read', 'User', user);
      assertCan(ability, 'resetPassword', 'User', user);
      this.assertPassword(dto.newPassword, user.username, 'newPassword');
      const hash = await this.hasher.hash(dto.newPassword);
      await em.query(
        `UPDATE users SET password_hash = $2, password_changed_at = now(), token_version = token_version + 1,
                must_change_password = true, version = version + 1, updated_at = now() WHERE id = $1`,
        [id, hash],
      );
      await this.audit.record(em, {
        tenantId: user.tenantId,
        action: 'user.password_reset',
        targetType: 'user',
        targetId: id,
        details: { username: user.username },
      });
    });
  }

  private assertPassword(password: string, username: string, field: string): void {
    const problems = checkPasswordPolicy(password, { username });
    if (problems.length) {
      throw new AppError(
        'PASSWORD_POLICY',
        problems.map((p) => ({ field, rule: p.rule, message: p.message })),
        describePasswordProblems(problems),
      );
    }
  }

  private async assertRolesFit(
    em: EntityManager,
    roles: Role[],
    departmentId: string | null,
    mustBeActive = true,
  ): Promise<void> {
    let department: { kind: DepartmentKind } | null = null;
    if (departmentId) {
      const [row] = await em.query(`SELECT kind, active FROM departments WHERE id = $1`, [departmentId]);
      if (!row || (mustBeActive && !row.active)) {
        throw fieldInvalid('departmentId', 'exists', '部门不存在或已停用');
      }
      department = { kind: row.kind };
    }
    const problems = checkRoleAssignment(roles, department);
    if (problems.length) {
      throw new AppError(
        'ROLE_ASSIGNMENT_INVALID',
        problems,
        `角色与所在部门不匹配：${problems.map((p) => p.message).join('；')}`,
      );
    }
  }

  private async setRoles(em: EntityManager, tenantId: string, userId: string, roles: Role[], grantedBy: string) {
    await em.query(`DELETE FROM user_roles WHERE user_id = $1`, [userId]);
    for (const role of [...new Set(roles)]) {
      await em.query(`INSERT INTO user_roles (user_id, role, tenant_id, granted_by) VALUES ($1, $2, $3, $4)`, [
        userId,
        role,
        tenantId,
        grantedBy,
      ]);
    }
  }

  private async find(em: EntityManager, id: string, forUpdate = false): Promise<FullUser> {
    const [row] = await em.query(`${SELECT} WHERE u.id = $1${forUpdate ? ' FOR UPDATE OF u' : ''}`, [id]);
    if (!row) throw new AppError('USER_NOT_FOUND');
    return toView(row);
  }
}
