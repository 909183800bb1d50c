import { Badge, Flex, Tag, Typography, type TableColumnsType } from 'antd';
import {
  REPORT_KIND_LABELS,
  REPORT_KIND_SHORT_LABELS,
  REPORT_KINDS,
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  type ReportKind,
  type ReportStatus,
} from '@evalflow/domain';
import { Link } from 'react-router-dom';
import type { ReportSummaryView } from '../../api/report-types';
import { DateTime } from '../../components/date-time';
import { DeadlineTag } from './deadline-tag';
import { ReportStatusTag } from './report-status-tag';

type Column = TableColumnsType<ReportSummaryView>[number];

/** The columns both report lists show, by name, so each list picks and orders its own. */
export const REPORT_COLUMNS = {
  fiscalYear: { title: '年度', dataIndex: 'fiscalYear', width: 80 },
  department: { title: '部门（单位）', dataIndex: 'departmentName', width: 200, ellipsis: true },
  kind: {
    title: '类型',
    dataIndex: 'kind',
    width: 260,
    render: (_, r) => <ReportKindCell report={r} />,
  },
  status: {
    title: '状态',
    dataIndex: 'status',
    width: 90,
    render: (status: ReportStatus) => <ReportStatusTag status={status} />,
  },
  deadline: {
    title: '填报截止',
    key: 'deadline',
    width: 150,
    render: (_, r) => <DeadlineTag deadline={r.deadline} />,
  },
  openComments: {
    title: '未解决意见',
    dataIndex: 'openComments',
    width: 100,
    align: 'center',
    render: (n: number) =>
      n > 0 ? (
        <Badge count={n} overflowCount={99} title={`${n} 条未解决的意见`} />
      ) : (
        <Typography.Text type="secondary">0</Typography.Text>
      ),
  },
  score: {
    title: '得分 / 等级',
    key: 'score',
    width: 110,
    render: (_, r) => (r.totalScore === null ? '—' : `${r.totalScore}${r.gradeLabel ? ` / ${r.gradeLabel}` : ''}`),
  },
  executionRate: {
    title: '执行率',
    dataIndex: 'executionRate',
    width: 90,
    align: 'right',
    render: (v: string | null) => (v === null ? '—' : `${v}%`),
  },
  updatedAt: { title: '更新时间', dataIndex: 'updatedAt', width: 150, render: (v: string) => <DateTime value={v} /> },
} satisfies Record<string, Column>;

/** 类型: the kind's short name; a project table also names its project (项目：困难职工帮扶救助专项资金). */
function ReportKindCell({ report }: { report: ReportSummaryView }) {
  const tag = (
    <Tag color={report.kind === 'project' ? 'purple' : 'blue'} title={REPORT_KIND_LABELS[report.kind]}>
      {REPORT_KIND_SHORT_LABELS[report.kind] ?? report.kind}
    </Tag>
  );
  if (report.kind !== 'project') return tag;
  return (
    <Flex vertical gap={2} align="start">
      {tag}
      <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 240 }}>
        项目：{report.projectName ?? '—'}
      </Typography.Text>
      {report.projectCode && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {report.projectCode}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The last column: a link to the report page. */
export function openColumn(label: (r: ReportSummaryView) => string): Column {
  return {
    title: '操作',
    key: 'open',
    width: 90,
    fixed: 'right',
    render: (_, r) => <Link to={`/reports/${r.id}`}>{label(r)}</Link>,
  };
}

/** Fiscal years to filter by: this year and the five before it, newest first. */
export function fiscalYearOptions(now = new Date()): Array<{ value: number; label: string }> {
  const year = now.getFullYear();
  return Array.from({ length: 6 }, (_, i) => ({ value: year - i, label: `${year - i} 年度` }));
}

export const STATUS_OPTIONS = REPORT_STATUSES.map((s) => ({ value: s, label: REPORT_STATUS_LABELS[s] }));

export const KIND_OPTIONS: Array<{ value: ReportKind; label: string }> = REPORT_KINDS.map((k) => ({
  value: k,
  label: REPORT_KIND_LABELS[k],
}));
