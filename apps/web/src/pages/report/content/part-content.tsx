import { Typography } from 'antd';
import type {
  BasicInfoPart,
  BudgetPart,
  ConclusionPart,
  GoalsPart,
  HeaderPart,
  ProblemsPart,
  ReportPart,
  ResultsPart,
  ScoreTablePart,
  SelfEvaluationPart,
  TeamPart,
} from '@evalflow/domain';
import { BasicInfoView } from './basic-info-view';
import { BudgetView } from './budget-view';
import { HeaderView } from './header-view';
import { ConclusionView, GoalsView, ProblemsView, ResultsView, SelfEvaluationView } from './narrative-views';
import { ScoreTableView } from './score-table-view';
import { TeamView } from './team-view';

/** One part of the report, read-only, laid out the way the printed report has it. */
export function PartContent({
  part,
  content,
  gradeLabel,
}: {
  part: ReportPart;
  content: unknown;
  gradeLabel: string | null;
}) {
  if (content === null || typeof content !== 'object') {
    return <Typography.Text type="secondary">该部分暂无内容</Typography.Text>;
  }
  switch (part) {
    case 'header':
      return <HeaderView content={content as HeaderPart} />;
    case 'basicInfo':
      return <BasicInfoView content={content as BasicInfoPart} />;
    case 'budget':
      return <BudgetView content={content as BudgetPart} />;
    case 'goals':
      return <GoalsView content={content as GoalsPart} />;
    case 'selfEvaluation':
      return <SelfEvaluationView content={content as SelfEvaluationPart} />;
    case 'results':
      return <ResultsView content={content as ResultsPart} />;
    case 'conclusion':
      return <ConclusionView content={content as ConclusionPart} gradeLabel={gradeLabel} />;
    case 'problems':
      return <ProblemsView content={content as ProblemsPart} />;
    case 'team':
      return <TeamView content={content as TeamPart} />;
    case 'scoreTable':
      return <ScoreTableView content={content as ScoreTablePart} />;
  }
}
