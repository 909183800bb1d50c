import {
  DEPARTMENT_KIND_LABELS,
  isRole,
  ROLE_LABELS,
  TENANT_STATUS_LABELS,
  type DepartmentKind,
  type TenantStatus,
} from '@evalflow/domain';
import type { AuditOutcome } from '../../api/types';

/** Chinese names of the audited actions; an unknown action shows its code. */
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改本人密码',
  'auth.refresh_reused': '登录凭证被重复使用',
  'tenant.created': '新建县（区）',
  'tenant.updated': '修改县（区）',
  'tenant.suspended': '停用县（区）',
  'tenant.activated': '启用县（区）',
  'department.created': '新建部门',
  'department.updated': '修改部门',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.deactivated': '停用用户',
  'user.password_reset': '重置用户密码',
  'user.notification_settings_changed': '修改本人通知设置',
  'access.denied': '越权尝试',
  'publication.publish': '公开报告（随决算公开）',
  'publication.withdraw': '撤销公开',
};

/** The action filter: whole areas (by prefix) and single actions. */
export const ACTION_FILTER_GROUPS: Array<{ label: string; prefix: string; actions: string[] }> = [
  {
    label: '登录与账号',
    prefix: 'auth.',
    actions: ['auth.login', 'auth.logout', 'auth.password_changed', 'auth.refresh_reused'],
  },
  {
    label: '县（区）',
    prefix: 'tenant.',
    actions: ['tenant.created', 'tenant.updated', 'tenant.suspended', 'tenant.activated'],
  },
  { label: '部门', prefix: 'department.', actions: ['department.created', 'department.updated'] },
  {
    label: '用户',
    prefix: 'user.',
    actions: [
      'user.created',
      'user.updated',
      'user.deactivated',
      'user.password_reset',
      'user.notification_settings_changed',
    ],
  },
  { label: '权限', prefix: 'access.', actions: ['access.denied'] },
];

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: '成功', failure: '失败', denied: '拒绝' };
export const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };

export const TARGET_TYPE_LABELS: Record<string, string> = {
  tenant: '县（区）',
  department: '部门',
  user: '用户',
  session: '登录会话',
};

/** Why a login failed or was refused. */
export const LOGIN_REASON_LABELS: Record<string, string> = {
  wrong_password: '密码错误',
  unknown_user: '用户名不存在',
  account_disabled: '账号已停用',
  tenant_suspended: '县（区）已停用',
  throttled: '失败次数过多，暂停登录',
};

export const FIELD_LABELS: Record<string, string> = {
  name: '名称',
  regionCode: '行政区划代码',
  city: '所属市',
  province: '所属省',
  status: '状态',
  kind: '部门类型',
  unitNature: '单位性质',
  unitLevel: '单位规格',
  fundingForm: '经费保障形式',
  budgetCode: '预算单位编码',
  active: '启用',
  username: '用户名',
  displayName: '姓名',
  departmentId: '所在部门',
  roles: '角色',
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/**
 * A value of an audited field in words: statuses, kinds and roles by their labels, departments
 * by name when known, and 空 for nothing.
 */
export function formatAuditValue(
  field: string,
  value: unknown,
  departmentNames: Map<string, string> = new Map(),
): string {
  if (value === null || value === undefined || value === '') return '空';
  if (field === 'status' && typeof value === 'string') return TENANT_STATUS_LABELS[value as TenantStatus] ?? value;
  if (field === 'kind' && typeof value === 'string') return DEPARTMENT_KIND_LABELS[value as DepartmentKind] ?? value;
  if (field === 'active' && typeof value === 'boolean') return value ? '启用' : '停用';
  if (field === 'departmentId' && typeof value === 'string') return departmentNames.get(value) ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    return value.map((v) => (isRole(v) ? ROLE_LABELS[v] : String(v))).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One line per change recorded in `details.changes`: 「名称：甲 → 乙」. */
export function describeChanges(details: Record<string, unknown>, departmentNames?: Map<string, string>): string[] {
  const changes = details['changes'];
  if (!changes || typeof changes !== 'object') return [];
  return Object.entries(changes as Record<string, { from?: unknown; to?: unknown }>).map(
    ([field, change]) =>
      `${FIELD_LABELS[field] ?? field}：${formatAuditValue(field, change?.from, departmentNames)} → ${formatAuditValue(field, change?.to, departmentNames)}`,
  );
}

/** The other facts of an entry, in words (who was created, why a login failed, what was refused). */
export function describeFacts(details: Record<string, unknown>, departmentNames?: Map<string, string>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes') continue;
    if (key === 'reason' && typeof value === 'string') lines.push(`原因：${LOGIN_REASON_LABELS[value] ?? value}`);
    else if (key === 'route') lines.push(`接口：${details['method'] ?? ''} ${String(value)}`.trim());
    else if (key === 'method') continue;
    else if (key === 'code') lines.push(`错误代码：${String(value)}`);
    else if (key === 'otherSessionsEnded') lines.push(`退出其他登录：${String(value)} 个`);
    else if (key === 'by') lines.push(value === 'platform' ? '由平台管理员创建' : `创建方：${String(value)}`);
    else if (key === 'sessionId' || key === 'revokedSession') lines.push(`登录会话：${String(value).slice(0, 8)}…`);
    else if (key === 'refused') lines.push(`被拒绝的内容：${JSON.stringify(value)}`);
    else lines.push(`${FIELD_LABELS[key] ?? key}：${formatAuditValue(key, value, departmentNames)}`);
  }
  return lines;
}
