import { useCallback, useState } from 'react';
import { Select } from 'antd';
import type { ReportKind, ReportStatus } from '@evalflow/domain';
import { listReports } from '../../api/reports-api';
import type { ReportSummaryView } from '../../api/report-types';
import { useSession, useSignedIn } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { FilterBar } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useCursorList } from '../../hooks/use-cursor-list';
import { permissionsOf } from '../../auth/permissions';
import { NewReportButton } from './new-report-button';
import { fiscalYearOptions, KIND_OPTIONS, openColumn, REPORT_COLUMNS, STATUS_OPTIONS } from './report-columns';

/** 我的报告: the department's own reports of both kinds, by year, kind and status. */
export function MyReportsPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const [fiscalYear, setFiscalYear] = useState<number>();
  const [status, setStatus] = useState<ReportStatus>();
  const [kind, setKind] = useState<ReportKind>();
  const loadPage = useCallback(
    async (cursor: string | null, signal: AbortSignal) => {
      const page = await listReports(session, { fiscalYear, status, kind }, cursor, signal);
      return { items: page.items, next: page.nextCursor };
    },
    [session, fiscalYear, status, kind],
  );
  const list = useCursorList<ReportSummaryView>(loadPage);
  const filtered = fiscalYear !== undefined || status !== undefined || kind !== undefined;

  const c = REPORT_COLUMNS;
  return (
    <>
      <PageHeader
        title="我的报告"
        description={`${me.department?.name ?? '本部门'}的部门整体支出绩效自评报告和项目支出绩效自评表：填写与修改，查看检查结果，处理财政局的审核意见，提交审核。`}
        extra={
          permissionsOf(ability, me).draftReports ? (
            <NewReportButton api={session} departmentId={me.department?.id ?? null} />
          ) : undefined
        }
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
      </FilterBar>
      <CursorTable<ReportSummaryView>
        list={list}
        columns={[
          c.fiscalYear,
          c.kind,
          c.status,
          c.deadline,
          c.openComments,
          c.score,
          c.updatedAt,
          openColumn((r) => (r.status === 'returned' ? '处理意见' : r.status === 'draft' ? '编辑' : '查看')),
        ]}
        empty={filtered ? '没有符合条件的报告' : '本部门还没有自评报告'}
        shown={(n) => `已显示 ${n} 份报告`}
        scroll={{ x: 1050 }}
      />
    </>
  );
}
