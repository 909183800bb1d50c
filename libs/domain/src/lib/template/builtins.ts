import type { ReportKind } from '../report/parts';
import type { OutlineNode, TemplateDefinition } from './definition';

/**
 * The templates every county starts from. A published built-in is never edited: a changed form is a new
 * built-in with a new id (the database keeps each one a report was created with; builtins.spec pins
 * their content). The ids are the rows' ids in report_template_versions.
 */
export interface BuiltinTemplate {
  /** the version's row id */
  id: string;
  /** the template's row id */
  templateId: string;
  version: number;
  /** the kind's default: used where a county has published none for the year */
  isDefault: boolean;
  definition: TemplateDefinition;
}

const node = (title: string, sections: string[], children: OutlineNode[] = []): OutlineNode => ({
  title,
  sections,
  children,
});

/** 达成 / 基本达成 / 部分达成 / 未达成 and the share of the weight each earns (a range the reviewer scores in). */
const FOUR_GRADES: TemplateDefinition['scoring']['qualitative'] = [
  { label: '达成', minShare: '100', maxShare: '100' },
  { label: '基本达成', minShare: '80', maxShare: '99' },
  { label: '部分达成', minShare: '60', maxShare: '80' },
  { label: '未达成', minShare: '0', maxShare: '59' },
];

/** 财预〔2020〕10号's scoring with the four qualitative grades: no cap on the total, 完成值/指标值 × 分值. */
const PROPORTIONAL_SCORING: TemplateDefinition['scoring'] = {
  totalCaps: [],
  quantitative: 'proportional',
  deviationBands: [],
  qualitative: FOUR_GRADES,
};

/** 河北 (the 赵县总工会 sample, 2024): six sections numbered 一、（一）1., the 自评表 as 附件. */
const HEBEI_OVERALL_2024: TemplateDefinition = {
  kind: 'department_overall',
  name: '河北省部门整体支出绩效自评报告（2024年度）',
  description:
    '河北省县级部门整体支出绩效自评报告的格式（赵县总工会样本）：六个部分，一级标题「一、」，二级「（一）」，三级「1.」；附部门整体支出绩效自评表。一级指标：产出 50、效益 30、满意度 10，预算执行率 10。',
  document: {
    attachmentLabel: '附件4',
    titlePattern: '{年度}年度整体支出绩效自评报告',
    tableTitle: '部门整体支出绩效自评表',
  },
  numbering: { level1: 'chinese', level2: 'chinese-paren', level3: 'arabic' },
  outline: [
    node(
      '部门基本情况',
      [],
      [
        node(
          '部门概况',
          [],
          [
            node('部门职能', ['basicInfo.functions']),
            node('组织机构及人员', ['basicInfo.orgUnits', 'basicInfo.staffing', 'basicInfo.assets']),
          ],
        ),
        node('部门收支预决算情况', ['budget']),
        node('部门整体支出绩效目标、指标', ['goals']),
      ],
    ),
    node(
      '自评工作开展情况',
      [],
      [
        node('自评的组织工作', ['selfEvaluation.organization']),
        node('自评的方法和过程', ['selfEvaluation.methodAndProcess']),
      ],
    ),
    node(
      '部门整体支出绩效目标实现情况及指标分析',
      [],
      [node('总体绩效目标实现情况', ['results.overall']), node('分项绩效目标实现情况及指标分析', ['results.items'])],
    ),
    node('评价结论和评价等级', ['conclusion']),
    node('存在的问题及改进措施', ['problems.problems', 'problems.measures']),
    node('评价工作组人员名单及签字（姓名、工作单位、职务、职称）', ['team']),
  ],
  framework: {
    executionWeight: '10',
    level1: [
      { name: '产出指标', weight: '50', requiredLevel2: ['数量指标', '质量指标', '时效指标', '成本指标'] },
      { name: '效益指标', weight: '30', requiredLevel2: [] },
      { name: '满意度指标', weight: '10', requiredLevel2: ['服务对象满意度指标'] },
    ],
    enforcement: 'error',
  },
  scoring: PROPORTIONAL_SCORING,
  rules: {},
  gradeBands: null,
};

/**
 * A form-style notice of another province: eight 「第X部分」 parts in another order (目标 before money),
 * 执行率 worth 20, and the total capped when money was not spent (执行率 below 80 % → at most 89 分).
 */
const EIGHT_PART_OVERALL: TemplateDefinition = {
  kind: 'department_overall',
  name: '部门整体支出绩效自评报告（八部分式）',
  description:
    '「第一部分」至「第八部分」的格式：先目标后收支，二级标题「（一）」，三级「1.」。一级指标：产出 40、效益 30、满意度 10，预算执行率 20；执行率低于 80% 的总分不超过 89 分，低于 60% 的不超过 79 分；定量指标按偏差率扣分。',
  document: {
    attachmentLabel: '附件2',
    titlePattern: '{部门}{年度}年度部门整体支出绩效自评报告',
    tableTitle: '部门整体支出绩效自评表',
  },
  numbering: { level1: 'part', level2: 'chinese-paren', level3: 'arabic' },
  outline: [
    node(
      '部门概况',
      [],
      [
        node('部门职能', ['basicInfo.functions']),
        node('机构设置和人员情况', ['basicInfo.orgUnits', 'basicInfo.staffing']),
        node('资产情况', ['basicInfo.assets']),
      ],
    ),
    node('部门整体支出绩效目标', ['goals']),
    node('部门收支及预算执行情况', ['budget']),
    node('绩效自评工作开展情况', ['selfEvaluation.organization', 'selfEvaluation.methodAndProcess']),
    node(
      '绩效目标完成情况',
      [],
      [node('总体完成情况', ['results.overall']), node('各项指标完成情况', ['results.items'])],
    ),
    node('自评结论', ['conclusion']),
    node('存在问题及整改措施', ['problems.problems', 'problems.measures']),
    node('评价工作组', ['team']),
  ],
  framework: {
    executionWeight: '20',
    level1: [
      { name: '产出指标', weight: '40', requiredLevel2: ['数量指标', '质量指标', '时效指标'] },
      { name: '效益指标', weight: '30', requiredLevel2: [] },
      { name: '满意度指标', weight: '10', requiredLevel2: [] },
    ],
    enforcement: 'error',
  },
  scoring: {
    totalCaps: [
      { rateBelow: '80', maxTotal: '89' },
      { rateBelow: '60', maxTotal: '79' },
    ],
    quantitative: 'deviationBands',
    deviationBands: [
      { upTo: '10', deduct: '10' },
      { upTo: '20', deduct: '30' },
      { upTo: '50', deduct: '60' },
    ],
    qualitative: [
      { label: '达成', minShare: '100', maxShare: '100' },
      { label: '基本达成', minShare: '80', maxShare: '99' },
      { label: '未达成', minShare: '0', maxShare: '79' },
    ],
  },
  rules: { 'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '80' } } },
  gradeBands: null,
};

/** The national 项目支出绩效自评表 (财预〔2020〕10号 附件): weights 产出 50、效益 30、满意度 10、执行率 10, 原则上. */
const NATIONAL_PROJECT: TemplateDefinition = {
  kind: 'project',
  name: '项目支出绩效自评表（财预〔2020〕10号）',
  description:
    '全国通用的项目支出绩效自评表。一级指标权重原则上为产出 50、效益 30、服务对象满意度 10、预算执行率 10，如有特殊情况可适当调整（不一致时提示，不阻止提交）。',
  document: { attachmentLabel: '', titlePattern: '项目支出绩效自评表', tableTitle: '项目支出绩效自评表' },
  numbering: { level1: 'none', level2: 'none', level3: 'none' },
  outline: [
    node('项目基本信息', ['projectInfo']),
    node('年度总体目标', ['objectives']),
    node('项目资金和绩效指标', ['scoreTable']),
    node('总分和评价等级', ['conclusion']),
    node('填报信息', ['preparers']),
  ],
  framework: {
    executionWeight: '10',
    level1: [
      { name: '产出指标', weight: '50', requiredLevel2: [] },
      { name: '效益指标', weight: '30', requiredLevel2: [] },
      { name: '满意度指标', weight: '10', requiredLevel2: [] },
    ],
    enforcement: 'warning',
  },
  scoring: PROPORTIONAL_SCORING,
  rules: {},
  gradeBands: null,
};

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  {
    id: '00000000-0000-4000-8000-000000000101',
    templateId: '00000000-0000-4000-8000-000000000001',
    version: 1,
    isDefault: true,
    definition: HEBEI_OVERALL_2024,
  },
  {
    id: '00000000-0000-4000-8000-000000000102',
    templateId: '00000000-0000-4000-8000-000000000002',
    version: 1,
    isDefault: false,
    definition: EIGHT_PART_OVERALL,
  },
  {
    id: '00000000-0000-4000-8000-000000000103',
    templateId: '00000000-0000-4000-8000-000000000003',
    version: 1,
    isDefault: true,
    definition: NATIONAL_PROJECT,
  },
];

/** The built-in a report of this kind follows where its county has published no template for the year. */
export function defaultBuiltin(kind: ReportKind): BuiltinTemplate {
  const found = BUILTIN_TEMPLATES.find((t) => t.isDefault && t.definition.kind === kind);
  if (!found) throw new Error(`no default template for ${kind}`);
  return found;
}

export function defaultTemplate(kind: ReportKind): TemplateDefinition {
  return defaultBuiltin(kind).definition;
}

export function builtinById(id: string): BuiltinTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id);
}
