import { REPORT_PART_LABELS, type ReportPart } from '@evalflow/domain';

/** How a field's value reads: amounts in 万元, percentages, scores, the indicator nature, the grade. */
export type ValueKind = 'text' | 'money' | 'percent' | 'score' | 'count' | 'nature' | 'grade';

/**
 * The Chinese names of the report's fields, shaped like the content (libs/domain schema.ts): a
 * field, a group of fields, or a list whose rows are named by position (第 3 行).
 */
export type FieldNode =
  | { type: 'field'; label: string; kind: ValueKind }
  | { type: 'group'; label: string; fields: Record<string, FieldNode> }
  | {
      type: 'list';
      label: string;
      /** Counts a row: 第 3「行」. */
      unit: string;
      item: FieldNode;
      /** The row field that names a row in pickers (项目名称, 三级指标). */
      titleField?: string;
    };

const field = (label: string, kind: ValueKind = 'text'): FieldNode => ({ type: 'field', label, kind });
const group = (label: string, fields: Record<string, FieldNode>): FieldNode => ({ type: 'group', label, fields });
const list = (label: string, unit: string, item: FieldNode, titleField?: string): FieldNode => ({
  type: 'list',
  label,
  unit,
  item,
  titleField,
});

const assetFigures = (label: string, kind: ValueKind) =>
  group(label, {
    totalAssets: field('资产总额', kind),
    totalLiabilities: field('负债总额', kind),
    netAssets: field('净资产', kind),
  });

const fundingColumns = (label: string) =>
  group(label, {
    initialBudget: field('年初预算数', 'money'),
    adjustedBudget: field('全年预算数', 'money'),
    executed: field('全年执行数', 'money'),
  });

const PART_FIELDS: Record<ReportPart, Record<string, FieldNode>> = {
  header: {
    attachmentLabel: field('附件标签'),
    departmentName: field('部门名称'),
    title: field('报告标题'),
    policyIssuer: field('依据文件发文机关'),
    policyTitle: field('依据文件名称'),
    policyNumber: field('依据文件文号'),
    principles: field('评价原则'),
  },
  basicInfo: {
    functions: list('部门职能', '段', field('')),
    orgUnits: list(
      '组织机构',
      '个单位',
      group('', {
        name: field('单位名称'),
        nature: field('单位性质'),
        level: field('单位规格'),
        fundingForm: field('经费保障形式'),
      }),
      'name',
    ),
    staffing: group('人员情况', {
      category: field('人员类别'),
      asOf: field('统计时点'),
      headcount: field('年末实有人数', 'count'),
      previousHeadcount: field('上年末人数', 'count'),
      changeReason: field('人数变动原因'),
    }),
    assets: group('资产情况', {
      asOf: field('统计时点'),
      valuationBasis: field('计价口径'),
      current: assetFigures('本年末', 'money'),
      previous: assetFigures('上年末', 'money'),
      yoy: assetFigures('同比增减', 'percent'),
    }),
  },
  budget: {
    projectBudgetTotal: field('年初项目预算总额', 'money'),
    lines: list(
      '预算明细',
      '行',
      group('', {
        name: field('项目名称'),
        amount: field('金额', 'money'),
        documentNumber: field('资金文号'),
      }),
      'name',
    ),
    projectSpent: field('当年项目支出', 'money'),
  },
  goals: {
    items: list('绩效目标', '项', group('', { text: field('目标内容') }), 'text'),
  },
  selfEvaluation: {
    organization: field('自评组织工作'),
    methodAndProcess: field('自评方法和过程'),
  },
  results: {
    overall: field('总体完成情况'),
    items: list(
      '分项完成情况',
      '项',
      group('', {
        text: field('完成情况'),
        completionRate: field('完成率', 'percent'),
        explanation: field('超额完成说明'),
      }),
      'text',
    ),
  },
  conclusion: {
    totalScore: field('总得分', 'score'),
    grade: field('评价等级', 'grade'),
    basis: field('评价依据'),
  },
  problems: {
    problems: field('存在的主要问题'),
    measures: field('改进措施'),
  },
  team: {
    members: list(
      '工作组成员',
      '名',
      group('', {
        name: field('姓名'),
        unit: field('工作单位'),
        position: field('职务'),
        title: field('职称'),
      }),
      'name',
    ),
  },
  scoreTable: {
    funding: group('资金情况', {
      total: fundingColumns('年度资金总额'),
      currentYearAppropriation: fundingColumns('其中：本年财政拨款'),
      carryover: fundingColumns('上年结转资金'),
      other: fundingColumns('其他资金'),
      executionRate: field('执行率', 'percent'),
      weight: field('预算执行率分值', 'score'),
      score: field('预算执行率得分', 'score'),
      deviationNote: field('执行偏差说明'),
    }),
    indicators: list(
      '绩效指标',
      '个',
      group('', {
        level1: field('一级指标'),
        level2: field('二级指标'),
        level3: field('三级指标'),
        nature: field('指标性质', 'nature'),
        target: field('年度指标值'),
        unit: field('度量单位'),
        actual: field('实际完成值'),
        weight: field('分值', 'score'),
        score: field('得分', 'score'),
        deviationNote: field('偏差原因分析及改进措施'),
        evidence: field('佐证材料'),
      }),
      'level3',
    ),
  },
};

/** The whole part as one node, named by its heading in the report. */
export function partNode(part: ReportPart): FieldNode {
  return group(REPORT_PART_LABELS[part], PART_FIELDS[part]);
}
