import { Descriptions } from 'antd';
import { ResponsiveTable } from '../../../components/responsive-table';
import type { ConclusionPart, GoalsPart, ProblemsPart, ResultsPart, SelfEvaluationPart } from '@evalflow/domain';
import { formatPercent, textOrDash } from '../fields/format';
import { Paragraphs, Subsection } from './paragraphs';
import { indexed, rowAnchor, type Indexed } from './indexed-rows';

export function GoalsView({ content }: { content: GoalsPart }) {
  if (content.items.length === 0) return <Paragraphs text="" />;
  return (
    <ol style={{ margin: 0, paddingInlineStart: 24 }}>
      {content.items.map((goal, i) => (
        <li key={i} style={{ marginBottom: 6 }}>
          {textOrDash(goal.text)}
        </li>
      ))}
    </ol>
  );
}

export function SelfEvaluationView({ content }: { content: SelfEvaluationPart }) {
  return (
    <>
      <Subsection title="（一）自评组织工作">
        <Paragraphs text={content.organization} />
      </Subsection>
      <Subsection title="（二）自评方法和过程">
        <Paragraphs text={content.methodAndProcess} />
      </Subsection>
    </>
  );
}

type ResultItem = ResultsPart['items'][number];

export function ResultsView({ content }: { content: ResultsPart }) {
  return (
    <>
      <Subsection title="总体完成情况">
        <Paragraphs text={content.overall} />
      </Subsection>
      <Subsection title="分项完成情况">
        <ResponsiveTable<Indexed<ResultItem>>
          size="small"
          pagination={false}
          rowKey="rowIndex"
          dataSource={indexed(content.items)}
          onRow={rowAnchor('results.items')}
          locale={{ emptyText: '未填写' }}
          columns={[
            { title: '序号', dataIndex: 'rowIndex', width: 60, render: (i: number) => i + 1 },
            { title: '完成情况', dataIndex: 'text', render: textOrDash },
            { title: '完成率', dataIndex: 'completionRate', width: 90, align: 'right', render: formatPercent },
            { title: '超额完成说明', dataIndex: 'explanation', width: 200, render: textOrDash },
          ]}
        />
      </Subsection>
    </>
  );
}

/** 总得分 (总分 in the project table) and 评价等级, the grade in the county's words. */
export function ConclusionView({
  content,
  gradeLabel,
  scoreLabel,
}: {
  content: ConclusionPart;
  gradeLabel: string | null;
  scoreLabel: string;
}) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'totalScore', label: scoreLabel, children: textOrDash(content.totalScore) },
        { key: 'grade', label: '评价等级', children: textOrDash(gradeLabel ?? content.grade) },
        { key: 'basis', label: '评价依据', children: textOrDash(content.basis), span: 'filled' },
      ]}
    />
  );
}

export function ProblemsView({ content }: { content: ProblemsPart }) {
  return (
    <>
      <Subsection title="（一）存在的主要问题">
        <Paragraphs text={content.problems} />
      </Subsection>
      <Subsection title="（二）改进措施">
        <Paragraphs text={content.measures} />
      </Subsection>
    </>
  );
}
