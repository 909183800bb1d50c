import type { OverallPart } from '@evalflow/domain';
import { field, figureTable, group, list, type FieldNode } from './field-nodes';
import { conclusionFields, SCORE_TABLE_FIELDS } from './score-table-fields';

/** The fields of the 部门整体支出绩效自评报告, schema version 2 (libs/domain report/schema/overall.ts). */
const assetFigures = (label: string, kind: 'money' | 'percent') =>
  group(label, {
    totalAssets: field('资产总额', kind),
    totalLiabilities: field('负债总额', kind),
    netAssets: field('净资产', kind),
  });

/** A figure of the year: 年初预算数 beside 决算数. */
const plannedActual = (label: string) =>
  group(label, { budget: field('年初预算数', 'money'), actual: field('决算数', 'money') });

export const OVERALL_FIELDS: Record<OverallPart, Record<string, FieldNode>> = {
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
      asOf: field('统计时点'),
      categories: list(
        '人员构成',
        '类',
        group('', {
          category: field('人员类别'),
          authorized: field('编制数', 'count'),
          actual: field('实有人数', 'count'),
        }),
        'category',
      ),
      previousHeadcount: field('上年末实有人数', 'count'),
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
    income: figureTable('本年收入', {
      appropriation: plannedActual('财政拨款收入'),
      other: plannedActual('其他收入'),
      total: plannedActual('本年收入合计'),
    }),
    carryover: field('年初结转结余', 'money'),
    expenditure: figureTable('本年支出', {
      personnel: plannedActual('人员经费'),
      publicExpense: plannedActual('公用经费'),
      basic: plannedActual('基本支出'),
      project: plannedActual('项目支出'),
      total: plannedActual('本年支出合计'),
    }),
    lines: list(
      '项目预算明细',
      '行',
      group('', {
        name: field('项目名称'),
        amount: field('年初预算数', 'money'),
        spent: field('执行数', 'money'),
        documentNumber: field('资金文号'),
      }),
      'name',
      ['name', 'amount', 'spent'],
    ),
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
  conclusion: conclusionFields('总得分'),
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
  scoreTable: SCORE_TABLE_FIELDS,
};
