import { useCallback, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { tagged, type Role } from '@evalflow/domain';
import { listDepartments } from '../../api/departments-api';
import type { UserView } from '../../api/types';
import { listUsers, updateUser } from '../../api/users-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { CursorTable } from '../../components/data-table';
import { DateTime } from '../../components/date-time';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useConfirmedUpdate } from '../../hooks/use-confirmed-update';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { ASSIGNABLE_ROLES, roleLabel } from './assignable-roles';
import { departmentOptions } from './department-options';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';

type ActiveFilter = 'all' | 'active' | 'inactive';

/** 用户管理: the county administrator's accounts, roles and passwords. */
export function UsersPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const confirmUpdate = useConfirmedUpdate();
  const [departmentId, setDepartmentId] = useState<string>();
  const [role, setRole] = useState<Role>();
  const [active, setActive] = useState<ActiveFilter>('all');
  const [q, setQ] = useState('');

  const loadDepartments = useCallback((signal: AbortSignal) => listDepartments(session, {}, signal), [session]);
  const departments = useRemote(loadDepartments);
  const loadPage = useCallback(
    async (after: string | null, signal: AbortSignal) => {
      const filter = { departmentId, role, active: active === 'all' ? undefined : active === 'active', q: q.trim() };
      const page = await listUsers(session, filter, after, signal);
      return { items: page.items, next: page.nextAfter };
    },
    [session, departmentId, role, active, q],
  );
  const users = useCursorList(loadPage);
  const editor = useModalTarget<UserView | 'new'>();
  const resetter = useModalTarget<UserView>();

  const toggleActive = (user: UserView) => {
    const deactivating = user.active !== false;
    confirmUpdate({
      title: deactivating
        ? `停用 ${user.displayName}（${user.username}）？`
        : `启用 ${user.displayName}（${user.username}）？`,
      content: deactivating
        ? '停用后，该用户的所有登录将立即失效，且无法再登录，直到重新启用。'
        : '启用后，该用户可以使用原密码重新登录。',
      okText: deactivating ? '停用' : '启用',
      danger: deactivating,
      send: () => updateUser(session, user.id, user.version ?? 0, { active: !deactivating }),
      success: deactivating ? `已停用 ${user.displayName}，其登录已全部退出` : `已启用 ${user.displayName}`,
      onSaved: users.upsert,
    });
  };

  const columns: TableColumnsType<UserView> = [
    {
      title: '用户名',
      dataIndex: 'username',
      width: 200,
      fixed: 'left',
      render: (username: string, u) => (
        <Space size={4}>
          <Typography.Text copyable={{ text: username, tooltips: ['复制', '已复制'] }}>{username}</Typography.Text>
          {u.id === me.user.id && <Tag>我</Tag>}
        </Space>
      ),
    },
    { title: '姓名', dataIndex: 'displayName', width: 120 },
    {
      title: '电子邮箱',
      dataIndex: 'email',
      width: 200,
      ellipsis: true,
      render: (email: string | null | undefined) => email ?? <Typography.Text type="secondary">未填写</Typography.Text>,
    },
    {
      title: '所在部门',
      dataIndex: 'departmentName',
      width: 180,
      render: (name: string | null | undefined) => name ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: Role[]) => (
        <Space size={[4, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{roleLabel(r)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 90,
      render: (value: boolean | undefined) =>
        value === false ? <Tag color="red">已停用</Tag> : <Tag color="green">启用</Tag>,
    },
    {
      title: '最近登录',
      dataIndex: 'lastLoginAt',
      width: 150,
      render: (value: string | null | undefined) => <DateTime value={value} empty="从未登录" />,
    },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, u) => {
        const self = u.id === me.user.id;
        const canToggle = ability.can('update', tagged('User', u), 'active');
        return (
          <Space size={0}>
            <Button type="link" size="small" onClick={() => editor.show(u)}>
              编辑
            </Button>
            <Tooltip title={self ? '请在右上角「修改密码」中修改本人密码' : undefined}>
              <Button type="link" size="small" disabled={self} onClick={() => resetter.show(u)}>
                重置密码
              </Button>
            </Tooltip>
            <Tooltip title={canToggle ? undefined : '不能停用自己的账号'}>
              <Button
                type="link"
                size="small"
                danger={u.active !== false}
                disabled={!canToggle}
                onClick={() => toggleActive(u)}
              >
                {u.active === false ? '启用' : '停用'}
              </Button>
            </Tooltip>
          </Space>
        );
      },
    },
  ];

  const filtered = departmentId !== undefined || role !== undefined || active !== 'all' || q.trim() !== '';
  return (
    <>
      <PageHeader
        title="用户管理"
        description="为本县（区）各部门开通账号、分配角色；列表按用户名排序。"
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => editor.show('new')}
            disabled={departments.loading}
          >
            新建用户
          </Button>
        }
      />
      <FilterBar onRefresh={users.reload}>
        <Select
          placeholder="全部部门"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={departmentId}
          onChange={setDepartmentId}
          options={departmentOptions(departments.data ?? [])}
          loading={departments.loading}
          notFoundContent={departments.error !== undefined ? '部门加载失败' : '没有部门'}
          style={{ width: 220 }}
          aria-label="按部门筛选"
        />
        <Select<Role>
          placeholder="全部角色"
          allowClear
          value={role}
          onChange={setRole}
          options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
          style={{ width: 150 }}
          aria-label="按角色筛选"
        />
        <Select<ActiveFilter>
          value={active}
          onChange={setActive}
          options={[
            { value: 'all', label: '全部状态' },
            { value: 'active', label: '启用' },
            { value: 'inactive', label: '已停用' },
          ]}
          style={{ width: 120 }}
          aria-label="按状态筛选"
        />
        <SearchFilter placeholder="用户名或姓名" maxLength={50} onSearch={setQ} style={{ width: 220 }} />
      </FilterBar>
      {departments.error !== undefined && (
        <LoadError title="部门列表加载失败" error={departments.error} onRetry={departments.reload} />
      )}
      <CursorTable<UserView>
        list={users}
        columns={columns}
        scroll={{ x: 1150 }}
        empty={filtered ? '没有符合条件的用户' : '还没有用户，点击右上角「新建用户」添加'}
        shown={(count) => `已显示 ${count} 名用户`}
      />
      {editor.target !== null && (
        <UserFormModal
          user={editor.target === 'new' ? undefined : editor.target}
          departments={departments.data ?? []}
          {...editor.dialog}
          onSaved={users.upsert}
        />
      )}
      {resetter.target !== null && <ResetPasswordModal user={resetter.target} {...resetter.dialog} />}
    </>
  );
}
