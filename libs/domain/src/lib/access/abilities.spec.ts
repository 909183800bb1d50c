import { defineAbilityFor, tagged, UnknownRoleError } from './abilities';
import type { Principal } from './principal';
import type { Role } from '../tenancy/roles';

const T1 = '11111111-1111-1111-1111-111111111111';
const T2 = '22222222-2222-2222-2222-222222222222';
const D1 = 'd1111111-1111-1111-1111-111111111111';
const D2 = 'd2222222-2222-2222-2222-222222222222';

function principal(roles: Role[], overrides: Partial<Principal> = {}): Principal {
  return {
    userId: 'u-self',
    username: 'someone',
    displayName: '某人',
    tenantId: T1,
    departmentId: D1,
    departmentKind: 'budget_department',
    roles,
    ...overrides,
  };
}

describe('defineAbilityFor', () => {
  it('platform admin manages counties but reads no county data', () => {
    const a = defineAbilityFor(principal(['platform_admin'], { tenantId: null, departmentId: null }));
    expect(a.can('create', 'Tenant')).toBe(true);
    expect(a.can('update', tagged('Tenant', { id: T2 }), 'status')).toBe(true);
    expect(a.can('update', tagged('Tenant', { id: T2 }), 'regionCode')).toBe(false);
    expect(a.can('read', 'Department')).toBe(false);
    expect(a.can('read', tagged('AuditLog', { tenantId: T1 }))).toBe(false);
    expect(a.can('read', tagged('AuditLog', { tenantId: null }))).toBe(true);
  });

  it('platform admin may create only a sole tenant_admin, inside a county', () => {
    const a = defineAbilityFor(principal(['platform_admin'], { tenantId: null, departmentId: null }));
    expect(a.can('create', tagged('User', { tenantId: T1, roles: ['tenant_admin'] }))).toBe(true);
    expect(a.can('create', tagged('User', { tenantId: T1, roles: ['tenant_admin', 'dept_editor'] }))).toBe(false);
    expect(a.can('create', tagged('User', { tenantId: T1, roles: ['dept_editor'] }))).toBe(false);
    expect(a.can('create', tagged('User', { tenantId: null, roles: ['tenant_admin'] }))).toBe(false);
  });

  it('tenant admin manages its own county only, and cannot lock itself out', () => {
    const a = defineAbilityFor(principal(['tenant_admin'], { departmentId: null }));
    expect(a.can('update', tagged('Department', { id: D2, tenantId: T1 }), 'name')).toBe(true);
    expect(a.can('update', tagged('Department', { id: D2, tenantId: T2 }), 'name')).toBe(false);
    expect(a.can('update', tagged('User', { id: 'other', tenantId: T1 }), 'roles')).toBe(true);
    expect(a.can('update', tagged('User', { id: 'u-self', tenantId: T1 }), 'roles')).toBe(false);
    expect(a.can('update', tagged('User', { id: 'u-self', tenantId: T1 }), 'active')).toBe(false);
    expect(a.can('update', tagged('User', { id: 'u-self', tenantId: T1 }), 'displayName')).toBe(true);
    expect(a.can('create', 'Tenant')).toBe(false);
  });

  it('finance staff read every department of their county, department staff only their own', () => {
    const finance = defineAbilityFor(principal(['finance_reviewer'], { departmentKind: 'finance_bureau' }));
    expect(finance.can('read', tagged('Department', { id: D2, tenantId: T1 }))).toBe(true);
    expect(finance.can('read', tagged('Department', { id: D2, tenantId: T2 }))).toBe(false);
    expect(finance.can('update', 'Department')).toBe(false);
    const editor = defineAbilityFor(principal(['dept_editor']));
    expect(editor.can('read', tagged('Department', { id: D1, tenantId: T1 }))).toBe(true);
    expect(editor.can('read', tagged('Department', { id: D2, tenantId: T1 }))).toBe(false);
  });

  it('everyone reads a restricted view of its own account and nobody else', () => {
    const a = defineAbilityFor(principal(['dept_head']));
    expect(a.can('read', tagged('User', { id: 'u-self' }), 'displayName')).toBe(true);
    expect(a.can('read', tagged('User', { id: 'u-self' }), 'lastLoginAt')).toBe(false);
    expect(a.can('read', tagged('User', { id: 'someone-else' }))).toBe(false);
  });

  it('only the platform admin reaches system operations', () => {
    for (const role of ['tenant_admin', 'dept_editor', 'dept_head', 'finance_reviewer', 'finance_approver'] as Role[]) {
      expect(defineAbilityFor(principal([role])).can('manage', 'System')).toBe(false);
    }
    expect(defineAbilityFor(principal(['platform_admin'], { tenantId: null })).can('manage', 'System')).toBe(true);
  });

  it('refuses an unknown role instead of ignoring it', () => {
    expect(() => defineAbilityFor(principal(['root' as Role]))).toThrow(UnknownRoleError);
  });

  describe('reports', () => {
    const own = { tenantId: T1, departmentId: D1, status: 'draft' };
    const sibling = { tenantId: T1, departmentId: D2, status: 'draft' };
    const foreign = { tenantId: T2, departmentId: D1, status: 'draft' };

    it.each(['dept_editor', 'dept_head'] as Role[])('%s drafts its own department only', (role) => {
      const a = defineAbilityFor(principal([role]));
      for (const action of ['read', 'create', 'update'] as const) {
        expect(a.can(action, tagged('Report', own))).toBe(true);
        expect(a.can(action, tagged('Report', sibling))).toBe(false);
        expect(a.can(action, tagged('Report', foreign))).toBe(false);
      }
    });

    it.each(['finance_reviewer', 'finance_approver'] as Role[])(
      '%s reads every report of its county, edits none',
      (role) => {
        const a = defineAbilityFor(principal([role], { departmentId: D2, departmentKind: 'finance_bureau' }));
        expect(a.can('read', tagged('Report', own))).toBe(true);
        expect(a.can('read', tagged('Report', sibling))).toBe(true);
        expect(a.can('read', tagged('Report', foreign))).toBe(false);
        expect(a.can('update', tagged('Report', own))).toBe(false);
        expect(a.can('create', 'Report')).toBe(false);
      },
    );

    it('administrators see no report content', () => {
      expect(defineAbilityFor(principal(['tenant_admin'], { departmentId: null })).can('read', 'Report')).toBe(false);
      expect(
        defineAbilityFor(principal(['platform_admin'], { tenantId: null, departmentId: null })).can('read', 'Report'),
      ).toBe(false);
    });

    it('only the tenant admin changes its county settings; every county user reads them', () => {
      const admin = defineAbilityFor(principal(['tenant_admin'], { departmentId: null }));
      expect(admin.can('update', tagged('TenantSettings', { tenantId: T1 }))).toBe(true);
      expect(admin.can('update', tagged('TenantSettings', { tenantId: T2 }))).toBe(false);
      const editor = defineAbilityFor(principal(['dept_editor']));
      expect(editor.can('read', tagged('TenantSettings', { tenantId: T1 }))).toBe(true);
      expect(editor.can('update', tagged('TenantSettings', { tenantId: T1 }))).toBe(false);
      const platform = defineAbilityFor(principal(['platform_admin'], { tenantId: null, departmentId: null }));
      expect(platform.can('read', 'TenantSettings')).toBe(false);
    });
  });

  it('every county user reads and marks its own notifications only; the platform operator has no inbox', () => {
    const editor = defineAbilityFor(principal(['dept_editor']));
    expect(editor.can('read', tagged('Notification', { userId: 'u-self' }))).toBe(true);
    expect(editor.can('update', tagged('Notification', { userId: 'u-self' }))).toBe(true);
    expect(editor.can('read', tagged('Notification', { userId: 'u-other' }))).toBe(false);
    const platform = defineAbilityFor(principal(['platform_admin'], { tenantId: null, departmentId: null }));
    expect(platform.can('read', 'Notification')).toBe(false);
  });
});
