import { dec, formatAmount, roundHalfUp, statedPercentAgrees, sum } from '../../money/decimal';
import { z } from 'zod';
import { PERCENT_PATTERN } from '../../money/decimal';
import {
  executionRate,
  expectedFundingScore,
  indicatorScoreRange,
  totalCapFor,
  totalScore,
  totalWeight,
} from '../scoring';
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
            message: `${label}：本年财政拨款、上年结转和其他资金合计 ${formatAmount(partsSum)} 万元，与年度资金总额 ${formatAmount(total)} 万元不一致`,
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
                message: `${label}的全年执行数 ${formatAmount(executed)} 万元，超过全年预算数 ${formatAmount(adjustedBudget)} 万元`,
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
      const figures = `全年执行数 ${formatAmount(executed as string)} 万元 ÷ 全年预算数 ${formatAmount(adjustedBudget as string)} 万元`;
      if (stated === null)
        return [{ path: 'scoreTable.funding.executionRate', message: `请填写执行率：${figures} = ${exact}` }];
      return statedPercentAgrees(stated, rate)
        ? []
        : [
            {
              path: 'scoreTable.funding.executionRate',
              message: `执行率填报为 ${stated}%，按${figures}应为 ${exact}`,
              remedy: `把执行率改为 ${exact}，或核对全年预算数和全年执行数`,
            },
          ];
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
          remedy: `把预算执行率得分改为 ${expected.toFixed(2)} 分`,
        },
      ];
    },
  },
  {
    id: 'scoreTable.low-execution-explained',
    severity: 'warning',
    title: '执行率低于规定比例时说明原因',
    params: {
      schema: z.strictObject({
        threshold: z
          .string()
          .regex(PERCENT_PATTERN, { error: '应为百分数' })
          .refine((v) => dec(v).greaterThan(0) && dec(v).lessThanOrEqualTo(100), { error: '应在 0–100 之间' }),
      }),
      defaults: { threshold: '90' },
      labels: { threshold: '须说明原因的执行率（低于，%）' },
    },
    check: ({ scoreTable }, _context, params) => {
      const threshold = params['threshold'] as string;
      const rate = executionRate(scoreTable);
      return rate !== null && rate.lessThan(threshold) && !scoreTable.funding.deviationNote.trim()
        ? [
            {
              path: 'scoreTable.funding.deviationNote',
              message: `执行率为 ${roundHalfUp(rate, 2).toFixed(2)}%，低于 ${threshold}%，请说明原因及改进措施`,
              remedy: `在「偏差原因」中说明资金未执行的原因和改进措施；执行率达到 ${threshold}% 后无须说明`,
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
          remedy: `得分不能超过分值 ${t.funding.weight} 分`,
        });
      }
      t.indicators.forEach((ind, i) => {
        if (ind.score !== null && ind.weight !== null && dec(ind.score).greaterThan(ind.weight)) {
          findings.push({
            path: `scoreTable.indicators.${i}.score`,
            message: `${indicatorName(t, i)}得分 ${ind.score} 分，超过其分值 ${ind.weight} 分`,
            remedy: `得分不能超过分值 ${ind.weight} 分`,
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
    check: ({ scoreTable }, { template }) => {
      if (scoreTable.indicators.length === 0) return [];
      const total = totalWeight(scoreTable);
      const framework = [
        `预算执行率 ${template.framework.executionWeight}`,
        ...template.framework.level1.map((l) => `${l.name} ${l.weight}`),
      ].join('、');
      return total.equals(100)
        ? []
        : [
            {
              path: 'scoreTable.indicators',
              message: `预算执行率与各指标分值合计 ${total.toString()} 分，应为 100 分`,
              remedy: `按本年度指标体系分配分值：${framework}`,
            },
          ];
    },
  },
  {
    id: 'scoreTable.indicator-score-formula',
    severity: 'warning',
    title: '指标得分与本年度计分规则一致（定量按公式，定性按完成情况档次）',
    check: ({ scoreTable: t }, { template }) =>
      t.indicators.flatMap((ind, i) => {
        const range = indicatorScoreRange(ind, template.scoring);
        if (range === null || ind.score === null) return [];
        const stated = dec(ind.score);
        if (stated.greaterThanOrEqualTo(range.min) && stated.lessThanOrEqualTo(range.max)) return [];
        const expected = range.min.equals(range.max)
          ? `${range.min.toFixed(2)} 分`
          : `${range.min.toFixed(2)}–${range.max.toFixed(2)} 分`;
        const basis =
          ind.nature === 'qualitative'
            ? `完成情况「${ind.actual.trim()}」`
            : `指标值 ${ind.target}，完成值 ${ind.actual}`;
        return [
          {
            path: `scoreTable.indicators.${i}.score`,
            message: `${indicatorName(t, i)}${basis}，按${range.how}应得 ${expected}，填报为 ${ind.score} 分`,
            remedy: `把得分改为 ${expected}，或核实完成值后在「偏差原因分析」中说明`,
          },
        ];
      }),
  },
  {
    id: 'scoreTable.total-capped-by-execution',
    severity: 'error',
    title: '执行率未达规定比例时总分不超过上限',
    check: ({ scoreTable: t }, { template }) => {
      const caps = template.scoring.totalCaps;
      const rate = executionRate(t);
      if (rate === null || caps.length === 0 || t.indicators.length === 0) return [];
      const cap = totalCapFor(rate, caps);
      const total = totalScore(t);
      if (cap === null || total.lessThanOrEqualTo(cap)) return [];
      // the band the next step up reaches: its cap, or none at all
      const next = caps
        .filter((c) => rate.lessThan(c.rateBelow))
        .map((c) => dec(c.rateBelow))
        .reduce((a, b) => (a.lessThan(b) ? a : b));
      const above = totalCapFor(next, caps);
      return [
        {
          path: 'scoreTable.indicators',
          message: `执行率 ${roundHalfUp(rate, 2).toFixed(2)}%，按本年度规则总分不得超过 ${cap.toString()} 分，各项得分合计 ${total.toString()} 分`,
          remedy: `把总分降至 ${cap.toString()} 分以内；执行率达到 ${next.toString()}% 后上限为 ${above === null ? '100' : above.toString()} 分`,
        },
      ];
    },
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
