import { useCallback, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tag, type TableColumnsType } from 'antd';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, type DepartmentKind } from '@evalflow/domain';
import { listDepartments, updateDepartment } from '../../api/departments-api';
import type { DepartmentView } from '../../api/types';
import { permissionsOf } from '../../auth/permissions';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { upsertById } from '../../hooks/upsert-by-id';
import { DepartmentFormDrawer } from './department-form-drawer';
import { KIND_COLORS } from './department-labels';

type KindFilter = DepartmentKind | 'all';

/**
 * 部门管理 for the county administrator; the same list, read-only, for the finance bureau.
 */
export function DepartmentsPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const canManage = permissionsOf(ability, me).manageDepartments;
  const confirmUpdate = useConfirmedUpdate();
  const [kind, setKind] = useState<KindFilter>('all');
  const [q, setQ] = useState('');
  const load = useCallback(
    (signal: AbortSignal) => listDepartments(session, { kind: kind === 'all' ? undefined : kind, q: q.trim() }, signal),
    [session, kind, q],
  );
  const departments = useRemote(load);
  const editor = useModalTarget<DepartmentView | 'new'>();

  const { setData } = departments;
  const replace = useCallback(
    (department: DepartmentView) => setData((rows = []) => upsertById(rows, department)),
    [setData],
  );

  const toggleActive = (d: DepartmentView) =>
    confirmUpdate({
      title: d.active ? `停用「${d.name}」？` : `启用「${d.name}」？`,
      content: d.active
        ? `停用后，不能再将用户分配到该部门。部门现有 ${d.userCount} 名用户的账号不受影响。`
        : '启用后，可以重新将用户分配到该部门。',
      okText: d.active ? '停用' : '启用',
      danger: d.active,
      send: () => updateDepartment(session, d.id, d.version, { active: !d.active }),
      success: d.active ? `已停用「${d.name}」` : `已启用「${d.name}」`,
      onSaved: replace,
    });

  const columns: TableColumnsType<DepartmentView> = [
    {
      title: '部门名称',
      dataIndex: 'name',
      fixed: 'left',
      width: 220,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 140,
      render: (k: DepartmentKind) => <Tag color={KIND_COLORS[k]}>{DEPARTMENT_KIND_LABELS[k] ?? k}</Tag>,
    },
    {
      title: '预算单位编码',
      dataIndex: 'budgetCode',
      width: 130,
      sorter: (a, b) => (a.budgetCode ?? '').localeCompare(b.budgetCode ?? ''),
      render: (v: string | null) => v ?? '—',
    },
    { title: '单位性质', dataIndex: 'unitNature', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '单位规格', dataIndex: 'unitLevel', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '经费保障形式', dataIndex: 'fundingForm', width: 120, render: (v: string | null) => v ?? '—' },
    {
      title: '用户数',
      dataIndex: 'userCount',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.userCount - b.userCount,
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      filters: [
        { text: '启用', value: true },
        { text: '已停用', value: false },
      ],
      onFilter: (value, d) => d.active === value,
      render: (active: boolean) => (active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (v: string) => <DateTime value={v} />,
    },
  ];
  if (canManage) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => editor.show(d)}>
            编辑
          </Button>
          <Button type="link" size="small" danger={d.active} onClick={() => toggleActive(d)}>
            {d.active ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    });
  }

  const filtered = kind !== 'all' || q.trim() !== '';
  return (
    <>
      <PageHeader
        title={canManage ? '部门管理' : '部门'}
        description={
          canManage ? '维护本县（区）的预算部门（单位）与财政局。' : '本县（区）的预算部门（单位）与财政局（只读）。'
        }
        extra={
          canManage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
              新建部门
            </Button>
          )
        }
      />
      <FilterBar onRefresh={departments.reload}>
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: '全部' },
            ...DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] })),
          ]}
        />
        <SearchFilter placeholder="部门名称或预算单位编码" maxLength={50} onSearch={setQ} style={{ width: 260 }} />
      </FilterBar>
      <DataTable<DepartmentView>
        columns={columns}
        dataSource={departments.error !== undefined ? [] : departments.data}
        loading={departments.loading}
        error={departments.error}
        onRetry={departments.reload}
        empty={filtered ? '没有符合条件的部门' : canManage ? '还没有部门，点击右上角「新建部门」添加' : '暂无部门'}
        scroll={{ x: 1200 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个部门` }}
      />
      {editor.target !== null && (
        <DepartmentFormDrawer
          department={editor.target === 'new' ? undefined : editor.target}
          {...editor.dialog}
          onSaved={replace}
        />
      )}
    </>
  );
}
