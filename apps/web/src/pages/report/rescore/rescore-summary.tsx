import { Descriptions, Typography } from 'antd';
import { dec, type RescoreTotals, type RescoringRule } from '@evalflow/domain';
import { textOrDash } from '../fields/format';

/** How the county counts the re-score, in words. */
export function ruleText(rule: RescoringRule): string {
  if (rule.mode === 'weighted' && rule.weight !== null) {
    return `加权：最终得分 = ${dec(rule.weight).toString()} × 复核得分 + ${dec(1).minus(rule.weight).toString()} × 自评得分（四舍五入到 2 位小数）`;
  }
  return '替换：复核得分替换自评得分（未复核的行按自评得分）';
}

/** The totals: 自评 / 复核 / 得分差 and the final score with its grade. */
export function RescoreSummary({ totals, rule }: { totals: RescoreTotals; rule: RescoringRule }) {
  return (
    <section aria-label="复核评分合计">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'self', label: '自评得分', children: totals.self },
          { key: 'reScore', label: '复核得分', children: textOrDash(totals.reScore) },
          { key: 'difference', label: '得分差（自评 − 复核）', children: textOrDash(totals.difference) },
          {
            key: 'final',
            label: '最终得分',
            children: (
              <Typography.Text strong>
                {totals.final}（{totals.finalGradeLabel}）
              </Typography.Text>
            ),
          },
          { key: 'rule', label: '计分规则', children: ruleText(rule), span: 2 },
        ]}
      />
    </section>
  );
}
