/** Roles of DESIGN.md "Users and roles". Stable ids: stored in user_roles.role, never renamed. */
export const ROLES = [
  'platform_admin',
  'tenant_admin',
  'dept_editor',
  'dept_head',
  'finance_reviewer',
  'finance_approver',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: '平台管理员',
  tenant_admin: '县级管理员',
  dept_editor: '编制人',
  dept_head: '部门负责人',
  finance_reviewer: '财政局审核人',
  finance_approver: '财政局领导',
};

/** Roles held by staff of a budget department (预算部门/单位). */
export const DEPARTMENT_ROLES: readonly Role[] = ['dept_editor', 'dept_head'];
/** Roles held by staff of the county finance bureau (财政局). */
export const FINANCE_ROLES: readonly Role[] = ['finance_reviewer', 'finance_approver'];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
