/**
 * The parts of a report, each edited and versioned on its own. Stable ids: they are stored in
 * report_parts.part and appear in URLs, so never renamed.
 */
export const REPORT_PARTS = [
  'header',
  'basicInfo',
  'budget',
  'goals',
  'selfEvaluation',
  'results',
  'conclusion',
  'problems',
  'team',
  'scoreTable',
] as const;

export type ReportPart = (typeof REPORT_PARTS)[number];

export const REPORT_PART_LABELS: Record<ReportPart, string> = {
  header: '标题与依据',
  basicInfo: '一、部门基本情况',
  budget: '（二）部门收支预决算情况',
  goals: '（三）部门整体支出绩效目标',
  selfEvaluation: '二、自评工作开展情况',
  results: '三、绩效目标实现情况及指标分析',
  conclusion: '四、评价结论和评价等级',
  problems: '五、存在的问题及改进措施',
  team: '六、评价工作组',
  scoreTable: '绩效自评表',
};

export function isReportPart(value: unknown): value is ReportPart {
  return typeof value === 'string' && (REPORT_PARTS as readonly string[]).includes(value);
}

export const REPORT_KINDS = ['department_overall'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  department_overall: '部门整体支出绩效自评报告',
};

/** A withdrawal (before review starts) takes a report back to draft; it is an action, not a state. */
export const REPORT_STATUSES = ['draft', 'submitted', 'in_review', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '已退回',
  approved: '已通过',
};
