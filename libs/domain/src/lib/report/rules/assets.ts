import { dec, formatAmount, percentChange, roundHalfUp, statedPercentAgrees } from '../../money/decimal';
import { yearEndHeadcount } from '../figures';
import type { AssetFigures, OverallReportContent } from '../schema';
import type { Finding, Rule } from './rule';

const FIELDS: Array<{ key: keyof AssetFigures; label: string }> = [
  { key: 'totalAssets', label: '资产总额' },
  { key: 'totalLiabilities', label: '负债总额' },
  { key: 'netAssets', label: '净资产' },
];

function netFindings(figures: AssetFigures | null, path: string, when: string): Finding[] {
  if (!figures) return [];
  const expected = dec(figures.totalAssets).minus(figures.totalLiabilities);
  return expected.equals(figures.netAssets)
    ? []
    : [
        {
          path: `${path}.netAssets`,
          message: `${when}净资产 ${formatAmount(figures.netAssets)} 万元，应等于资产总额 ${formatAmount(figures.totalAssets)} 万元减负债总额 ${formatAmount(figures.totalLiabilities)} 万元，即 ${formatAmount(expected)} 万元`,
        },
      ];
}

const signed = (value: string) => (value.startsWith('-') || value === '0' ? value : `+${value}`);

export const ASSET_RULES: Rule<OverallReportContent>[] = [
  {
    id: 'assets.net-equals-assets-minus-liabilities',
    severity: 'error',
    title: '净资产 = 资产总额 − 负债总额',
    check: ({ basicInfo: { assets } }) => [
      ...netFindings(assets.current, 'basicInfo.assets.current', '年末'),
      ...netFindings(assets.previous, 'basicInfo.assets.previous', '上年'),
    ],
  },
  {
    id: 'assets.yoy-agrees-with-figures',
    severity: 'error',
    title: '同比变化与本年、上年数一致（四舍五入到填报的小数位）',
    check: ({ basicInfo: { assets } }) => {
      const findings: Finding[] = [];
      for (const { key, label } of FIELDS) {
        const stated = assets.yoy[key];
        const path = `basicInfo.assets.yoy.${key}`;
        if (!assets.current) continue;
        if (!assets.previous) {
          if (stated !== null)
            findings.push({ path, message: `填报了${label}的同比变化 ${signed(stated)}%，但未填报上年数` });
          continue;
        }
        const exact = percentChange(assets.current[key], assets.previous[key]);
        const figures = `本年 ${formatAmount(assets.current[key])} 万元，上年 ${formatAmount(assets.previous[key])} 万元`;
        if (exact === null) {
          if (stated !== null)
            findings.push({ path, message: `上年${label}为 0，无法计算同比变化（${figures}），请留空` });
        } else if (stated === null) {
          findings.push({
            path,
            message: `请填写${label}的同比变化：应为 ${signed(roundHalfUp(exact, 1).toFixed(1))}%（${figures}）`,
          });
        } else if (!statedPercentAgrees(stated, exact)) {
          findings.push({
            path,
            message: `${label}较上年变化应为 ${signed(roundHalfUp(exact, Math.max(1, stated.split('.')[1]?.length ?? 0)).toString())}%（${figures}），填报为 ${signed(stated)}%`,
          });
        }
      }
      return findings;
    },
  },
  {
    id: 'assets.previous-year-matches-last-report',
    severity: 'error',
    title: '上年数与上年度已通过报告一致',
    check: ({ basicInfo }, { previousYear }) => {
      if (!previousYear) return [];
      const findings: Finding[] = [];
      const last = previousYear.content.basicInfo;
      const year = `${previousYear.fiscalYear} 年度已通过报告`;
      if (last.assets.current) {
        for (const { key, label } of FIELDS) {
          const stated = basicInfo.assets.previous?.[key];
          const truth = last.assets.current[key];
          if (stated === undefined) {
            findings.push({
              path: `basicInfo.assets.previous.${key}`,
              message: `请填写上年${label}（${year}为 ${formatAmount(truth)} 万元）`,
            });
          } else if (!dec(stated).equals(truth)) {
            findings.push({
              path: `basicInfo.assets.previous.${key}`,
              message: `上年${label}填报为 ${formatAmount(stated)} 万元，与${year}中的 ${formatAmount(truth)} 万元不一致`,
            });
          }
        }
      }
      const lastHeadcount = yearEndHeadcount(last.staffing);
      const statedHeadcount = basicInfo.staffing.previousHeadcount;
      if (lastHeadcount !== null && statedHeadcount !== lastHeadcount) {
        findings.push({
          path: 'basicInfo.staffing.previousHeadcount',
          message:
            statedHeadcount === null
              ? `请填写上年人数（${year}为 ${lastHeadcount} 人）`
              : `上年人数填报为 ${statedHeadcount} 人，与${year}中的 ${lastHeadcount} 人不一致`,
        });
      }
      return findings;
    },
  },
];
