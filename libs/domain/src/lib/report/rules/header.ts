import type { OverallReportContent } from '../schema';
import type { Rule } from './rule';

export const HEADER_RULES: Rule<OverallReportContent>[] = [
  {
    id: 'header.title-year',
    severity: 'warning',
    title: '标题中的年度与报告年度一致',
    check: ({ header }, { fiscalYear }) => {
      const years = header.title.match(/(?:19|20)\d{2}/g) ?? [];
      return years.some((y) => Number(y) !== fiscalYear)
        ? [{ path: 'header.title', message: `标题写的是 ${years.join('、')} 年，报告年度为 ${fiscalYear} 年` }]
        : [];
    },
  },
];
