import { Badge, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import { ResponsiveTable } from '../../components/responsive-table';
import { Link } from 'react-router-dom';
import { dec } from '@evalflow/domain';
import { DeadlineTag } from '../reports/deadline-tag';
import { ReportStatusTag } from '../reports/report-status-tag';
import { PROGRESS_ORDER, type DashboardRow } from './dashboard-data';
import { FlagLight, FlagList } from './flag-light';
import { formatDate } from '../../components/date-time';
import { formatPercent, formatScore } from './format';

/** Compares decimal strings exactly; a missing value sorts below any number. */
const byDecimal = (pick: (r: DashboardRow) => string | null | undefined) => (a: DashboardRow, b: DashboardRow) => {
  const x = pick(a);
  const y = pick(b);
  if (x == null || y == null) return (x == null ? 0 : 1) - (y == null ? 0 : 1);
  return dec(x).comparedTo(dec(y));
};

const DEPARTMENT_COLUMN: TableColumnsType<DashboardRow>[number] = {
  title: '部门（单位）',
  dataIndex: 'name',
  width: 220,
  ellipsis: true,
  fixed: 'left',
  sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
};

/** The department's 部门整体支出绩效自评报告: its stage, deadline, score, grade, 执行率 and open comments. */
const OVERALL_COLUMNS: TableColumnsType<DashboardRow> = [
  {
    title: '状态',
    key: 'progress',
    width: 90,
    sorter: (a, b) => PROGRESS_ORDER.indexOf(a.progress) - PROGRESS_ORDER.indexOf(b.progress),
    render: (_, r) => (r.report ? <ReportStatusTag status={r.report.status} /> : <Tag data-missing>未创建</Tag>),
  },
  {
    title: '填报截止',
    key: 'deadline',
    width: 230,
    sorter: (a, b) => (a.deadline?.daysLeft ?? Infinity) - (b.deadline?.daysLeft ?? Infinity),
    render: (_, r) => (
      <Flex gap={4} wrap align="center">
        {r.deadline && <Typography.Text>{formatDate(r.deadline.dueOn)}</Typography.Text>}
        <DeadlineTag deadline={r.deadline} />
      </Flex>
    ),
  },
  {
    title: '得分',
    key: 'score',
    width: 80,
    align: 'right',
    sorter: byDecimal((r) => r.report?.totalScore),
    render: (_, r) => formatScore(r.report?.totalScore ?? null),
  },
  {
    title: '等级',
    key: 'grade',
    width: 80,
    render: (_, r) => r.report?.gradeLabel ?? '—',
  },
  {
    title: '复核得分',
    key: 'reScore',
    width: 150,
    align: 'right',
    sorter: byDecimal((r) => r.report?.reScore),
    render: (_, r) =>
      r.report?.reScore == null ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        <span title={`最终得分 ${r.report.finalScore}（${r.report.finalGradeLabel}）`}>
          {formatScore(r.report.reScore)}
          <Typography.Text type="secondary">（差 {r.report.scoreDifference}）</Typography.Text>
        </span>
      ),
  },
  {
    title: '执行率',
    key: 'executionRate',
    width: 100,
    align: 'right',
    sorter: byDecimal((r) => r.report?.executionRate),
    render: (_, r) => formatPercent(r.report?.executionRate ?? null),
  },
  {
    title: '未解决意见',
    key: 'openComments',
    width: 100,
    align: 'center',
    sorter: (a, b) => (a.report?.openComments ?? -1) - (b.report?.openComments ?? -1),
    render: (_, r) => {
      const n = r.report?.openComments;
      if (n === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
      return n > 0 ? (
        <Badge count={n} overflowCount={99} title={`${n} 条未解决的意见`} />
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      );
    },
  },
  {
    title: '佐证',
    key: 'evidenceFiles',
    width: 80,
    align: 'center',
    sorter: (a, b) => (a.report?.evidenceFiles ?? -1) - (b.report?.evidenceFiles ?? -1),
    render: (_, r) =>
      r.report ? (
        <span title={`${r.report.evidenceFiles} 个佐证材料文件`} data-evidence-files={r.id}>
          {r.report.evidenceFiles}
        </span>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

/** The department's 项目支出绩效自评表, counted apart from its 部门整体 report. */
const PROJECT_COLUMNS: TableColumnsType<DashboardRow> = [
  {
    title: '张数',
    key: 'projects',
    width: 170,
    sorter: (a, b) => a.projects.total - b.projects.total,
    render: (_, r) =>
      r.projects.total === 0 ? (
        <Typography.Text type="secondary">0</Typography.Text>
      ) : (
        <span data-projects={r.id}>
          {r.projects.total} 张
          <Typography.Text type="secondary">
            （已提交 {r.projects.submitted}，已通过 {r.projects.approved}）
          </Typography.Text>
        </span>
      ),
  },
  {
    title: '平均分（已提交和已通过的）',
    key: 'projectAverage',
    width: 130,
    align: 'right',
    sorter: byDecimal((r) => r.projects.averageScore),
    render: (_, r) => (
      <span title={r.projects.scored ? `${r.projects.scored} 张已评分` : undefined}>
        {formatScore(r.projects.averageScore)}
      </span>
    ),
  },
];

const LIGHT_ORDER = ['green', 'yellow', 'red'] as const;

/** 预警灯: red, yellow or green by the county's thresholds; the explanations in a tooltip and the expanded row. */
const LIGHT_COLUMN: TableColumnsType<DashboardRow>[number] = {
  title: '预警灯',
  key: 'light',
  width: 90,
  align: 'center',
  sorter: (a, b) =>
    (a.light ? LIGHT_ORDER.indexOf(a.light) : -1) - (b.light ? LIGHT_ORDER.indexOf(b.light) : -1) ||
    a.flags.length - b.flags.length,
  render: (_, r) => <FlagLight light={r.light} flags={r.flags} />,
};

/** 抽评整改: open 整改事项 of the department's reports, the overdue ones in red. */
const RECTIFICATION_COLUMN: TableColumnsType<DashboardRow>[number] = {
  title: '整改事项',
  key: 'rectifications',
  width: 110,
  align: 'center',
  sorter: (a, b) =>
    (a.rectifications?.overdue ?? 0) - (b.rectifications?.overdue ?? 0) ||
    (a.rectifications?.open ?? 0) - (b.rectifications?.open ?? 0),
  render: (_, r) =>
    r.rectifications?.open ? (
      <Flex gap={4} justify="center" wrap>
        <Tag>未办结 {r.rectifications.open}</Tag>
        {r.rectifications.overdue > 0 && <Tag color="red">逾期 {r.rectifications.overdue}</Tag>}
      </Flex>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    ),
};

const COLUMNS: TableColumnsType<DashboardRow> = [
  DEPARTMENT_COLUMN,
  LIGHT_COLUMN,
  RECTIFICATION_COLUMN,
  { title: '部门整体支出绩效自评报告', key: 'overall', children: OVERALL_COLUMNS },
  { title: '项目支出绩效自评表', key: 'projectTables', children: PROJECT_COLUMNS },
  {
    title: '操作',
    key: 'open',
    width: 80,
    fixed: 'right',
    render: (_, r) =>
      r.report ? (
        <Link to={`/reports/${r.report.id}`} aria-label={`查看${r.name}的部门整体支出绩效自评报告`}>
          {r.report.status === 'submitted' || r.report.status === 'in_review' ? '审核' : '查看'}
        </Link>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

/** Every budget department of the year: its 部门整体 report and its project tables, sortable by each figure. */
export function DepartmentTable({ rows, loading, empty }: { rows: DashboardRow[]; loading: boolean; empty: string }) {
  return (
    <ResponsiveTable<DashboardRow>
      rowKey="id"
      size="middle"
      columns={COLUMNS}
      dataSource={rows}
      loading={loading}
      scroll={{ x: 1470 }}
      expandable={{
        rowExpandable: (r) => r.flags.length > 0,
        expandedRowRender: (r) => <FlagList flags={r.flags} />,
      }}
      pagination={{ defaultPageSize: 50, hideOnSinglePage: true, showSizeChanger: true }}
      locale={{ emptyText: empty }}
    />
  );
}
