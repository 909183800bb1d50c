import { checkRoleAssignment } from './role-assignment';

describe('checkRoleAssignment', () => {
  it('lets department staff roles sit in a budget department and finance roles in the bureau', () => {
    expect(checkRoleAssignment(['dept_editor', 'dept_head'], { kind: 'budget_department' })).toEqual([]);
    expect(checkRoleAssignment(['finance_reviewer'], { kind: 'finance_bureau' })).toEqual([]);
    expect(checkRoleAssignment(['tenant_admin'], null)).toEqual([]);
    expect(checkRoleAssignment(['tenant_admin', 'finance_approver'], { kind: 'finance_bureau' })).toEqual([]);
  });

  it('explains a mismatch in Chinese, on the department field', () => {
    expect(checkRoleAssignment(['finance_reviewer'], { kind: 'budget_department' })).toEqual([
      { field: 'departmentId', message: '「财政局审核人」角色只能授予财政局的人员' },
    ]);
    expect(checkRoleAssignment(['dept_editor'], null)).toEqual([
      { field: 'departmentId', message: '「编制人」角色需要指定所在部门' },
    ]);
  });

  it('refuses no roles, duplicates and the platform role', () => {
    expect(checkRoleAssignment([], null).map((p) => p.message)).toEqual(['至少需要一个角色']);
    expect(checkRoleAssignment(['tenant_admin', 'tenant_admin'], null).map((p) => p.message)).toEqual(['角色不能重复']);
    expect(checkRoleAssignment(['platform_admin'], null).map((p) => p.message)).toEqual([
      '不能在县（区）内授予平台管理员角色',
    ]);
  });
});
