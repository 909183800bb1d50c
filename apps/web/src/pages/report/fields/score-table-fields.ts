import { field, figureTable, group, list, type FieldNode } from './field-nodes';

/**
 * The parts both kinds share, with the same schema and rules (libs/domain report/schema/score-table.ts):
 * the 绩效自评表's money and indicators, and 总分 with 评价等级.
 */
const fundingColumns = (label: string) =>
  group(label, {
    initialBudget: field('年初预算数', 'money'),
    adjustedBudget: field('全年预算数', 'money'),
    executed: field('全年执行数', 'money'),
  });

export const SCORE_TABLE_FIELDS: Record<string, FieldNode> = {
  funding: figureTable('资金情况', {
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
    ['level3', 'target', 'actual', 'weight', 'score'],
  ),
};

/** 总分 and 评价等级; the 部门整体 report calls the score 总得分, the project table 总分. */
export const conclusionFields = (scoreLabel: string): Record<string, FieldNode> => ({
  totalScore: field(scoreLabel, 'score'),
  grade: field('评价等级', 'grade'),
  basis: field('评价依据'),
});
