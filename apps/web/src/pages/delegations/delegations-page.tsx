import { useCallback } from 'react';
import { App, Button, Flex, Table, Tag } from 'antd';
import { DELEGATION_STATE_LABELS, ROLE_LABELS, tagged, type DelegationState } from '@evalflow/domain';
import { messageOf } from '../../api/client';
import { listDelegations, revokeDelegation, type DelegationView } from '../../api/delegations-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useRemote } from '../../hooks/use-remote';
import { DelegationForm } from './delegation-form';

const STATE_COLORS: Record<DelegationState, string> = {
  scheduled: 'blue',
  active: 'green',
  ended: 'default',
  revoked: 'default',
};

/** 代理人: the stand-ins one named and holds (the county administrator: the county's), and naming a new one. */
export function DelegationsPage() {
  const session = useSession();
  const { me, ability } = useSignedIn();
  const { modal, message } = App.useApp();
  const delegations = useRemote(useCallback((signal: AbortSignal) => listDelegations(session, signal), [session]));
  // someone else's too: the county administrator
  const forAnyone =
    me.tenant !== null &&
    ability.can(
      'create',
      tagged('Delegation', { tenantId: me.tenant.id, principalUserId: 'anyone', standInUserId: 'anyone' }),
    );
  const replace = (changed: DelegationView) =>
    delegations.setData([changed, ...(delegations.data ?? []).filter((d) => d.id !== changed.id)]);
  const revoke = (d: DelegationView) =>
    modal.confirm({
      title: '撤销代理？',
      content: `撤销后 ${d.standIn.name} 立即不能再代 ${d.principal.name} 操作。`,
      okText: '撤销',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          replace(await revokeDelegation(session, d.id));
          message.success('已撤销代理');
        } catch (e) {
          message.error(messageOf(e));
        }
      },
    });

  return (
    <Flex vertical gap={16} style={{ maxWidth: 1080 }}>
      <PageHeader
        title="代理人"
        description="外出、休假期间，可指定本县（区）同一角色的同事代为审核、审批；代理期间的操作记为「代理人（代委托人）」。"
      />
      <DelegationForm forAnyone={forAnyone} onCreated={replace} />
      {delegations.error !== undefined && <LoadError error={delegations.error} onRetry={delegations.reload} />}
      <Table<DelegationView>
        rowKey="id"
        loading={delegations.loading}
        dataSource={delegations.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无代理委托' }}
        columns={[
          { title: '委托人', render: (_, d) => d.principal.name },
          { title: '代理人', render: (_, d) => d.standIn.name },
          { title: '角色', render: (_, d) => ROLE_LABELS[d.role] },
          { title: '期间', render: (_, d) => `${d.startsOn} 至 ${d.endsOn}` },
          { title: '事由', render: (_, d) => d.reason ?? '' },
          {
            title: '状态',
            render: (_, d) => <Tag color={STATE_COLORS[d.state]}>{DELEGATION_STATE_LABELS[d.state]}</Tag>,
          },
          {
            title: '操作',
            render: (_, d) =>
              d.canRevoke && (
                <Button size="small" danger onClick={() => revoke(d)}>
                  撤销
                </Button>
              ),
          },
        ]}
      />
    </Flex>
  );
}
