import { Injectable } from '@nestjs/common';
import { Argon2PasswordHasher } from '@evalflow/auth';
import {
  AppError,
  checkPasswordPolicy,
  describePasswordProblems,
  type AppAbility,
  type Principal,
} from '@evalflow/domain';
import { abilityFilter, PlatformDb, TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan, assertFieldsPermitted, sentFields } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { mapUniqueViolation } from '../http/pg-errors';
import { versionMismatch } from '../http/versioning';
import type {
  CreateTenantAdminDto,
  CreateTenantDto,
  TenantAdminView,
  TenantView,
  UpdateTenantDto,
} from './tenants.dto';

interface TenantRow {
  id: string;
  name: string;
  region_code: string;
  city: string;
  province: string;
  status: 'active' | 'suspended';
  version: number;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `t.id, t.name, t.region_code, t.city, t.province, t.status, t.version, t.created_at, t.updated_at`;

function toView(row: TenantRow): TenantView {
  return {
    id: row.id,
    name: row.name,
    regionCode: row.region_code,
    city: row.city,
    province: row.province,
    status: row.status,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Platform operators have no county; they work through the audited platform connection. */
const isPlatformOperator = (principal: Principal) => principal.tenantId === null;

@Injectable()
export class TenantsService {
  constructor(
    private readonly platform: PlatformDb,
    private readonly tenantDb: TenantDb,
    private readonly audit: AuditService,
    private readonly hasher: Argon2PasswordHasher,
  ) {}

  async list(principal: Principal, ability: AppAbility): Promise<TenantView[]> {
    const filter = abilityFilter(ability, 'read', 'Tenant', { id: 't.id' });
    const read = async (em: EntityManager) => {
      const rows: TenantRow[] = await em.query(
        `SELECT ${COLUMNS} FROM tenants t WHERE ${filter.sql} ORDER BY t.province, t.city, t.region_code`,
        filter.params,
      );
      return rows.map(toView);
    };
    if (!isPlatformOperator(principal)) return this.tenantDb.tx(read);
    return this.platform.tx(async (em) => {
      const tenants = await read(em);
      const admins = await this.adminsOf(
        em,
        tenants.map((t) => t.id),
      );
      return tenants.map((t) => ({ ...t, admins: admins.get(t.id) ?? [] }));
    });
  }

  async get(principal: Principal, ability: AppAbility, id: string): Promise<TenantView> {
    const read = async (em: EntityManager) => {
      const [row] = await em.query(`SELECT ${COLUMNS} FROM tenants t WHERE t.id = $1`, [id]);
      if (!row) throw new AppError('TENANT_NOT_FOUND');
      const view = toView(row);
      assertCan(ability, 'read', 'Tenant', view);
      return view;
    };
    if (!isPlatformOperator(principal)) return this.tenantDb.tx(read);
    return this.platform.tx(async (em) => {
      const view = await read(em);
      return { ...view, admins: (await this.adminsOf(em, [id])).get(id) ?? [] };
    });
  }

  async create(dto: CreateTenantDto): Promise<TenantView> {
    return this.platform
      .tx(async (em) => {
        const [row] = await em.query(
          `INSERT INTO tenants (name, region_code, city, province) VALUES ($1, $2, $3, $4)
           RETURNING id, name, region_code, city, province, status, version, created_at, updated_at`,
          [dto.name.trim(), dto.regionCode, dto.city.trim(), dto.province.trim()],
        );
        await this.audit.record(em, {
          tenantId: null, // platform administration is audited in the platform's own trail
          action: 'tenant.created',
          targetType: 'tenant',
          targetId: row.id,
          details: {
            tenantId: row.id,
            name: row.name,
            regionCode: row.region_code,
            city: row.city,
            province: row.province,
          },
        });
        return { ...toView(row), admins: [] };
      })
      .catch((error) => mapUniqueViolation(error, { tenants_region_code_key: 'REGION_CODE_TAKEN' }));
  }

  /** Renames, moves or suspends a county. Suspending ends all its sessions at once. */
  async update(ability: AppAbility, id: string, version: number, dto: UpdateTenantDto): Promise<TenantView> {
    return this.platform.tx(async (em) => {
      const [row] = await em.query(`SELECT ${COLUMNS} FROM tenants t WHERE t.id = $1 FOR UPDATE`, [id]);
      if (!row) throw new AppError('TENANT_NOT_FOUND');
      const current = toView(row);
      assertFieldsPermitted(ability, 'update', 'Tenant', current, sentFields(dto));
      const admins = (await this.adminsOf(em, [id])).get(id) ?? [];
      if (current.version !== version) throw versionMismatch(current.version, { ...current, admins });
      const next = {
        name: dto.name?.trim() ?? current.name,
        city: dto.city?.trim() ?? current.city,
        province: dto.province?.trim() ?? current.province,
        status: dto.status ?? current.status,
      };
      const changes = Object.fromEntries(
        Object.entries(next)
          .filter(([key, value]) => current[key as keyof typeof next] !== value)
          .map(([key, value]) => [key, { from: current[key as keyof typeof next], to: value }]),
      );
      // TypeORM answers an UPDATE … RETURNING with [rows, affected]
      if (Object.keys(changes).length === 0) return { ...current, admins };
      const [[updated]] = await em.query(
        `UPDATE tenants SET name = $2, city = $3, province = $4, status = $5, version = version + 1, updated_at = now()
          WHERE id = $1 RETURNING id, name, region_code, city, province, status, version, created_at, updated_at`,
        [id, next.name, next.city, next.province, next.status],
      );
      const action =
        'status' in changes
          ? next.status === 'suspended'
            ? 'tenant.suspended'
            : 'tenant.activated'
          : 'tenant.updated';
      await this.audit.record(em, {
        tenantId: null,
        action,
        targetType: 'tenant',
        targetId: id,
        details: { tenantId: id, changes },
      });
      return { ...toView(updated), admins };
    });
  }

  /** Creates a county's first (or a further) administrator. */
  async createAdmin(ability: AppAbility, tenantId: string, dto: CreateTenantAdminDto): Promise<TenantAdminView> {
    assertCan(ability, 'create', 'User', { tenantId, roles: ['tenant_admin'] });
    const problems = checkPasswordPolicy(dto.password, { username: dto.username });
    if (problems.length) {
      throw new AppError(
        'PASSWORD_POLICY',
        problems.map((p) => ({ field: 'password', rule: p.rule, message: p.message })),
        describePasswordProblems(problems),
      );
    }
    const hash = await this.hasher.hash(dto.password);
    return this.platform
      .tx(async (em) => {
        const [tenant] = await em.query(`SELECT id FROM tenants WHERE id = $1`, [tenantId]);
        if (!tenant) throw new AppError('TENANT_NOT_FOUND');
        const [user] = await em.query(
          `INSERT INTO users (tenant_id, username, display_name, password_hash, password_changed_at, must_change_password)
           VALUES ($1, $2, $3, $4, now(), true) RETURNING id, username, display_name, active`,
          [tenantId, dto.username, dto.displayName.trim(), hash],
        );
        await em.query(`INSERT INTO user_roles (user_id, role, tenant_id) VALUES ($1, 'tenant_admin', $2)`, [
          user.id,
          tenantId,
        ]);
        await this.audit.record(em, {
          tenantId: null,
          action: 'user.created',
          targetType: 'user',
          targetId: user.id,
          details: { tenantId, username: user.username, roles: ['tenant_admin'] },
        });
        return { id: user.id, username: user.username, displayName: user.display_name, active: user.active };
      })
      .catch((error) => mapUniqueViolation(error, { users_username_key: 'USERNAME_TAKEN' }));
  }

  private async adminsOf(em: EntityManager, tenantIds: string[]): Promise<Map<string, TenantAdminView[]>> {
    const rows = await em.query(
      `SELECT u.tenant_id, u.id, u.username, u.display_name, u.active
         FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'tenant_admin'
        WHERE u.tenant_id = ANY($1) ORDER BY u.username`,
      [tenantIds],
    );
    const map = new Map<string, TenantAdminView[]>();
    for (const r of rows) {
      const list = map.get(r.tenant_id) ?? [];
      list.push({ id: r.id, username: r.username, displayName: r.display_name, active: r.active });
      map.set(r.tenant_id, list);
    }
    return map;
  }
}
