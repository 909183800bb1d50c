import { useCallback, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { DEPARTMENT_KIND_LABELS, DEPARTMENT_KINDS, tagged, type Role } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import { listDepartments } from '../../api/departments-api';
import { latestFromConflict, VERSION_CONFLICT_HINT, VERSION_CONFLICT_TITLE } from '../../api/error-details';
import type { UserView } from '../../api/types';
import { listUsers, updateUser } from '../../api/users-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useCursorList } from '../../hooks/use-cursor-list';
import { useModalTarget } from '../../hooks/use-modal-target';
import { useRemote } from '../../hooks/use-remote';
import { ASSIGNABLE_ROLES, roleLabel } from './assignable-roles';
import { ResetPasswordModal } from './reset-password-modal';
import { UserFormModal } from './user-form-modal';

type ActiveFilter = 'all' | 'active' | 'inactive';

const idOf = (user: UserView) => user.id;

/** 用户管理: the county administrator's accounts, roles and passwords. */
export function UsersPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { message, modal } = App.useApp();
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

  const { upsert } = users;
  const replace = useCallback((user: UserView) => upsert(user, idOf), [upsert]);

  const toggleActive = (user: UserView) => {
    const deactivating = user.active !== false;
    modal.confirm({
      title: deactivating
        ? `停用 ${user.displayName}（${user.username}）？`
        : `启用 ${user.displayName}（${user.username}）？`,
      content: deactivating
        ? '停用后，该用户的所有登录将立即失效，且无法再登录，直到重新启用。'
        : '启用后，该用户可以使用原密码重新登录。',
      okText: deactivating ? '停用' : '启用',
      okButtonProps: { danger: deactivating },
      cancelText: '取消',
      onOk: async () => {
        try {
          replace(await updateUser(session, user.id, user.version ?? 0, { active: !deactivating }));
          message.success(deactivating ? `已停用 ${user.displayName}，其登录已全部退出` : `已启用 ${user.displayName}`);
        } catch (e) {
          const latest = latestFromConflict<UserView>(e);
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

  const departmentOptions = DEPARTMENT_KINDS.map((kind) => ({
    label: DEPARTMENT_KIND_LABELS[kind],
    title: DEPARTMENT_KIND_LABELS[kind],
    options: (departments.data ?? [])
      .filter((d) => d.kind === kind)
      .map((d) => ({ value: d.id, label: d.active ? d.name : `${d.name}（已停用）` })),
  })).filter((group) => group.options.length > 0);

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
            {self ? (
              <Tooltip title="请在右上角「修改密码」中修改本人密码">
                <Button type="link" size="small" disabled>
                  重置密码
                </Button>
              </Tooltip>
            ) : (
              <Button type="link" size="small" onClick={() => resetter.show(u)}>
                重置密码
              </Button>
            )}
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
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          placeholder="全部部门"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={departmentId}
          onChange={setDepartmentId}
          options={departmentOptions}
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
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          maxLength={50}
          onSearch={setQ}
          onChange={(e) => !e.target.value && setQ('')}
          style={{ width: 220 }}
        />
        <Tooltip title="刷新">
          <Button icon={<ReloadOutlined />} onClick={users.reload} aria-label="刷新" />
        </Tooltip>
      </Space>
      {departments.error !== undefined && (
        <LoadError title="部门列表加载失败" error={departments.error} onRetry={departments.reload} />
      )}
      {users.error !== undefined && (
        <LoadError error={users.error} onRetry={users.items.length ? users.loadMore : users.reload} />
      )}
      <Table<UserView>
        rowKey="id"
        columns={columns}
        dataSource={users.items}
        loading={users.loading}
        size="middle"
        scroll={{ x: 1150 }}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              description={
                users.error !== undefined
                  ? '加载失败'
                  : filtered
                    ? '没有符合条件的用户'
                    : '还没有用户，点击右上角「新建用户」添加'
              }
            />
          ),
        }}
      />
      {!users.loading && users.items.length > 0 && (
        <Flex justify="center" align="center" gap={12} style={{ marginTop: 16 }}>
          <Typography.Text type="secondary">已显示 {users.items.length} 名用户</Typography.Text>
          {users.hasMore ? (
            <Button onClick={users.loadMore} loading={users.loadingMore}>
              加载更多
            </Button>
          ) : (
            <Typography.Text type="secondary">已全部加载</Typography.Text>
          )}
        </Flex>
      )}
      {editor.target !== null && (
        <UserFormModal
          user={editor.target === 'new' ? undefined : editor.target}
          departments={departments.data ?? []}
          open={editor.open}
          onClose={editor.hide}
          afterClose={editor.afterClose}
          onSaved={replace}
        />
      )}
      {resetter.target !== null && (
        <ResetPasswordModal
          user={resetter.target}
          open={resetter.open}
          onClose={resetter.hide}
          afterClose={resetter.afterClose}
        />
      )}
    </>
  );
}
