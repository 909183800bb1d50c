import type { ReportKind, ReportPart } from '../report/parts';

/**
 * The pieces of content a template's outline arranges. A section belongs to one part (the part it is
 * edited and stored in) and has a fixed shape (a table, paragraphs, a list); the template decides where it
 * stands, under which heading, and whether the report has it at all. Ids are stored in templates: never
 * renamed.
 */
export interface SectionSpec {
  part: ReportPart;
  /** the heading the sample gives it, offered when a section is added to an outline */
  defaultTitle: string;
  /** a report of this kind cannot leave it out (scoring and the title need it) */
  required?: boolean;
}

export const OVERALL_SECTIONS = {
  'basicInfo.functions': { part: 'basicInfo', defaultTitle: '部门职能' },
  'basicInfo.orgUnits': { part: 'basicInfo', defaultTitle: '组织机构' },
  'basicInfo.staffing': { part: 'basicInfo', defaultTitle: '人员情况' },
  'basicInfo.assets': { part: 'basicInfo', defaultTitle: '资产情况' },
  budget: { part: 'budget', defaultTitle: '部门收支预决算情况' },
  goals: { part: 'goals', defaultTitle: '部门整体支出绩效目标、指标' },
  'selfEvaluation.organization': { part: 'selfEvaluation', defaultTitle: '自评的组织工作' },
  'selfEvaluation.methodAndProcess': { part: 'selfEvaluation', defaultTitle: '自评的方法和过程' },
  'results.overall': { part: 'results', defaultTitle: '总体绩效目标实现情况' },
  'results.items': { part: 'results', defaultTitle: '分项绩效目标实现情况及指标分析' },
  conclusion: { part: 'conclusion', defaultTitle: '评价结论和评价等级', required: true },
  'problems.problems': { part: 'problems', defaultTitle: '存在的主要问题' },
  'problems.measures': { part: 'problems', defaultTitle: '改进措施或建议' },
  team: { part: 'team', defaultTitle: '评价工作组人员名单及签字（姓名、工作单位、职务、职称）' },
} as const satisfies Record<string, SectionSpec>;

/** The national table's blocks, top to bottom; a template renames them, the form keeps their order. */
export const PROJECT_SECTIONS = {
  projectInfo: { part: 'projectInfo', defaultTitle: '项目基本信息', required: true },
  objectives: { part: 'objectives', defaultTitle: '年度总体目标' },
  scoreTable: { part: 'scoreTable', defaultTitle: '项目资金和绩效指标', required: true },
  conclusion: { part: 'conclusion', defaultTitle: '总分和评价等级', required: true },
  preparers: { part: 'preparers', defaultTitle: '填报信息' },
} as const satisfies Record<string, SectionSpec>;

export type OverallSectionId = keyof typeof OVERALL_SECTIONS;
export type ProjectSectionId = keyof typeof PROJECT_SECTIONS;
export type SectionId = OverallSectionId | ProjectSectionId;

export const SECTIONS_BY_KIND: Record<ReportKind, Record<string, SectionSpec>> = {
  department_overall: OVERALL_SECTIONS,
  project: PROJECT_SECTIONS,
};

/** Parts every report of the kind has whatever its outline: the title and basis, and the 绩效自评表. */
export const ALWAYS_PRESENT_PARTS: Record<ReportKind, readonly ReportPart[]> = {
  department_overall: ['header', 'scoreTable'],
  project: [],
};

export function sectionSpec(kind: ReportKind, id: string): SectionSpec | undefined {
  return Object.prototype.hasOwnProperty.call(SECTIONS_BY_KIND[kind], id) ? SECTIONS_BY_KIND[kind][id] : undefined;
}
