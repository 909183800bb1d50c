import { Injectable } from '@nestjs/common';
import { AppError, checkRoleAssignment, isRole, type AppAbility, type Principal } from '@evalflow/domain';
import { abilityFilter, containsPattern, TenantDb } from '@evalflow/persistence';
import type { EntityManager } from 'typeorm';
import { assertCan, assertFieldsPermitted, sentFields } from '../access/object-checks';
import { AuditService } from '../audit/audit.service';
import { mapUniqueViolation } from '../http/pg-errors';
import { versionMismatch } from '../http/versioning';
import type { CreateDepartmentDto, DepartmentView, ListDepartmentsQuery, UpdateDepartmentDto } from './departments.dto';

const SELECT = `
  SELECT d.id, d.tenant_id, d.name, d.kind, d.unit_nature, d.unit_level, d.funding_form, d.budget_code,
         d.active, d.version, d.updated_at,
         (SELECT count(*)::int FROM users u WHERE u.department_id = d.id) AS user_count
    FROM departments d`;

/** Ability fields → columns, for list filters built from the ability. */
const COLUMNS = { id: 'd.id', tenantId: 'd.tenant_id', kind: 'd.kind' };

const UNIQUE_KEYS = {
  departments_tenant_id_name_key: 'DEPARTMENT_NAME_TAKEN',
  departments_tenant_id_budget_code_key: 'BUDGET_CODE_TAKEN',
} as const;

function toView(r: Record<string, unknown>): DepartmentView {
  return {
    id: r['id'] as string,
    tenantId: r['tenant_id'] as string,
    name: r['name'] as string,
    kind: r['kind'] as DepartmentView['kind'],
    unitNature: r['unit_nature'] as string | null,
    unitLevel: r['unit_level'] as string | null,
    fundingForm: r['funding_form'] as string | null,
    budgetCode: r['budget_code'] as string | null,
    active: r['active'] as boolean,
    userCount: r['user_count'] as number,
    version: r['version'] as number,
    updatedAt: (r['updated_at'] as Date).toISOString(),
  };
}

const blankToNull = (value: string | null | undefined) => {
  if (value === undefined) return undefined;
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(ability: AppAbility, query: ListDepartmentsQuery): Promise<DepartmentView[]> {
    const filter = abilityFilter(ability, 'read', 'Department', COLUMNS);
    const where = [filter.sql];
    const params = [...filter.params];
    if (query.kind) where.push(`d.kind = $${params.push(query.kind)}`);
    if (query.q?.trim()) {
      where.push(`(d.name ILIKE $${params.push(containsPattern(query.q))} OR d.budget_code ILIKE $${params.length})`);
    }
    return this.db.tx(async (em) =>
      (await em.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.kind DESC, d.name`, params)).map(toView),
    );
  }

  get(ability: AppAbility, id: string): Promise<DepartmentView> {
    return this.db.tx(async (em) => {
      const view = await this.find(em, id);
      assertCan(ability, 'read', 'Department', view);
      return view;
    });
  }

  create(principal: Principal, ability: AppAbility, dto: CreateDepartmentDto): Promise<DepartmentView> {
    const tenantId = principal.tenantId as string;
    assertCan(ability, 'create', 'Department', { tenantId, kind: dto.kind });
    return this.db
      .tx(async (em) => {
        const [{ id }] = await em.query(
          `INSERT INTO departments (tenant_id, name, kind, unit_nature, unit_level, funding_form, budget_code)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [
            tenantId,
            dto.name.trim(),
            dto.kind,
            blankToNull(dto.unitNature) ?? null,
            blankToNull(dto.unitLevel) ?? null,
            blankToNull(dto.fundingForm) ?? null,
            blankToNull(dto.budgetCode) ?? null,
          ],
        );
        const view = await this.find(em, id);
        await this.audit.record(em, {
          tenantId,
          action: 'department.created',
          targetType: 'department',
          targetId: id,
          details: { name: view.name, kind: view.kind },
        });
        return view;
      })
      .catch((error) => mapUniqueViolation(error, UNIQUE_KEYS));
  }

  update(ability: AppAbility, id: string, version: number, dto: UpdateDepartmentDto): Promise<DepartmentView> {
    return this.db
      .tx(async (em) => {
        const current = await this.find(em, id, true);
        assertCan(ability, 'read', 'Department', current);
        assertFieldsPermitted(ability, 'update', 'Department', current, sentFields(dto));
        if (current.version !== version) throw versionMismatch(current.version, current);
        const next = {
          name: dto.name?.trim() ?? current.name,
          kind: dto.kind ?? current.kind,
          unitNature: dto.unitNature === undefined ? current.unitNature : (blankToNull(dto.unitNature) ?? null),
          unitLevel: dto.unitLevel === undefined ? current.unitLevel : (blankToNull(dto.unitLevel) ?? null),
          fundingForm: dto.fundingForm === undefined ? current.fundingForm : (blankToNull(dto.fundingForm) ?? null),
          budgetCode: dto.budgetCode === undefined ? current.budgetCode : (blankToNull(dto.budgetCode) ?? null),
          active: dto.active ?? current.active,
        };
        const changes = Object.fromEntries(
          Object.entries(next)
            .filter(([key, value]) => current[key as keyof typeof next] !== value)
            .map(([key, value]) => [key, { from: current[key as keyof typeof next], to: value }]),
        );
        if (Object.keys(changes).length === 0) return current; // nothing to change, nothing to audit
        if (next.kind !== current.kind) await this.assertStaffFitKind(em, id, next.kind);
        await em.query(
          `UPDATE departments SET name = $2, kind = $3, unit_nature = $4, unit_level = $5, funding_form = $6,
                  budget_code = $7, active = $8, version = version + 1, updated_at = now()
            WHERE id = $1`,
          [id, next.name, next.kind, next.unitNature, next.unitLevel, next.fundingForm, next.budgetCode, next.active],
        );
        await this.audit.record(em, {
          tenantId: current.tenantId,
          action: 'department.updated',
          targetType: 'department',
          targetId: id,
          details: { changes },
        });
        return this.find(em, id);
      })
      .catch((error) => mapUniqueViolation(error, UNIQUE_KEYS));
  }

  /** Changing a department's kind must not leave its staff with roles the new kind forbids. */
  private async assertStaffFitKind(em: EntityManager, id: string, kind: DepartmentView['kind']): Promise<void> {
    const staff: Array<{ username: string; roles: string[] }> = await em.query(
      `SELECT u.username, ARRAY(SELECT role FROM user_roles r WHERE r.user_id = u.id) AS roles
         FROM users u WHERE u.department_id = $1`,
      [id],
    );
    const misfits = staff.filter((u) => checkRoleAssignment(u.roles.filter(isRole), { kind }).length > 0);
    if (misfits.length) {
      throw new AppError(
        'ROLE_ASSIGNMENT_INVALID',
        { users: misfits.map((u) => u.username) },
        `部门内仍有人员的角色与新的部门类型不符：${misfits.map((u) => u.username).join('、')}`,
      );
    }
  }

  private async find(em: EntityManager, id: string, forUpdate = false): Promise<DepartmentView> {
    const [row] = await em.query(`${SELECT} WHERE d.id = $1${forUpdate ? ' FOR UPDATE OF d' : ''}`, [id]);
    if (!row) throw new AppError('DEPARTMENT_NOT_FOUND');
    return toView(row);
  }
}
