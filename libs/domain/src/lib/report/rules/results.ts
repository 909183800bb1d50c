import { dec } from '../../money/decimal';
import type { OverallReportContent } from '../schema';
import type { Finding, Rule } from './rule';

export const RESULT_RULES: Rule<OverallReportContent>[] = [
  {
    id: 'results.completion-rate-range',
    severity: 'error',
    title: '完成率在 0–100% 之间，超过 100% 须说明',
    check: ({ results }) =>
      results.items.flatMap((item, i): Finding[] => {
        if (item.completionRate === null) return [];
        const rate = dec(item.completionRate);
        const path = `results.items.${i}.completionRate`;
        if (rate.isNegative()) return [{ path, message: `第 ${i + 1} 项完成率 ${item.completionRate}% 不能为负数` }];
        if (rate.greaterThan(100) && !item.explanation.trim()) {
          return [
            {
              path: `results.items.${i}.explanation`,
              message: `第 ${i + 1} 项完成率 ${item.completionRate}% 超过 100%，请说明原因`,
            },
          ];
        }
        return [];
      }),
  },
  {
    id: 'results.cover-every-goal',
    severity: 'warning',
    title: '分项实现情况与绩效目标一一对应',
    check: ({ goals, results }) => {
      const goalCount = goals.items.filter((g) => g.text.trim()).length;
      const resultCount = results.items.length;
      return goalCount > 0 && resultCount > 0 && goalCount !== resultCount
        ? [
            {
              path: 'results.items',
              message: `绩效目标有 ${goalCount} 项，分项实现情况有 ${resultCount} 项，请核对是否逐项说明`,
            },
          ]
        : [];
    },
  },
];
