import { Typography } from 'antd';
import type {
  BasicInfoPart,
  BudgetPart,
  ConclusionPart,
  GoalsPart,
  HeaderPart,
  ObjectivesPart,
  PreparersPart,
  ProblemsPart,
  ProjectInfoPart,
  ReportKind,
  ReportPart,
  ResultsPart,
  ScoreTablePart,
  SelfEvaluationPart,
  TeamPart,
} from '@evalflow/domain';
import { fieldLabelOf } from '../fields/field-paths';
import { BasicInfoView } from './basic-info-view';
import { BudgetView } from './budget-view';
import { HeaderView } from './header-view';
import { ConclusionView, GoalsView, ProblemsView, ResultsView, SelfEvaluationView } from './narrative-views';
import { ObjectivesView, PreparersView, ProjectInfoView } from './project-views';
import { ScoreTableView } from './score-table-view';
import { TeamView } from './team-view';

/** One part of a report of either kind, read-only, laid out the way the printed report has it. */
export function PartContent({
  kind,
  part,
  content,
  gradeLabel,
}: {
  kind: ReportKind;
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
      return (
        <ConclusionView
          content={content as ConclusionPart}
          gradeLabel={gradeLabel}
          scoreLabel={fieldLabelOf(kind, 'conclusion.totalScore')}
        />
      );
    case 'problems':
      return <ProblemsView content={content as ProblemsPart} />;
    case 'team':
      return <TeamView content={content as TeamPart} />;
    case 'scoreTable':
      return <ScoreTableView content={content as ScoreTablePart} />;
    case 'projectInfo':
      return <ProjectInfoView content={content as ProjectInfoPart} />;
    case 'objectives':
      return <ObjectivesView content={content as ObjectivesPart} />;
    case 'preparers':
      return <PreparersView content={content as PreparersPart} />;
  }
}
