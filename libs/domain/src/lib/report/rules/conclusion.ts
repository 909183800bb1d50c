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
    // whatever the table holds: a stated total beside an empty 自评表 is compared with the nothing it sums to
    check: ({ conclusion, scoreTable }) => {
      if (conclusion.totalScore === null) return [];
      const table = totalScore(scoreTable);
      if (table.equals(conclusion.totalScore)) return [];
      const empty = scoreTable.indicators.length === 0;
      return [
        {
          path: 'conclusion.totalScore',
          message: empty
            ? `总得分填报为 ${conclusion.totalScore} 分，绩效自评表尚无绩效指标，各项得分合计为 ${table.toString()} 分`
            : `总得分填报为 ${conclusion.totalScore} 分，绩效自评表各项得分合计为 ${table.toString()} 分`,
          remedy: empty
            ? '先在绩效自评表中填写各项指标及得分，总得分为各项得分之和'
            : `把总得分改为 ${table.toString()} 分，或核对绩效自评表各项得分`,
        },
      ];
    },
  },
  {
    id: 'conclusion.grade-matches-band',
    severity: 'error',
    title: '评价等级与得分所在档次一致（各档含下限）',
    // a grade stated without a total is held against the table's own total
    check: ({ conclusion, scoreTable }, { gradeBands }) => {
      if (conclusion.grade === null) return [];
      const stated = conclusion.totalScore !== null;
      const score = stated ? (conclusion.totalScore as string) : totalScore(scoreTable).toString();
      const band = bandFor(score, gradeBands);
      if (band.grade === conclusion.grade) return [];
      const ordered = [...gradeBands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
      const range = ordered.map((b) => `${b.label} ≥ ${b.min}`).join('，');
      const source = stated ? `总得分 ${score} 分` : `总得分未填写，绩效自评表各项得分合计 ${score} 分`;
      return [
        {
          path: 'conclusion.grade',
          message: `${source}对应等级「${band.label}」（${range}），填报为「${gradeLabel(conclusion.grade, gradeBands)}」`,
          remedy: `把评价等级改为「${band.label}」`,
        },
      ];
    },
  },
];
