import { useCallback, useMemo, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Input, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { TENANT_STATUS_LABELS, type TenantStatus } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import { latestFromConflict, VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../../api/error-details';
import { listTenants, updateTenant } from '../../api/tenants-api';
import type { TenantView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { TenantAdminModal } from './tenant-admin-modal';
import { TenantFormModal } from './tenant-form-modal';

const STATUS_COLORS: Record<TenantStatus, string> = { active: 'green', suspended: 'red' };

/** 县（区）管理: the platform administrator opens, edits, suspends counties and gives them administrators. */
export function TenantsPage() {
  const session = useSession();
  const { message, modal } = App.useApp();
  const load = useCallback((signal: AbortSignal) => listTenants(session, signal), [session]);
  const tenants = useRemote(load);
  const [search, setSearch] = useState('');
  const editor = useModalTarget<TenantView | 'new'>();
  const adminCreator = useModalTarget<TenantView>();

  const { setData } = tenants;
  const replace = useCallback(
    (tenant: TenantView) =>
      setData((rows = []) => {
        const index = rows.findIndex((row) => row.id === tenant.id);
        if (index === -1) return [tenant, ...rows];
        const copy = [...rows];
        // a PATCH or 412 answer may lack the admins list: keep the one we have
        copy[index] = { ...copy[index], ...tenant, admins: tenant.admins ?? copy[index].admins };
        return copy;
      }),
    [setData],
  );

  const toggleStatus = (tenant: TenantView) => {
    const suspending = tenant.status === 'active';
    modal.confirm({
      title: suspending ? `停用「${tenant.name}」？` : `启用「${tenant.name}」？`,
      content: suspending
        ? '停用后，该县（区）所有用户的登录将立即失效，且在重新启用之前无法再登录。'
        : '启用后，该县（区）的用户可以重新登录。',
      okText: suspending ? '停用' : '启用',
      okButtonProps: { danger: suspending },
      cancelText: '取消',
      onOk: async () => {
        try {
          const updated = await updateTenant(session, tenant.id, tenant.version, {
            status: suspending ? 'suspended' : 'active',
          });
          replace(updated);
          message.success(suspending ? `已停用「${tenant.name}」，其用户已全部退出登录` : `已启用「${tenant.name}」`);
        } catch (e) {
          const latest = latestFromConflict<TenantView>(e);
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
            <Input.Search
              placeholder="名称、区划代码、省市"
              allowClear
              onSearch={setSearch}
              onChange={(e) => !e.target.value && setSearch('')}
              style={{ width: 240 }}
            />
            <Tooltip title="刷新">
              <Button icon={<ReloadOutlined />} onClick={tenants.reload} aria-label="刷新" />
            </Tooltip>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show('new')}>
              新建县（区）
            </Button>
          </>
        }
      />
      {tenants.error !== undefined && <LoadError error={tenants.error} onRetry={tenants.reload} />}
      <Table<TenantView>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={tenants.loading}
        size="middle"
        scroll={{ x: 960 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          showTotal: (total) => `共 ${total} 个县（区）`,
          hideOnSinglePage: false,
        }}
        locale={{
          emptyText: (
            <Empty
              description={
                tenants.error !== undefined
                  ? '加载失败'
                  : search
                    ? '没有符合条件的县（区）'
                    : '还没有县（区），点击右上角「新建县（区）」开通'
              }
            />
          ),
        }}
      />
      {editor.target !== null && (
        <TenantFormModal
          tenant={editor.target === 'new' ? undefined : editor.target}
          open={editor.open}
          onClose={editor.hide}
          afterClose={editor.afterClose}
          onSaved={replace}
        />
      )}
      {adminCreator.target !== null && (
        <TenantAdminModal
          tenant={adminCreator.target}
          open={adminCreator.open}
          onClose={adminCreator.hide}
          afterClose={adminCreator.afterClose}
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
