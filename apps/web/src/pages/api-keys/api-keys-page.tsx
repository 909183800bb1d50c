import { useCallback } from 'react';
import { App, Button, Flex, Table, Tag } from 'antd';
import { API_KEY_SCOPE_LABELS } from '@evalflow/domain';
import { listApiKeys, revokeApiKey, type ApiKeyView } from '../../api/api-keys-api';
import { messageOf } from '../../api/client';
import { useSession } from '../../auth/session-context';
import { DateTime } from '../../components/date-time';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';
import { ApiKeyForm } from './api-key-form';

const STATES: Record<ApiKeyView['state'], { label: string; color: string }> = {
  active: { label: '有效', color: 'green' },
  expired: { label: '已过期', color: 'default' },
  revoked: { label: '已撤销', color: 'default' },
};

/** API 密钥: the county administrator's keys for 预算一体化 and other systems that pull results. */
export function ApiKeysPage() {
  const session = useSession();
  const { modal, message } = App.useApp();
  const keys = useRemote(useCallback((signal: AbortSignal) => listApiKeys(session, signal), [session]));
  const replace = (changed: ApiKeyView) =>
    keys.setData([changed, ...(keys.data ?? []).filter((k) => k.id !== changed.id)]);
  const revoke = (k: ApiKeyView) =>
    modal.confirm({
      title: '撤销 API 密钥？',
      content: `撤销后，使用「${k.name}」（${k.prefix}…）的系统立即无法再读取数据，且不能恢复。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          replace(await revokeApiKey(session, k.id));
          message.success('已撤销密钥');
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <PageHeader
        title="API 密钥"
        description="供预算管理一体化等系统读取本县（区）的报告、已通过报告的正式文档和汇总；只读，不能修改任何数据。每个密钥每分钟限次。"
      />
      <ApiKeyForm onCreated={(created) => replace(created)} />
      {keys.error !== undefined && <LoadError error={keys.error} onRetry={keys.reload} />}
      <Table<ApiKeyView>
        rowKey="id"
        loading={keys.loading}
        dataSource={keys.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无 API 密钥' }}
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '密钥开头', render: (_, k) => <code>{k.prefix}…</code> },
          {
            title: '权限范围',
            render: (_, k) => k.scopes.map((s) => <Tag key={s}>{API_KEY_SCOPE_LABELS[s]}</Tag>),
          },
          { title: '创建', render: (_, k) => <DateTime value={k.createdAt} /> },
          { title: '到期', render: (_, k) => <DateTime value={k.expiresAt} empty="不到期" /> },
          { title: '最近使用', render: (_, k) => <DateTime value={k.lastUsedAt} empty="未使用" /> },
          {
            title: '状态',
            render: (_, k) => <Tag color={STATES[k.state].color}>{STATES[k.state].label}</Tag>,
          },
          {
            title: '操作',
            render: (_, k) =>
              k.state !== 'revoked' && (
                <Button size="small" danger onClick={() => revoke(k)}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}
