import { useCallback, useMemo, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { TENANT_STATUS_LABELS, type TenantStatus } from '@evalflow/domain';
import { listTenants, updateTenant } from '../../api/tenants-api';
import type { TenantView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DataTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { RefreshButton, SearchFilter } from '../../components/filter-bar';
import { PageHeader } from '../../components/page-header';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { upsertById } from '../../hooks/upsert-by-id';
import { TenantAdminModal } from './tenant-admin-modal';
import { TenantFormModal } from './tenant-form-modal';

const STATUS_COLORS: Record<TenantStatus, string> = { active: 'green', suspended: 'red' };

/** 县（区）管理: the platform administrator opens, edits, suspends counties and gives them administrators. */
export function TenantsPage() {
  const session = useSession();
  const confirmUpdate = useConfirmedUpdate();
  const load = useCallback((signal: AbortSignal) => listTenants(session, signal), [session]);
  const tenants = useRemote(load);
  const [search, setSearch] = useState('');
  const editor = useModalTarget<TenantView | 'new'>();
  const adminCreator = useModalTarget<TenantView>();

  const { setData } = tenants;
  const replace = useCallback(
    (tenant: TenantView) =>
      // a PATCH or 412 answer may lack the admins list: keep the one we have
      setData((rows = []) =>
        upsertById(rows, tenant, (row) => ({ ...row, ...tenant, admins: tenant.admins ?? row.admins })),
      ),
    [setData],
  );

  const toggleStatus = (tenant: TenantView) => {
    const suspending = tenant.status === 'active';
    confirmUpdate({
      title: suspending ? `停用「${tenant.name}」？` : `启用「${tenant.name}」？`,
      content: suspending
        ? '停用后，该县（区）所有用户的登录将立即失效，且在重新启用之前无法再登录。'
        : '启用后，该县（区）的用户可以重新登录。',
      okText: suspending ? '停用' : '启用',
      danger: suspending,
      send: () => updateTenant(session, tenant.id, tenant.version, { status: suspending ? 'suspended' : 'active' }),
      success: suspending ? `已停用「${tenant.name}」，其用户已全部退出登录` : `已启用「${tenant.name}」`,
      onSaved: replace,
    });
  };

  const rows = useMemo(() => {
    const q = search.trim().toLowerCase();
    const all = tenants.data ?? [];
    if (!q) return all;
    return all.filter((t) => [t.name, t.regionCode, t.city, t.province].some((v) => v.toLowerCase().includes(q)));
  }, [tenants.data, search]);

  const columns: TableColumnsType<TenantView> = [
    {
      title: '县（区）',
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
      render: (name: string, t) => (
        <Flex vertical>
          <Typography.Text strong>{name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t.province} {t.city}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '行政区划代码',
      dataIndex: 'regionCode',
      width: 130,
      sorter: (a, b) => a.regionCode.localeCompare(b.regionCode),
      defaultSortOrder: 'ascend',
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      filters: (Object.keys(TENANT_STATUS_LABELS) as TenantStatus[]).map((s) => ({
        text: TENANT_STATUS_LABELS[s],
        value: s,
      })),
      onFilter: (value, t) => t.status === value,
      render: (status: TenantStatus) => (
        <Tag color={STATUS_COLORS[status]}>{TENANT_STATUS_LABELS[status] ?? status}</Tag>
      ),
    },
    {
      title: '县级管理员',
      dataIndex: 'admins',
      render: (_, t) =>
        t.admins?.length ? (
          <Space size={[4, 4]} wrap>
            {t.admins.map((a) => (
              <Tooltip key={a.id} title={a.active ? a.username : `${a.username}（已停用）`}>
                <Tag
                  color={a.active ? undefined : 'default'}
                  style={a.active ? undefined : { textDecoration: 'line-through' }}
                >
                  {a.displayName}
                </Tag>
              </Tooltip>
            ))}
          </Space>
        ) : (
          <Typography.Text type="warning">尚未设置</Typography.Text>
        ),
    },
    {
      title: '更新时间',
      dataIndex: 'updatedAt',
      width: 150,
      sorter: (a, b) => a.updatedAt.localeCompare(b.updatedAt),
      render: (value: string) => <DateTime value={value} />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 220,
      render: (_, t) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => editor.show(t)}>
            编辑
          </Button>
          <Button type="link" size="small" onClick={() => adminCreator.show(t)}>
            添加管理员
          </Button>
          <Button type="link" size="small" danger={t.status === 'active'} onClick={() => toggleStatus(t)}>
            {t.status === 'active' ? '停用' : '启用'}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="县（区）管理"
        description="开通使用本平台的县（区），并为其设置县级管理员。"
        extra={
          <>
            <SearchFilter placeholder="名称、区划代码、省市" onSearch={setSearch} style={{ width: 240 }} />
            <RefreshButton onClick={tenants.reload} />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
              新建县（区）
            </Button>
          </>
        }
      />
      <DataTable<TenantView>
        columns={columns}
        dataSource={rows}
        loading={tenants.loading}
        error={tenants.error}
        onRetry={tenants.reload}
        empty={search ? '没有符合条件的县（区）' : '还没有县（区），点击右上角「新建县（区）」开通'}
        scroll={{ x: 960 }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (total) => `共 ${total} 个县（区）` }}
      />
      {editor.target !== null && (
        <TenantFormModal
          tenant={editor.target === 'new' ? undefined : editor.target}
          {...editor.dialog}
          onSaved={replace}
        />
      )}
      {adminCreator.target !== null && (
        <TenantAdminModal
          tenant={adminCreator.target}
          {...adminCreator.dialog}
          onCreated={(admin) => {
            const target = adminCreator.target as TenantView;
            const current = tenants.data?.find((t) => t.id === target.id) ?? target;
            replace({ ...current, admins: [...(current.admins ?? []), admin] });
          }}
        />
      )}
    </>
  );
}
