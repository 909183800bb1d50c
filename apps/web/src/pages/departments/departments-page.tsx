import { useCallback, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Segmented, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, type DepartmentKind } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import { listDepartments, updateDepartment } from '../../api/departments-api';
import { latestFromConflict, VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../../api/error-details';
import type { DepartmentView } from '../../api/types';
import { permissionsOf } from '../../auth/permissions';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
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
  const { message, modal } = App.useApp();
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
    (department: DepartmentView) =>
      setData((rows = []) => {
        const index = rows.findIndex((row) => row.id === department.id);
        if (index === -1) return [department, ...rows];
        const copy = [...rows];
        copy[index] = department;
        return copy;
      }),
    [setData],
  );

  const toggleActive = (d: DepartmentView) => {
    const deactivating = d.active;
    modal.confirm({
      title: deactivating ? `停用「${d.name}」？` : `启用「${d.name}」？`,
      content: deactivating
        ? `停用后，不能再将用户分配到该部门。部门现有 ${d.userCount} 名用户的账号不受影响。`
        : '启用后，可以重新将用户分配到该部门。',
      okText: deactivating ? '停用' : '启用',
      okButtonProps: { danger: deactivating },
      cancelText: '取消',
      onOk: async () => {
        try {
          replace(await updateDepartment(session, d.id, d.version, { active: !deactivating }));
          message.success(deactivating ? `已停用「${d.name}」` : `已启用「${d.name}」`);
        } catch (e) {
          const latest = latestFromConflict<DepartmentView>(e);
          if (latest) {
            replace(latest);
            message.warning(`${VERSION_CONFLICT_TITLE}：${VERSION_CONFLICT_HINT}`);
          } else {
            message.error(messageOf(e));
          }
        }
      },
    });
  };

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
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<KindFilter>
          value={kind}
          onChange={setKind}
          options={[
            { value: 'all', label: '全部' },
            ...DEPARTMENT_KINDS.map((k) => ({ value: k, label: DEPARTMENT_KIND_LABELS[k] })),
          ]}
        />
        <Input.Search
          placeholder="部门名称或预算单位编码"
          allowClear
          maxLength={50}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ width: 260 }}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} onClick={departments.reload} aria-label="刷新" />
        </Tooltip>
      </Space>
      {departments.error !== undefined && <LoadError error={departments.error} onRetry={departments.reload} />}
      <Table<DepartmentView>
        rowKey="id"
        columns={columns}
        dataSource={departments.error !== undefined ? [] : departments.data}
        loading={departments.loading}
        size="middle"
        scroll={{ x: 1200 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个部门` }}
        locale={{
          emptyText: (
            <Empty
              description={
                departments.error !== undefined
                  ? '加载失败'
                  : filtered
                    ? '没有符合条件的部门'
                    : canManage
                      ? '还没有部门，点击右上角「新建部门」添加'
                      : '暂无部门'
              }
            />
          ),
        }}
      />
      {editor.target !== null && (
        <DepartmentFormDrawer
          department={editor.target === 'new' ? undefined : editor.target}
          open={editor.open}
          onClose={editor.hide}
          afterClose={editor.afterClose}
          onSaved={replace}
        />
      )}
    </>
  );
}
