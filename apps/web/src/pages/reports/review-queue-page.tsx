import { useCallback, useState } from 'react';
import { Select } from 'antd';
import type { ReportKind, ReportStatus } from '@evalflow/domain';
import { listDepartments } from '../../api/departments-api';
import type { ReportSummaryView } from '../../api/report-types';
import { useSession } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useRemote } from '../../hooks/use-remote';
import { fiscalYearOptions, KIND_OPTIONS, openColumn, REPORT_COLUMNS, STATUS_OPTIONS } from './report-columns';
import { loadQueuePage } from './review-queue';

/** 待审报告: every report of the county of both kinds, those awaiting review (已提交, 审核中) first. */
export function ReviewQueuePage() {
  const session = useSession();
  const [fiscalYear, setFiscalYear] = useState<number>();
  const [status, setStatus] = useState<ReportStatus>();
  const [departmentId, setDepartmentId] = useState<string>();
  const [kind, setKind] = useState<ReportKind>();
  const loadDepartments = useCallback(
    (signal: AbortSignal) => listDepartments(session, { kind: 'budget_department' }, signal),
    [session],
  );
  const departments = useRemote(loadDepartments);
  const loadPage = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      loadQueuePage(session, { fiscalYear, status, departmentId, kind }, cursor, signal),
    [session, fiscalYear, status, departmentId, kind],
  );
  const list = useCursorList<ReportSummaryView>(loadPage);
  const filtered = fiscalYear !== undefined || status !== undefined || departmentId !== undefined || kind !== undefined;

  const c = REPORT_COLUMNS;
  return (
    <>
      <PageHeader
        title="待审报告"
        description="本县（区）各部门的部门整体支出绩效自评报告和项目支出绩效自评表：已提交、审核中的排在前面。"
      />
      <FilterBar onRefresh={list.reload}>
        <Select<number>
          allowClear
          placeholder="全部年度"
          aria-label="年度"
          style={{ width: 130 }}
          value={fiscalYear}
          onChange={setFiscalYear}
          options={fiscalYearOptions()}
        />
        <Select<ReportKind>
          allowClear
          placeholder="全部类型"
          aria-label="类型"
          style={{ width: 220 }}
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
        />
        <Select<ReportStatus>
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          style={{ width: 130 }}
          value={status}
          onChange={setStatus}
          options={STATUS_OPTIONS}
        />
        <Select<string>
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="全部部门"
          aria-label="部门"
          style={{ width: 220 }}
          value={departmentId}
          onChange={setDepartmentId}
          loading={departments.loading}
          notFoundContent={departments.error !== undefined ? '部门列表加载失败' : undefined}
          options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
        />
      </FilterBar>
      <CursorTable<ReportSummaryView>
        list={list}
        columns={[
          c.department,
          c.fiscalYear,
          c.kind,
          c.status,
          c.deadline,
          c.openComments,
          c.score,
          c.executionRate,
          c.updatedAt,
          openColumn((r) => (r.status === 'submitted' || r.status === 'in_review' ? '审核' : '查看')),
        ]}
        empty={filtered ? '没有符合条件的报告' : '本县（区）还没有自评报告'}
        shown={(n) => `已显示 ${n} 份报告`}
        scroll={{ x: 1400 }}
      />
    </>
  );
}
