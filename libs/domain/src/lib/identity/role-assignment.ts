import type { DepartmentKind } from '../tenancy/organisation';
import { ROLE_LABELS, type Role } from '../tenancy/roles';

export interface RoleAssignmentProblem {
  field: 'roles' | 'departmentId';
  message: string;
}

/** Department staff roles need a budget department; finance roles need the finance bureau. */
const REQUIRED_KIND: Partial<Record<Role, DepartmentKind>> = {
  dept_editor: 'budget_department',
  dept_head: 'budget_department',
  finance_reviewer: 'finance_bureau',
  finance_approver: 'finance_bureau',
};

/**
 * Checks the roles a county administrator gives a user against the user's department.
 * A county may not create platform operators.
 */
export function checkRoleAssignment(
  roles: Role[],
  department: { kind: DepartmentKind } | null,
): RoleAssignmentProblem[] {
  const problems: RoleAssignmentProblem[] = [];
  if (roles.length === 0) problems.push({ field: 'roles', message: '至少需要一个角色' });
  if (new Set(roles).size !== roles.length) problems.push({ field: 'roles', message: '角色不能重复' });
  if (roles.includes('platform_admin')) {
    problems.push({ field: 'roles', message: '不能在县（区）内授予平台管理员角色' });
  }
  for (const role of roles) {
    const kind = REQUIRED_KIND[role];
    if (!kind) continue;
    if (!department) {
      problems.push({ field: 'departmentId', message: `「${ROLE_LABELS[role]}」角色需要指定所在部门` });
    } else if (department.kind !== kind) {
      const where = kind === 'finance_bureau' ? '财政局' : '预算部门（单位）';
      problems.push({ field: 'departmentId', message: `「${ROLE_LABELS[role]}」角色只能授予${where}的人员` });
    }
  }
  return problems;
}
