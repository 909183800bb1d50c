import { useCallback, useMemo, useState } from 'react';
import { DatePicker, Descriptions, Select, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { listAuditEntries } from '../../api/audit-log-api';
import { listDepartments } from '../../api/departments-api';
import type { AuditEntryView, AuditOutcome, DepartmentView } from '../../api/types';
import { useSession, useSignedIn } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useRemote } from '../../hooks/use-remote';
import {
  ACTION_FILTER_GROUPS,
  actionLabel,
  describeChanges,
  describeFacts,
  describeFromTo,
  OUTCOME_COLORS,
  OUTCOME_LABELS,
  TARGET_TYPE_LABELS,
} from './audit-labels';

const NO_DEPARTMENTS: DepartmentView[] = [];

/** 审计日志: logins, administrative changes and refused attempts, newest first. */
export function AuditLogPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const [action, setAction] = useState<string>();
  const [outcome, setOutcome] = useState<AuditOutcome>();
  const [actor, setActor] = useState('');
  const [days, setDays] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = days?.[0]?.format('YYYY-MM-DD');
  const to = days?.[1]?.format('YYYY-MM-DD');

  const loadPage = useCallback(
    async (before: string | null, signal: AbortSignal) => {
      const filter = { action, outcome, actor: actor.trim(), from, to };
      const page = await listAuditEntries(session, filter, before, signal);
      return { items: page.items, next: page.nextBefore };
    },
    [session, action, outcome, actor, from, to],
  );
  const entries = useCursorList(loadPage);

  // department ids in recorded changes read better as names (county administrators only)
  const readsDepartments = me.tenant !== null && ability.can('read', 'Department');
  const loadDepartments = useCallback(
    (signal: AbortSignal) =>
      readsDepartments ? listDepartments(session, {}, signal) : Promise.resolve(NO_DEPARTMENTS),
    [session, readsDepartments],
  );
  const departments = useRemote(loadDepartments);
  const departmentNames = useMemo(
    () => new Map((departments.data ?? []).map((d) => [d.id, d.name])),
    [departments.data],
  );

  const columns: TableColumnsType<AuditEntryView> = [
    {
      title: '时间',
      dataIndex: 'occurredAt',
      width: 150,
      render: (value: string) => <DateTime value={value} />,
    },
    {
      title: '操作人',
      dataIndex: 'actorUsername',
      width: 170,
      render: (username: string | null) => username ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '动作',
      dataIndex: 'action',
      width: 150,
      render: (value: string) => <span>{actionLabel(value)}</span>,
    },
    {
      title: '对象',
      key: 'target',
      width: 160,
      render: (_, e) => {
        if (!e.targetType) return <Typography.Text type="secondary">—</Typography.Text>;
        const name = e.details['username'] ?? e.details['name'];
        return (
          <span>
            {TARGET_TYPE_LABELS[e.targetType] ?? e.targetType}
            {typeof name === 'string' && ` · ${name}`}
          </span>
        );
      },
    },
    {
      title: '结果',
      dataIndex: 'outcome',
      width: 80,
      render: (value: AuditOutcome) => <Tag color={OUTCOME_COLORS[value]}>{OUTCOME_LABELS[value] ?? value}</Tag>,
    },
    {
      title: '详情',
      key: 'details',
      render: (_, e) => {
        const lines = [
          ...describeFromTo(e.action, e.details, departmentNames),
          ...describeChanges(e.details, departmentNames),
          ...describeFacts(e.details, departmentNames, e.action),
        ];
        return lines.length ? (
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: lines.join('\n') }} style={{ marginBottom: 0 }}>
            {lines.join('；')}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        );
      },
    },
    { title: 'IP 地址', dataIndex: 'clientIp', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  const filtered = action !== undefined || outcome !== undefined || actor.trim() !== '' || !!from || !!to;
  return (
    <>
      <PageHeader
        title="审计日志"
        description={
          me.tenant
            ? `${me.tenant.name}的登录、管理操作与越权尝试记录，按时间倒序。`
            : '平台级的登录、管理操作与越权尝试记录，按时间倒序。'
        }
      />
      <FilterBar onRefresh={entries.reload}>
        <Select
          placeholder="全部动作"
          allowClear
          value={action}
          onChange={setAction}
          style={{ width: 200 }}
          aria-label="按动作筛选"
          options={ACTION_FILTER_GROUPS.map((group) => ({
            label: group.label,
            title: group.label,
            options: [
              { value: group.prefix, label: `全部${group.label}操作` },
              ...group.actions.map((a) => ({ value: a, label: actionLabel(a) })),
            ],
          }))}
        />
        <Select<AuditOutcome>
          placeholder="全部结果"
          allowClear
          value={outcome}
          onChange={setOutcome}
          style={{ width: 120 }}
          aria-label="按结果筛选"
          options={(Object.keys(OUTCOME_LABELS) as AuditOutcome[]).map((o) => ({ value: o, label: OUTCOME_LABELS[o] }))}
        />
        <SearchFilter
          placeholder="操作人用户名（精确）"
          aria-label="按操作人筛选"
          maxLength={64}
          onSearch={setActor}
          style={{ width: 220 }}
        />
        <DatePicker.RangePicker
          value={days}
          onChange={(range) => setDays(range)}
          placeholder={['开始日期', '结束日期']}
          aria-label="按日期筛选"
          allowEmpty={[true, true]}
        />
      </FilterBar>
      <CursorTable<AuditEntryView>
        list={entries}
        columns={columns}
        scroll={{ x: 1150 }}
        empty={filtered ? '没有符合条件的记录' : '暂无审计记录'}
        shown={(count) => `已显示 ${count} 条`}
        expandable={{
          expandedRowRender: (e) => (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'target', label: '对象 ID', children: e.targetId ?? '—' },
                { key: 'request', label: '请求 ID', children: e.requestId ?? '—' },
                {
                  key: 'details',
                  label: '原始记录',
                  children: (
                    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
                      {JSON.stringify(e.details, null, 2)}
                    </pre>
                  ),
                },
              ]}
            />
          ),
        }}
      />
    </>
  );
}
