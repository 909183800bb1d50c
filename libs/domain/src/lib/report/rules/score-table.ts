import { dec, formatWan, roundHalfUp, statedPercentAgrees, sum } from '../../money/decimal';
import { executionRate, expectedFundingScore, expectedIndicatorScore, totalWeight } from '../scoring';
import type { FundingColumns, ScoreTablePart } from '../schema';
import type { Finding, Rule } from './rule';

/** What the 绩效自评表's rules read: every kind with a scoreTable part runs them. */
export interface ScoredContent {
  scoreTable: ScoreTablePart;
}

const ROWS = [
  { key: 'currentYearAppropriation', label: '本年财政拨款' },
  { key: 'carryover', label: '上年结转资金' },
  { key: 'other', label: '其他资金' },
] as const;
const COLUMNS: Array<{ key: keyof FundingColumns; label: string }> = [
  { key: 'initialBudget', label: '年初预算数' },
  { key: 'adjustedBudget', label: '全年预算数' },
  { key: 'executed', label: '全年执行数' },
];
const ALL_ROWS = [{ key: 'total', label: '年度资金总额' }, ...ROWS] as const;

const indicatorName = (t: ScoreTablePart, i: number) => `「${t.indicators[i].level3 || `第 ${i + 1} 个指标`}」`;

export const SCORE_TABLE_RULES: Rule<ScoredContent>[] = [
  {
    id: 'scoreTable.funding-rows-sum-to-total',
    severity: 'error',
    title: '资金来源各行之和等于年度资金总额',
    check: ({ scoreTable: { funding } }) => {
      const findings: Finding[] = [];
      for (const { key, label } of COLUMNS) {
        const total = funding.total[key];
        const parts = ROWS.map((r) => funding[r.key][key]).filter((v): v is string => v !== null);
        if (total === null || parts.length === 0) continue;
        const partsSum = sum(parts);
        if (!partsSum.equals(total)) {
          findings.push({
            path: `scoreTable.funding.total.${key}`,
            message: `${label}：本年财政拨款、上年结转和其他资金合计 ${formatWan(partsSum)} 万元，与年度资金总额 ${formatWan(total)} 万元不一致`,
          });
        }
      }
      return findings;
    },
  },
  {
    id: 'scoreTable.executed-within-budget',
    severity: 'error',
    title: '全年执行数不超过全年预算数',
    check: ({ scoreTable: { funding } }) =>
      ALL_ROWS.flatMap(({ key, label }) => {
        const { adjustedBudget, executed } = funding[key];
        return adjustedBudget !== null && executed !== null && dec(executed).greaterThan(adjustedBudget)
          ? [
              {
                path: `scoreTable.funding.${key}.executed`,
                message: `${label}的全年执行数 ${formatWan(executed)} 万元，超过全年预算数 ${formatWan(adjustedBudget)} 万元`,
              },
            ]
          : [];
      }),
  },
  {
    id: 'scoreTable.execution-rate',
    severity: 'error',
    title: '执行率 = 全年执行数 ÷ 全年预算数',
    check: ({ scoreTable }) => {
      const rate = executionRate(scoreTable);
      const stated = scoreTable.funding.executionRate;
      const { adjustedBudget, executed } = scoreTable.funding.total;
      if (rate === null) return [];
      const exact = `${roundHalfUp(rate, 2).toFixed(2)}%`;
      const figures = `全年执行数 ${formatWan(executed as string)} 万元 ÷ 全年预算数 ${formatWan(adjustedBudget as string)} 万元`;
      if (stated === null)
        return [{ path: 'scoreTable.funding.executionRate', message: `请填写执行率：${figures} = ${exact}` }];
      return statedPercentAgrees(stated, rate)
        ? []
        : [{ path: 'scoreTable.funding.executionRate', message: `执行率填报为 ${stated}%，按${figures}应为 ${exact}` }];
    },
  },
  {
    id: 'scoreTable.execution-score',
    severity: 'error',
    title: '预算执行率得分 = 执行率 × 分值（不超过分值）',
    check: ({ scoreTable }) => {
      const rate = executionRate(scoreTable);
      const expected = expectedFundingScore(scoreTable);
      const stated = scoreTable.funding.score;
      if (rate === null || expected === null || stated === null || expected.equals(stated)) return [];
      return [
        {
          path: 'scoreTable.funding.score',
          message: `预算执行率得分填报为 ${stated} 分，按执行率 ${roundHalfUp(rate, 2).toFixed(2)}% × 分值 ${scoreTable.funding.weight} 分应为 ${expected.toFixed(2)} 分`,
        },
      ];
    },
  },
  {
    id: 'scoreTable.low-execution-explained',
    severity: 'warning',
    title: '执行率低于 90% 时说明原因',
    check: ({ scoreTable }) => {
      const rate = executionRate(scoreTable);
      return rate !== null && rate.lessThan(90) && !scoreTable.funding.deviationNote.trim()
        ? [
            {
              path: 'scoreTable.funding.deviationNote',
              message: `执行率为 ${roundHalfUp(rate, 2).toFixed(2)}%，低于 90%，请说明原因及改进措施`,
            },
          ]
        : [];
    },
  },
  {
    id: 'scoreTable.score-within-weight',
    severity: 'error',
    title: '各项得分不超过其分值',
    check: ({ scoreTable: t }) => {
      const findings: Finding[] = [];
      if (t.funding.score !== null && t.funding.weight !== null && dec(t.funding.score).greaterThan(t.funding.weight)) {
        findings.push({
          path: 'scoreTable.funding.score',
          message: `预算执行率得分 ${t.funding.score} 分，超过其分值 ${t.funding.weight} 分`,
        });
      }
      t.indicators.forEach((ind, i) => {
        if (ind.score !== null && ind.weight !== null && dec(ind.score).greaterThan(ind.weight)) {
          findings.push({
            path: `scoreTable.indicators.${i}.score`,
            message: `${indicatorName(t, i)}得分 ${ind.score} 分，超过其分值 ${ind.weight} 分`,
          });
        }
      });
      return findings;
    },
  },
  {
    id: 'scoreTable.weights-total-100',
    severity: 'error',
    title: '分值合计为 100 分',
    check: ({ scoreTable }) => {
      if (scoreTable.indicators.length === 0) return [];
      const total = totalWeight(scoreTable);
      return total.equals(100)
        ? []
        : [
            {
              path: 'scoreTable.indicators',
              message: `预算执行率与各指标分值合计 ${total.toString()} 分，应为 100 分`,
            },
          ];
    },
  },
  {
    id: 'scoreTable.indicator-score-formula',
    severity: 'warning',
    title: '定量指标得分与计分公式一致',
    check: ({ scoreTable: t }) =>
      t.indicators.flatMap((ind, i) => {
        const expected = expectedIndicatorScore(ind);
        if (expected === null || ind.score === null || expected.equals(ind.score)) return [];
        const how =
          ind.nature === '>='
            ? '完成值 ÷ 指标值 × 分值'
            : ind.nature === '<='
              ? '指标值 ÷ 完成值 × 分值'
              : '完成值与指标值之比 × 分值';
        return [
          {
            path: `scoreTable.indicators.${i}.score`,
            message: `${indicatorName(t, i)}指标值 ${ind.target}，完成值 ${ind.actual}，按${how}应得 ${expected.toFixed(2)} 分，填报为 ${ind.score} 分`,
          },
        ];
      }),
  },
  {
    id: 'scoreTable.full-marks-need-evidence',
    severity: 'warning',
    title: '满分指标应有佐证材料',
    check: ({ scoreTable: t }) =>
      t.indicators.flatMap((ind, i) =>
        ind.score !== null && ind.weight !== null && dec(ind.score).equals(ind.weight) && !ind.evidence.trim()
          ? [
              {
                path: `scoreTable.indicators.${i}.evidence`,
                message: `${indicatorName(t, i)}为满分，请注明佐证材料（严禁虚高自评）`,
              },
            ]
          : [],
      ),
  },
];
