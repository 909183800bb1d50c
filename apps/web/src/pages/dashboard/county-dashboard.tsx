import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Col, Row, Select, Skeleton, Space, Typography } from 'antd';
import type { ApiClient } from '../../api/client';
import { exportSummary, getDashboard } from '../../api/dashboard-api';
import { formatDate } from '../../components/date-time';
import { FilterBar } from '../../components/filter-bar';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useFileExport } from '../../hooks/use-file-export';
import { useRemote } from '../../hooks/use-remote';
import {
  filterRows,
  LIGHT_FILTER_LABELS,
  PROGRESS_LABELS,
  PROGRESS_ORDER,
  yearOptions,
  type LightFilter,
  type Progress,
} from './dashboard-data';
import { DepartmentTable } from './department-table';
import { CountyExport, IndicatorExport } from './county-export';
import { ProgressChart } from './progress-chart';
import { SummaryCards } from './summary-cards';

// the chart library is a chunk of its own, fetched once the figures are there
const DashboardCharts = lazy(() => import('./dashboard-charts'));

const PROGRESS_OPTIONS = PROGRESS_ORDER.map((p) => ({ value: p, label: PROGRESS_LABELS[p] }));
const LIGHT_OPTIONS = (['red', 'yellow', 'green', 'none'] as const).map((l) => ({
  value: l,
  label: LIGHT_FILTER_LABELS[l],
}));

/**
 * 县级概览: every budget department of the county and its reports of the chosen year, with the
 * figures and charts the server computed (GET /api/dashboard, one request a year).
 */
export function CountyDashboard({ api, countyName, now }: { api: ApiClient; countyName: string; now?: Date }) {
  // undefined until the user picks one: the server opens the newest year with reports
  const [chosenYear, setChosenYear] = useState<number>();
  const load = useCallback((signal: AbortSignal) => getDashboard(api, chosenYear, signal), [api, chosenYear]);
  const dashboard = useRemote(load);
  const view = dashboard.data;
  const year = view?.fiscalYear;

  const [progress, setProgress] = useState<Progress>();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [light, setLight] = useState<LightFilter>();
  const rows = useMemo(() => view?.departments ?? [], [view]);
  const exportFile = useFileExport();
  const shown = useMemo(() => filterRows(rows, { progress, overdueOnly, light }), [rows, progress, overdueOnly, light]);

  const header = (
    <PageHeader
      title="县级概览"
      description={
        year === undefined
          ? `${countyName}各预算部门的绩效自评进度`
          : `${countyName} ${year} 年度各预算部门的绩效自评进度：${
              view?.dueOn ? `填报截止日期 ${formatDate(view.dueOn)}` : '本年度尚未设置填报截止日期'
            }`
      }
      extra={
        year !== undefined && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exportFile.exporting}
              onClick={() =>
                void exportFile.run(() => exportSummary(api, year), `${countyName}-${year}-绩效自评汇总表.xlsx`)
              }
            >
              导出汇总表
            </Button>
            <IndicatorExport api={api} fiscalYear={year} />
            <CountyExport api={api} kind="approved_pdfs" fiscalYear={year} />
          </Space>
        )
      }
    />
  );
  if (!view) {
    return (
      <>
        {header}
        {dashboard.error !== undefined ? (
          <LoadError error={dashboard.error} onRetry={dashboard.reload} />
        ) : (
          <Skeleton active aria-busy="true" />
        )}
      </>
    );
  }

  // a year being changed keeps the last figures on screen until the new ones arrive
  const loading = dashboard.loading && dashboard.error === undefined;
  const ready = !loading && dashboard.error === undefined;
  const filtered = progress !== undefined || overdueOnly || light !== undefined;
  return (
    <>
      {header}
      <FilterBar onRefresh={dashboard.reload}>
        <Select<number>
          aria-label="年度"
          style={{ width: 130 }}
          value={chosenYear ?? view.fiscalYear}
          onChange={(value) => setChosenYear(value)}
          options={yearOptions(view.years, view.fiscalYear, now)}
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
        <Select<LightFilter>
          allowClear
          placeholder="全部预警灯"
          aria-label="预警灯"
          style={{ width: 130 }}
          value={light}
          onChange={setLight}
          options={LIGHT_OPTIONS}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          只看逾期
        </Checkbox>
      </FilterBar>
      {dashboard.error !== undefined && <LoadError error={dashboard.error} onRetry={dashboard.reload} />}
      {loading && <Skeleton active paragraph={{ rows: 3 }} aria-busy="true" />}
      {ready && (
        <>
          <SummaryCards summary={view.summary} />
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24}>
              <ProgressChart byProgress={view.summary.byProgress} total={view.summary.departments} />
            </Col>
          </Row>
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} aria-busy="true" />}>
            <DashboardCharts view={view} />
          </Suspense>
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
          dashboard.error !== undefined
            ? '加载失败'
            : rows.length === 0
              ? '本县（区）还没有预算部门'
              : '没有符合条件的部门'
        }
      />
    </>
  );
}
