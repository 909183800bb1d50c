/**
 * Report kinds and the catalogue of parts they are made of. Each part is edited and versioned on its
 * own. Part ids are stored in report_parts.part and appear in URLs, so they are never renamed; a kind
 * picks its parts from the catalogue, and two kinds that share a part (scoreTable, conclusion) share
 * its schema and its rules.
 */
export const REPORT_KINDS = ['department_overall', 'project'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  department_overall: '部门整体支出绩效自评报告',
  project: '项目支出绩效自评表',
};
/** Short names for lists and menus. */
export const REPORT_KIND_SHORT_LABELS: Record<ReportKind, string> = {
  department_overall: '部门整体',
  project: '项目支出',
};

export function isReportKind(value: unknown): value is ReportKind {
  return typeof value === 'string' && (REPORT_KINDS as readonly string[]).includes(value);
}

/** Every part any kind has: the database's check and the URL's allowed values. */
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
  'projectInfo',
  'objectives',
  'preparers',
] as const;

export type ReportPart = (typeof REPORT_PARTS)[number];

export const OVERALL_PARTS = [
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
] as const satisfies readonly ReportPart[];
export type OverallPart = (typeof OVERALL_PARTS)[number];

/** In the order of the national 项目支出绩效自评表: the project, its goals, money and indicators, total, who filled it in. */
export const PROJECT_PARTS = [
  'projectInfo',
  'objectives',
  'scoreTable',
  'conclusion',
  'preparers',
] as const satisfies readonly ReportPart[];
export type ProjectPart = (typeof PROJECT_PARTS)[number];

export const KIND_PARTS: { department_overall: typeof OVERALL_PARTS; project: typeof PROJECT_PARTS } = {
  department_overall: OVERALL_PARTS,
  project: PROJECT_PARTS,
};

/** The parts of a kind, in the order the editor and the document show them. */
export function partsOf(kind: ReportKind): readonly ReportPart[] {
  return KIND_PARTS[kind];
}

const OVERALL_PART_LABELS: Record<OverallPart, string> = {
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

const PROJECT_PART_LABELS: Record<ProjectPart, string> = {
  projectInfo: '项目基本信息',
  objectives: '年度总体目标',
  scoreTable: '项目资金和绩效指标',
  conclusion: '总分和评价等级',
  preparers: '填报信息',
};

export const PART_LABELS: { department_overall: Record<OverallPart, string>; project: Record<ProjectPart, string> } = {
  department_overall: OVERALL_PART_LABELS,
  project: PROJECT_PART_LABELS,
};

export function isReportPart(value: unknown): value is ReportPart {
  return typeof value === 'string' && (REPORT_PARTS as readonly string[]).includes(value);
}

/** Whether a report of this kind has the part. */
export function isPartOf(kind: ReportKind, value: unknown): value is ReportPart {
  return typeof value === 'string' && (KIND_PARTS[kind] as readonly string[]).includes(value);
}

/** The part's heading in a report of this kind; the id itself for a part the kind does not have. */
export function partLabel(kind: ReportKind, part: string): string {
  return (PART_LABELS[kind] as Record<string, string>)[part] ?? part;
}

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
