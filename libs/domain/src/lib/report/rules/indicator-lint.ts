import { z } from 'zod';
import { dec } from '../../money/decimal';
import { hasEvidence, hasFullMarks } from '../indicator-facts';
import { numericValue } from '../scoring';
import type { Indicator, OverallReportContent } from '../schema';
import type { Finding, Rule } from './rule';
import type { ScoredContent } from './score-table';

/**
 * Indicator-quality lint (指标质量提示): warnings for the department and the reviewer about indicators that
 * cannot prove anything — a number without a unit, a target that repeats the goal, full marks everywhere
 * with nothing to show, a satisfaction rate nobody surveyed, a 效益 indicator that only counts outputs.
 */

/** The goals the table's indicators are written against: 部门整体 goals, or a project's 预期目标. */
interface LintedContent extends ScoredContent {
  goals?: { items: Array<{ text: string }> };
  objectives?: { items: Array<{ expected: string }> };
}

const label = (ind: Indicator, i: number) => `「${ind.level3.trim() || `第 ${i + 1} 个指标`}」`;
const normalized = (text: string) => text.replace(/[\s，。、；：,.;:（）()“”"'《》]/g, '');
const isSatisfaction = (ind: Indicator) => /满意/.test(ind.level1 + ind.level2 + ind.level3);
const SURVEY_WORDS = /调查|问卷|测评|回访|抽样|样本/;

function goalTexts(c: LintedContent): string[] {
  return [...(c.goals?.items.map((g) => g.text) ?? []), ...(c.objectives?.items.map((o) => o.expected) ?? [])].filter(
    (t) => t.trim(),
  );
}

export const INDICATOR_LINT_RULES: Rule<LintedContent>[] = [
  {
    id: 'lint.quantitative-target',
    severity: 'warning',
    group: 'lint',
    title: '定量指标有数值目标和计量单位',
    check: ({ scoreTable: t }) =>
      t.indicators.flatMap((ind, i): Finding[] => {
        if (ind.nature === 'qualitative' || !ind.level3.trim()) return [];
        if (numericValue(ind.target) === null) {
          return [
            {
              path: `scoreTable.indicators.${i}.target`,
              message: `${label(ind, i)}是定量指标（${ind.nature}），年度指标值「${ind.target.trim() || '空'}」不是数值`,
              remedy: '填写可衡量的数值目标（如 ≥95、100），或把指标性质改为定性',
            },
          ];
        }
        return ind.unit.trim()
          ? []
          : [
              {
                path: `scoreTable.indicators.${i}.unit`,
                message: `${label(ind, i)}的年度指标值 ${ind.target.trim()} 没有计量单位`,
                remedy: '填写计量单位（如 %、万元、人次、个）',
              },
            ];
      }),
  },
  {
    id: 'lint.target-restates-goal',
    severity: 'warning',
    group: 'lint',
    title: '指标值不照抄绩效目标或指标名称',
    check: (c) => {
      const goals = goalTexts(c).map(normalized);
      return c.scoreTable.indicators.flatMap((ind, i): Finding[] => {
        const target = normalized(ind.target);
        if (target.length < 4 || numericValue(ind.target) !== null) return [];
        const restatesName = target === normalized(ind.level3);
        const restatesGoal = target.length >= 8 && goals.some((g) => g.includes(target) || target.includes(g));
        if (!restatesName && !restatesGoal) return [];
        return [
          {
            path: `scoreTable.indicators.${i}.target`,
            message: `${label(ind, i)}的年度指标值「${ind.target.trim()}」照抄了${restatesName ? '指标名称' : '绩效目标'}`,
            remedy: '写明可检验的完成标准（数量、比例、时限或达到的状态），使完成与否能够判断',
          },
        ];
      });
    },
  },
  {
    id: 'lint.all-full-marks-without-evidence',
    severity: 'warning',
    group: 'lint',
    title: '指标全部满分时应有佐证材料',
    check: ({ scoreTable: t }) => {
      const scored = t.indicators.filter((ind) => ind.weight !== null && ind.score !== null);
      if (scored.length < 3 || !scored.every(hasFullMarks) || scored.some(hasEvidence)) return [];
      return [
        {
          path: 'scoreTable.indicators',
          message: `全部 ${scored.length} 个指标均为满分，但没有一个指标注明佐证材料`,
          remedy: '为各指标注明佐证材料（台账、凭证、调查结果等），或如实扣分',
        },
      ];
    },
  },
  {
    id: 'lint.satisfaction-survey',
    severity: 'warning',
    group: 'lint',
    title: '满意度指标有调查数据',
    check: ({ scoreTable: t }) =>
      t.indicators.flatMap((ind, i): Finding[] => {
        // an empty 实际完成值 is the required-fields rule's finding
        if (!isSatisfaction(ind) || !ind.level3.trim() || !ind.actual.trim()) return [];
        if (numericValue(ind.actual) === null) {
          return [
            {
              path: `scoreTable.indicators.${i}.actual`,
              message: `${label(ind, i)}是满意度指标，实际完成值「${ind.actual.trim()}」不是调查得出的满意率`,
              remedy: '填写满意度调查得出的满意率（如 95%），并在佐证材料中注明调查方式和样本量',
            },
          ];
        }
        return SURVEY_WORDS.test(ind.evidence)
          ? []
          : [
              {
                path: `scoreTable.indicators.${i}.evidence`,
                message: `${label(ind, i)}的满意率 ${ind.actual.trim()} 没有注明来自哪次调查`,
                remedy: '在佐证材料中注明满意度调查（问卷、回访或测评）及其样本量',
              },
            ];
      }),
  },
  {
    id: 'lint.benefit-not-output',
    severity: 'warning',
    group: 'lint',
    title: '效益指标反映效果而非产出数量',
    params: {
      schema: z.strictObject({
        countUnits: z.array(z.string().trim().min(1).max(10)).min(1, { error: '至少一个单位' }).max(40),
      }),
      defaults: {
        countUnits: ['个', '人', '次', '项', '户', '件', '场', '人次', '家', '期', '份', '册', '篇', '场次'],
      },
      labels: { countUnits: '视为产出数量的计量单位' },
    },
    check: ({ scoreTable: t }, _context, params) => {
      const units = params['countUnits'] as string[];
      return t.indicators.flatMap((ind, i): Finding[] =>
        /效益/.test(ind.level1) && ind.nature !== 'qualitative' && units.includes(ind.unit.trim())
          ? [
              {
                path: `scoreTable.indicators.${i}.level3`,
                message: `${label(ind, i)}列在${ind.level1.trim()}下，计量单位「${ind.unit.trim()}」只是产出数量`,
                remedy: '效益指标应反映带来的变化（如受益率、改善程度、满意度），产出数量应列入产出指标',
              },
            ]
          : [],
      );
    },
  },
];

/** The 部门整体 report's 分项绩效目标实现情况: every completion at exactly 100 % and nothing to prove it. */
export const OVERALL_LINT_RULES: Rule<OverallReportContent>[] = [
  {
    id: 'lint.all-complete-without-evidence',
    severity: 'warning',
    group: 'lint',
    title: '分项完成率全部为 100% 时应有佐证',
    check: ({ results, scoreTable }) => {
      const rates = results.items.map((r) => r.completionRate).filter((r): r is string => r !== null);
      if (rates.length < 2 || !rates.every((r) => dec(r).equals(100))) return [];
      if (scoreTable.indicators.some(hasEvidence)) return [];
      return [
        {
          path: 'results.items',
          message: `分项绩效目标 ${rates.length} 项的完成率均为 100%，绩效自评表中没有注明任何佐证材料`,
          remedy: '在绩效自评表各指标中注明佐证材料，或按实际完成情况填写完成率',
        },
      ];
    },
  },
];
