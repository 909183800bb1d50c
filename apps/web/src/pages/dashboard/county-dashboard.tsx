import { useCallback, useMemo, useState } from 'react';
import { Checkbox, Col, Row, Select, Skeleton, Typography } from 'antd';
import type { ApiClient } from '../../api/client';
import { formatDate } from '../../components/date-time';
import { FilterBar } from '../../components/filter-bar';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';
import {
  filterRows,
  gradeDistribution,
  joinRows,
  PROGRESS_LABELS,
  PROGRESS_ORDER,
  summarise,
  type Progress,
} from './dashboard-data';
import { defaultYear, loadCountyBasics, loadYearReports, yearOptions } from './dashboard-load';
import { DepartmentTable } from './department-table';
import { GradeChart } from './grade-chart';
import { ProgressChart } from './progress-chart';
import { SummaryCards } from './summary-cards';

const PROGRESS_OPTIONS = PROGRESS_ORDER.map((p) => ({ value: p, label: PROGRESS_LABELS[p] }));

/** 县级概览: every budget department of the county and its report of the chosen year. */
export function CountyDashboard({ api, countyName, now }: { api: ApiClient; countyName: string; now?: Date }) {
  const loadBasics = useCallback((signal: AbortSignal) => loadCountyBasics(api, signal), [api]);
  const basics = useRemote(loadBasics);
  const [chosenYear, setChosenYear] = useState<number>();
  const year = basics.data ? (chosenYear ?? defaultYear(basics.data.latestYear, now)) : undefined;

  const loadReports = useCallback(
    (signal: AbortSignal) =>
      year === undefined ? new Promise<never>(() => undefined) : loadYearReports(api, year, signal),
    [api, year],
  );
  const reports = useRemote(loadReports);

  const [progress, setProgress] = useState<Progress>();
  const [overdueOnly, setOverdueOnly] = useState(false);

  const dueOn = basics.data?.deadlines.find((d) => d.fiscalYear === year)?.dueOn ?? null;
  const rows = useMemo(
    () => (basics.data && reports.data ? joinRows(basics.data.departments, reports.data, dueOn, now) : []),
    [basics.data, reports.data, dueOn, now],
  );
  const summary = useMemo(() => summarise(rows), [rows]);
  const grades = useMemo(() => gradeDistribution(rows, basics.data?.gradeBands ?? []), [rows, basics.data]);
  const shown = useMemo(() => filterRows(rows, { progress, overdueOnly }), [rows, progress, overdueOnly]);

  const header = (
    <PageHeader
      title="县级概览"
      description={
        year === undefined
          ? `${countyName}各预算部门的绩效自评进度`
          : `${countyName} ${year} 年度各预算部门的绩效自评进度：${
              dueOn ? `填报截止日期 ${formatDate(dueOn)}` : '本年度尚未设置填报截止日期'
            }`
      }
    />
  );
  if (basics.error !== undefined) {
    return (
      <>
        {header}
        <LoadError error={basics.error} onRetry={basics.reload} />
      </>
    );
  }
  if (!basics.data || year === undefined) {
    return (
      <>
        {header}
        <Skeleton active aria-busy="true" />
      </>
    );
  }

  const loading = reports.loading && reports.error === undefined;
  const ready = !loading && reports.error === undefined;
  const filtered = progress !== undefined || overdueOnly;
  return (
    <>
      {header}
      <FilterBar onRefresh={reports.reload}>
        <Select<number>
          aria-label="年度"
          style={{ width: 130 }}
          value={year}
          onChange={(value) => setChosenYear(value)}
          options={yearOptions(basics.data, now)}
        />
        <Select<Progress>
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 130 }}
          value={progress}
          onChange={setProgress}
          options={PROGRESS_OPTIONS}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          只看逾期
        </Checkbox>
      </FilterBar>
      {reports.error !== undefined && <LoadError error={reports.error} onRetry={reports.reload} />}
      {loading && <Skeleton active paragraph={{ rows: 3 }} aria-busy="true" />}
      {ready && (
        <>
          <SummaryCards summary={summary} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} lg={12}>
              <GradeChart
                counts={grades}
                unscored={rows.filter((r) => r.report && r.report.totalScore === null).length}
              />
            </Col>
            <Col xs={24} lg={12}>
              <ProgressChart byProgress={summary.byProgress} total={summary.departments} />
            </Col>
          </Row>
        </>
      )}
      {ready && filtered && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
          共 {rows.length} 个部门，符合条件 {shown.length} 个
        </Typography.Text>
      )}
      <DepartmentTable
        rows={ready ? shown : []}
        loading={loading}
        empty={
          reports.error !== undefined
            ? '加载失败'
            : rows.length === 0
              ? '本县（区）还没有预算部门'
              : '没有符合条件的部门'
        }
      />
    </>
  );
}
