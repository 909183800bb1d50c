import { dec } from '../../money/decimal';
import { bandFor, gradeLabel } from '../grades';
import { totalScore } from '../scoring';
import type { ConclusionPart, ScoreTablePart } from '../schema';
import type { Rule } from './rule';

/** What the conclusion's rules read: 总分 and 等级 beside the table they come from. */
export interface ConcludedContent {
  conclusion: ConclusionPart;
  scoreTable: ScoreTablePart;
}

export const CONCLUSION_RULES: Rule<ConcludedContent>[] = [
  {
    id: 'conclusion.score-equals-table',
    severity: 'error',
    title: '总得分 = 绩效自评表各项得分之和',
    check: ({ conclusion, scoreTable }) => {
      if (conclusion.totalScore === null || scoreTable.indicators.length === 0) return [];
      const table = totalScore(scoreTable);
      return table.equals(conclusion.totalScore)
        ? []
        : [
            {
              path: 'conclusion.totalScore',
              message: `总得分填报为 ${conclusion.totalScore} 分，绩效自评表各项得分合计为 ${table.toString()} 分`,
              remedy: `把总得分改为 ${table.toString()} 分，或核对绩效自评表各项得分`,
            },
          ];
    },
  },
  {
    id: 'conclusion.grade-matches-band',
    severity: 'error',
    title: '评价等级与得分所在档次一致（各档含下限）',
    check: ({ conclusion }, { gradeBands }) => {
      if (conclusion.totalScore === null || conclusion.grade === null) return [];
      const band = bandFor(conclusion.totalScore, gradeBands);
      if (band.grade === conclusion.grade) return [];
      const ordered = [...gradeBands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
      const range = ordered.map((b) => `${b.label} ≥ ${b.min}`).join('，');
      return [
        {
          path: 'conclusion.grade',
          message: `总得分 ${conclusion.totalScore} 分对应等级「${band.label}」（${range}），填报为「${gradeLabel(conclusion.grade, gradeBands)}」`,
          remedy: `把评价等级改为「${band.label}」`,
        },
      ];
    },
  },
];
