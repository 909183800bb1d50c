import { Col, Flex, Row, Statistic, Typography } from 'antd';
import { Column, Line, Scatter } from '@ant-design/plots';
import type { DashboardView, YearFigures } from '../../api/dashboard-api';
import { ChartCard } from './chart-card';
import {
  comparisonBars,
  describeComparison,
  describeGrades,
  describeProgress,
  describeScatter,
  gradeBars,
  progressPoints,
  scatterDots,
} from './chart-data';
import { formatPercent, formatScore } from './format';

/** Shared by every chart: fills its card, no animation (the figures are read, not watched). */
const BASE = { autoFit: true, height: 260, animate: false } as const;
/** Counts of reports: whole numbers on the axis, never 0.2 份. */
const COUNT_AXIS = { tickFilter: (tick: number) => Number.isInteger(tick) };

/**
 * The four charts of 县级概览, drawn with @ant-design/plots. A chunk of its own, loaded after the
 * figures and the table (React.lazy): the chart library never weighs on the first page.
 */
export default function DashboardCharts({ view }: { view: DashboardView }) {
  const { current, previous } = view;
  const bars = gradeBars(current);
  const dots = scatterDots(view.scatter);
  const noReports = `${view.fiscalYear} 年度还没有报告`;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={12}>
        <ChartCard
          title="等级分布（部门整体报告）"
          description={describeGrades(bars)}
          extra={<ScoresCounted drafts={current.draftsScored} />}
          empty={
            current.reports === 0
              ? noReports
              : bars.every((b) => b.count === 0)
                ? '本年度还没有评分的部门整体报告'
                : undefined
          }
        >
          <Column
            {...BASE}
            data={bars}
            xField="label"
            yField="count"
            colorField="label"
            legend={false}
            axis={{ x: { title: '等级' }, y: { title: '报告数（份）', ...COUNT_AXIS } }}
            label={{ text: 'count', position: 'inside' }}
            tooltip={{ items: [{ channel: 'y', name: '报告数（份）' }] }}
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title="执行率与得分"
          description={describeScatter(dots)}
          empty={dots.length === 0 ? '本年度还没有同时有执行率和得分的报告' : undefined}
        >
          <Scatter
            {...BASE}
            data={dots}
            xField="executionRate"
            yField="totalScore"
            colorField="series"
            shapeField="point"
            axis={{ x: { title: '执行率（%）' }, y: { title: '得分' } }}
            tooltip={{
              title: 'name',
              items: [
                { field: 'rateText', name: '执行率' },
                { field: 'scoreText', name: '得分' },
              ],
            }}
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title="逐周进度（部门整体报告）"
          description={describeProgress(view.progress)}
          empty={view.progress.length === 0 ? '本年度还没有提交或通过的部门整体报告' : undefined}
        >
          <Line
            {...BASE}
            data={progressPoints(view.progress)}
            xField="weekStart"
            yField="count"
            colorField="series"
            point
            axis={{ x: { title: '周（周一）' }, y: { title: '累计份数', ...COUNT_AXIS } }}
          />
        </ChartCard>
      </Col>
      <Col xs={24} lg={12}>
        <ChartCard
          title={`与上一年度对比（${previous.fiscalYear} → ${current.fiscalYear}）`}
          description={describeComparison(current, previous)}
          empty={current.reports === 0 && previous.reports === 0 ? '两个年度都还没有部门整体报告' : undefined}
          extra={<YearAverages current={current} previous={previous} />}
        >
          <Column
            {...BASE}
            data={comparisonBars(current, previous)}
            xField="label"
            yField="count"
            colorField="year"
            group
            axis={{ x: { title: '等级' }, y: { title: '报告数（份）', ...COUNT_AXIS } }}
          />
        </ChartCard>
      </Col>
    </Row>
  );
}

function YearAverages({ current, previous }: { current: YearFigures; previous: YearFigures }) {
  const figures = [
    { key: 'score', title: '平均得分', format: formatScore, pick: (f: YearFigures) => f.averageScore },
    { key: 'rate', title: '平均执行率', format: formatPercent, pick: (f: YearFigures) => f.averageExecutionRate },
  ];
  return (
    <>
      <Flex wrap gap={24} style={{ marginBottom: 8 }}>
        {figures.flatMap((f) =>
          [previous, current].map((year) => (
            <div key={`${f.key}-${year.fiscalYear}`} data-average={`${f.key}-${year.fiscalYear}`}>
              <Statistic title={`${year.fiscalYear} 年度${f.title}`} value={f.format(f.pick(year))} />
            </div>
          )),
        )}
      </Flex>
      <ScoresCounted drafts={current.draftsScored} />
    </>
  );
}

/** What the score figures count, said beside them: drafts' own scores are left out. */
function ScoresCounted({ drafts }: { drafts: number }) {
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }} data-scores-counted>
      只计已提交、审核中和已通过的报告
      {drafts > 0 ? `；${drafts} 份草稿或退回报告的自评得分未计入` : '，不含草稿的自评得分'}
    </Typography.Paragraph>
  );
}
