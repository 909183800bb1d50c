/** 部门类型: a budget department that reports, or the finance bureau that reviews. */
export const DEPARTMENT_KINDS = ['budget_department', 'finance_bureau'] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];
export const DEPARTMENT_KIND_LABELS: Record<DepartmentKind, string> = {
  budget_department: '预算部门（单位）',
  finance_bureau: '财政局',
};

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];
export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  active: '正常',
  suspended: '已停用',
};

/** 单位性质, 单位规格 and 经费保障形式 as written in county reports; free text is allowed beyond these. */
export const UNIT_NATURE_SUGGESTIONS = ['行政', '参公事业', '事业', '企业', '其他'] as const;
export const UNIT_LEVEL_SUGGESTIONS = ['正处级', '副处级', '正科级', '副科级', '股级', '无'] as const;
export const FUNDING_FORM_SUGGESTIONS = ['财政拨款', '财政补助', '经费自理'] as const;

/** 行政区划代码: six digits (GB/T 2260). */
export const REGION_CODE_PATTERN = /^\d{6}$/;
