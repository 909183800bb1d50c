import { ROLE_LABELS, type Role } from '@evalflow/domain';

/** Roles a county administrator may grant (platform operators are never created inside a county). */
export const ASSIGNABLE_ROLES: Role[] = [
  'tenant_admin',
  'dept_editor',
  'dept_head',
  'finance_reviewer',
  'finance_approver',
];

/** Where each role belongs, shown beside its checkbox. */
export const ROLE_HINTS: Partial<Record<Role, string>> = {
  tenant_admin: '管理本县（区）部门与用户',
  dept_editor: '预算部门人员，填报自评',
  dept_head: '预算部门人员，审定后提交',
  finance_reviewer: '财政局人员，审核自评',
  finance_approver: '财政局人员，审批自评',
};

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role] ?? role;
}
