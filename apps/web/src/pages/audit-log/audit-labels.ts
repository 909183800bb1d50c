import {
  DEPARTMENT_KIND_LABELS,
  EVIDENCE_LIMIT_LABELS,
  INFLATION_THRESHOLD_LABELS,
  isRole,
  isTransitionAction,
  REPORT_KIND_LABELS,
  REPORT_STATUS_LABELS,
  ROLE_LABELS,
  TENANT_STATUS_LABELS,
  transitionReasonLabel,
  TRANSITIONS,
  type DepartmentKind,
  type ReportKind,
  type ReportStatus,
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
  'auth.login.locked': '登录被暂时锁定',
  'api_key.created': '新建 API 密钥',
  'api_key.revoked': '撤销 API 密钥',
  'delegation.create': '新建代理委托',
  'delegation.revoke': '撤销代理委托',
  'settings.deadline_set': '设置填报截止日期',
  'settings.grade_bands_updated': '修改评价等级分数段',
  'settings.head_sign_off_updated': '修改部门负责人签核要求',
  'settings.four_eyes_updated': '修改审核分工（四眼原则）',
  'settings.inflation_thresholds_updated': '修改虚高预警阈值',
  'settings.evidence_limits_updated': '修改佐证材料大小上限',
  'template.created': '新建报告模板',
  'template.published': '发布报告模板',
  'template.draft_discarded': '放弃模板草稿',
  'indicator_library.created': '新增指标库指标',
  'indicator_library.updated': '修改指标库指标',
  'indicator_library.imported': '导入指标库',
  'export.requested': '导出',
  'report.created': '新建报告',
  'report.edit': '修改报告',
  'report.part_updated': '保存报告内容',
  'report.sign_off': '部门负责人签核',
  'report.rescored': '复核评分',
  'report.score_sheet_imported': '从 Excel 导入绩效自评表',
  'report.import_requested': '从文件导入报告',
  'report.import_applied': '应用导入的报告内容',
  'report.import_discarded': '放弃导入的报告内容',
  'report.evidence_added': '上传佐证材料',
  'report.evidence_moved': '移动佐证材料',
  'report.evidence_removed': '删除佐证材料',
  'rectification.created': '新建整改事项',
  'rectification.edited': '修改整改事项',
  'rectification.answered': '答复整改事项',
  'rectification.evidence_added': '上传整改佐证',
  'spot_check.created': '新建抽评',
  'spot_check.finding_added': '添加抽评问题',
  'spot_check.finding_edited': '修改抽评问题',
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
  {
    label: '报告流程',
    prefix: 'report.',
    actions: [
      'report.created',
      'report.submit',
      'report.withdraw',
      'report.start_review',
      'report.return',
      'report.approve',
      'report.reopen',
      'report.sign_off',
      'report.rescored',
    ],
  },
  {
    label: '设置',
    prefix: 'settings.',
    actions: [
      'settings.deadline_set',
      'settings.grade_bands_updated',
      'settings.head_sign_off_updated',
      'settings.four_eyes_updated',
      'settings.inflation_thresholds_updated',
      'settings.evidence_limits_updated',
    ],
  },
  { label: '报告模板', prefix: 'template.', actions: ['template.created', 'template.published'] },
  { label: '代理委托', prefix: 'delegation.', actions: ['delegation.create', 'delegation.revoke'] },
  { label: 'API 密钥', prefix: 'api_key.', actions: ['api_key.created', 'api_key.revoked'] },
];

export const OUTCOME_LABELS: Record<AuditOutcome, string> = { success: '成功', failure: '失败', denied: '拒绝' };
export const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'green', failure: 'orange', denied: 'red' };

export const TARGET_TYPE_LABELS: Record<string, string> = {
  tenant: '县（区）',
  department: '部门',
  user: '用户',
  session: '登录会话',
  report: '报告',
  template: '报告模板',
  api_key: 'API 密钥',
  delegation: '代理委托',
  indicator_library: '指标库',
  spot_check: '抽评',
  rectification: '整改事项',
  export: '导出',
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
  email: '电子邮箱',
  fiscalYear: '年度',
  part: '报告部分',
  fromVersion: '原版本',
  toVersion: '新版本',
  revision: '提交版本',
  openComments: '未解决的意见',
  reportVersion: '报告版本',
  tenantId: '县（区）',
  prefix: '密钥前缀',
  scopes: '权限范围',
  expiresAt: '到期时间',
  principalUserId: '委托人',
  standInUserId: '代理人',
  role: '角色',
  confirmed: '已确认',
  automatic: '自动',
  publicationId: '公开记录',
  onBehalfOfUserId: '代理的委托人',
  delegationId: '代理委托',
  setByAdministrator: '替换管理员设置的密码',
  created: '新建',
  ...INFLATION_THRESHOLD_LABELS,
  ...EVIDENCE_LIMIT_LABELS,
  reviewerMayNotApprove: '审核人不能审批通过',
  authorMayNotReview: '填报人不能审核自己的报告',
};

/** An action in words: every recorded one has its label; a workflow step is named as the workflow names it. */
export function actionLabel(action: string): string {
  const label = ACTION_LABELS[action];
  if (label) return label;
  const step = action.startsWith('report.') ? action.slice('report.'.length) : '';
  if (isTransitionAction(step)) return `报告${TRANSITIONS[step].label}`;
  return '其他操作';
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
  if (field === 'kind' && typeof value === 'string' && value in REPORT_KIND_LABELS) {
    return REPORT_KIND_LABELS[value as ReportKind];
  }
  if ((field === 'from' || field === 'to') && typeof value === 'string' && value in REPORT_STATUS_LABELS) {
    return REPORT_STATUS_LABELS[value as ReportStatus];
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '无';
    if (field === 'openComments') return `${value.length} 条`;
    return value.map((v) => (isRole(v) ? ROLE_LABELS[v] : formatAuditValue('', v, departmentNames))).join('、');
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'object') return describeObject(value as Record<string, unknown>, departmentNames);
  return String(value);
}

/** A grade band as the settings page shows it (「优秀 ≥ 90」); any other object as 「名称：值」 pairs. */
function describeObject(value: Record<string, unknown>, departmentNames: Map<string, string>): string {
  if (typeof value['label'] === 'string' && typeof value['min'] === 'string')
    return `${value['label']} ≥ ${value['min']}`;
  const pairs = Object.entries(value).map(
    ([key, v]) => `${FIELD_LABELS[key] ?? key}：${formatAuditValue(key, v, departmentNames)}`,
  );
  return pairs.length ? pairs.join('，') : '空';
}

/** The leaves of a settings object by dotted path (allComplete.redShare), for a before → after per changed one. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, v] of Object.entries(value)) {
      for (const [path, leaf] of leaves(v, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

/**
 * A recorded 「from → to」 in words: each changed setting of an object on its own line, a list or a value as a
 * whole (a report's status, a deadline, the grade bands).
 */
export function describeFromTo(
  action: string,
  details: Record<string, unknown>,
  departmentNames?: Map<string, string>,
): string[] {
  if (!('from' in details) || !('to' in details)) return [];
  const { from, to } = details;
  const objects = [from, to].every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  if (objects) {
    const before = leaves(from);
    const after = leaves(to);
    return [...after.keys()]
      .filter((path) => JSON.stringify(before.get(path)) !== JSON.stringify(after.get(path)))
      .map((path) => {
        const key = path.split('.').pop() ?? path;
        const label = FIELD_LABELS[path] ?? FIELD_LABELS[key] ?? path;
        return `${label}：${formatAuditValue(key, before.get(path), departmentNames)} → ${formatAuditValue(key, after.get(path), departmentNames)}`;
      });
  }
  const label = FROM_TO_LABELS[action] ?? (action.startsWith('report.') ? '状态' : '值');
  return [
    `${label}：${formatAuditValue('from', from, departmentNames)} → ${formatAuditValue('to', to, departmentNames)}`,
  ];
}

/** What a recorded from → to of an action is. */
const FROM_TO_LABELS: Record<string, string> = {
  'settings.deadline_set': '截止日期',
  'settings.grade_bands_updated': '分数段',
  'settings.head_sign_off_updated': '提交前须经部门负责人签核',
};

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
export function describeFacts(
  details: Record<string, unknown>,
  departmentNames?: Map<string, string>,
  action = '',
): string[] {
  const lines: string[] = [];
  // a workflow step's text is its 撤回原因, 退回修改原因 … or the approval's 审批意见
  const step = action.startsWith('report.') ? action.slice('report.'.length) : '';
  const reasonLabel = isTransitionAction(step) ? transitionReasonLabel(step) : '原因';
  for (const [key, value] of Object.entries(details)) {
    if (key === 'changes' || key === 'from' || key === 'to') continue;
    if (value === null || value === undefined) continue;
    if (key === 'reason' && typeof value === 'string') {
      lines.push(`${reasonLabel}：${LOGIN_REASON_LABELS[value] ?? value}`);
    } else if (key === 'opinion' && typeof value === 'string') lines.push(`审批意见：${value}`);
    else if (key === 'route') lines.push(`接口：${details['method'] ?? ''} ${String(value)}`.trim());
    else if (key === 'method') continue;
    else if (key === 'code') lines.push(`错误代码：${String(value)}`);
    else if (key === 'otherSessionsEnded') lines.push(`退出其他登录：${String(value)} 个`);
    else if (key === 'by') lines.push(value === 'platform' ? '由平台管理员创建' : `创建方：${String(value)}`);
    else if (key === 'sessionId' || key === 'revokedSession') lines.push(`登录会话：${String(value).slice(0, 8)}…`);
    else if (key === 'refused') lines.push(`被拒绝的内容：${formatAuditValue(key, value, departmentNames)}`);
    else lines.push(`${FIELD_LABELS[key] ?? key}：${formatAuditValue(key, value, departmentNames)}`);
  }
  return lines;
}
