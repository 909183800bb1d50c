import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Select } from 'antd';
import { DELEGABLE_ROLES, isDelegableRole, ROLE_LABELS, type DelegableRole } from '@evalflow/domain';
import {
  createDelegation,
  delegationCandidates,
  type DelegationCandidate,
  type DelegationView,
} from '../../api/delegations-api';
import { useSession, useSignedIn } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface DelegationValues {
  role: DelegableRole;
  principalUserId?: string;
  standInUserId: string;
  startsOn: string;
  endsOn: string;
  reason?: string;
}

const FIELDS = ['role', 'principalUserId', 'standInUserId', 'startsOn', 'endsOn', 'reason'] as const;

/**
 * Names a stand-in (代理人) for a range of days: a reviewer or approver for itself; the county administrator
 * (`forAnyone`) for any reviewer or approver of the county. The API checks county, role, dates and overlaps.
 */
export function DelegationForm({
  forAnyone,
  onCreated,
}: {
  forAnyone: boolean;
  onCreated: (d: DelegationView) => void;
}) {
  const session = useSession();
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<DelegationValues>();
  const roles = forAnyone ? [...DELEGABLE_ROLES] : me.user.roles.filter(isDelegableRole);
  const role = Form.useWatch('role', form) ?? roles[0];
  const principal = Form.useWatch('principalUserId', form);
  const [candidates, setCandidates] = useState<DelegationCandidate[]>([]);
  const { saving, error, run } = useFormSubmit(form, {
    fields: FIELDS,
    fieldOfCode: {
      DELEGATION_TO_SELF: 'standInUserId',
      DELEGATION_OUTSIDE_COUNTY: 'standInUserId',
      DELEGATION_STAND_IN_LACKS_ROLE: 'standInUserId',
      DELEGATION_STAND_IN_AWAY: 'standInUserId',
      DELEGATION_DATES_INVALID: 'endsOn',
    },
    failure: '保存失败，请稍后重试',
  });

  useEffect(() => {
    if (!role) return;
    let current = true;
    delegationCandidates(session, role).then(
      (found) => current && setCandidates(found),
      () => current && setCandidates([]),
    );
    return () => {
      current = false;
    };
  }, [session, role]);

  const principalId = forAnyone ? principal : me.user.id;
  const standIns = candidates.filter((c) => c.userId !== principalId);
  const submit = (values: DelegationValues) =>
    run(async () => {
      const created = await createDelegation(session, {
        role: values.role,
        standInUserId: values.standInUserId,
        startsOn: values.startsOn,
        endsOn: values.endsOn,
        ...(values.reason?.trim() && { reason: values.reason.trim() }),
        ...(forAnyone && values.principalUserId && { principalUserId: values.principalUserId }),
      });
      message.success(`已指定 ${created.standIn.name} 为 ${created.principal.name} 的代理人`);
      form.resetFields(['standInUserId', 'startsOn', 'endsOn', 'reason']);
      onCreated(created);
    });

  if (roles.length === 0) return null;
  const options = (list: DelegationCandidate[]) => list.map((c) => ({ value: c.userId, label: c.name }));
  return (
    <Card title={forAnyone ? '为审核人、审批人指定代理人' : '指定代理人'}>
      <FormAlerts error={error} />
      <Form<DelegationValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        initialValues={{ role: roles[0] }}
        style={{ maxWidth: 520 }}
      >
        <Form.Item label="委托的角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select aria-label="委托的角色" options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {forAnyone && (
          <Form.Item label="委托人" name="principalUserId" rules={[{ required: true, message: '请选择委托人' }]}>
            <Select aria-label="委托人" options={options(candidates)} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item
          label="代理人"
          name="standInUserId"
          extra="本县（区）具有同一角色的其他用户"
          rules={[{ required: true, message: '请选择代理人' }]}
        >
          <Select aria-label="代理人" options={options(standIns)} placeholder="请选择" />
        </Form.Item>
        <Form.Item label="开始日期" name="startsOn" rules={[{ required: true, message: '请填写开始日期' }]}>
          <Input type="date" aria-label="开始日期" />
        </Form.Item>
        <Form.Item
          label="结束日期"
          name="endsOn"
          extra="含当日；最长 92 天"
          rules={[{ required: true, message: '请填写结束日期' }]}
        >
          <Input type="date" aria-label="结束日期" />
        </Form.Item>
        <Form.Item label="事由" name="reason">
          <Input maxLength={200} placeholder="如：休假" aria-label="事由" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          指定代理人
        </Button>
      </Form>
    </Card>
  );
}
