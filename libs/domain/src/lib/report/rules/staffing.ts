import type { OverallReportContent } from '../schema';
import type { Rule } from './rule';

export const STAFFING_RULES: Rule<OverallReportContent>[] = [
  {
    id: 'staffing.actual-within-authorized',
    severity: 'warning',
    title: '实有人数不超过编制数',
    check: ({ basicInfo: { staffing } }) =>
      staffing.categories.flatMap((c, i) =>
        c.authorized !== null && c.actual !== null && c.actual > c.authorized
          ? [
              {
                path: `basicInfo.staffing.categories.${i}.actual`,
                message: `${c.category.trim() || `第 ${i + 1} 类人员`}实有 ${c.actual} 人，超过编制数 ${c.authorized} 人，请说明超编原因`,
              },
            ]
          : [],
      ),
  },
];
