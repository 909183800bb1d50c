import { App, Form, Input, Modal } from 'antd';
import { createTenantAdmin } from '../../api/tenants-api';
import type { TenantAdminView, TenantView } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { NewPasswordFields } from '../../components/new-password-fields';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { DISPLAY_NAME_RULES, USERNAME_RULES } from '../users/user-rules';

interface AdminFormValues {
  username: string;
  displayName: string;
  password: string;
  passwordConfirm: string;
}

interface TenantAdminModalProps {
  tenant: TenantView;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
  onCreated: (admin: TenantAdminView) => void;
}

/** A county administrator, created by the platform: the county's first account. */
export function TenantAdminModal({ tenant, open, onClose, afterClose, onCreated }: TenantAdminModalProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<AdminFormValues>();
  const username: string = Form.useWatch('username', form) ?? '';
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['username', 'displayName', 'password'],
    fieldOfCode: { USERNAME_TAKEN: 'username' },
    failure: '创建失败，请稍后重试',
  });

  const submit = (values: AdminFormValues) =>
    run(async () => {
      const admin = await createTenantAdmin(session, tenant.id, {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
      });
      message.success(`已为${tenant.name}创建管理员 ${admin.username}，请将初始密码告知本人并提醒其登录后修改`);
      onCreated(admin);
      onClose();
    });

  return (
    <Modal
      open={open}
      title={`为「${tenant.name}」创建县级管理员`}
      okText="创建"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      <FormAlerts error={error} />
      <Form<AdminFormValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
        <Form.Item label="用户名" name="username" rules={USERNAME_RULES} extra="登录用，全平台唯一，创建后不能修改">
          <Input placeholder={`如：${tenant.regionCode}.admin`} maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={DISPLAY_NAME_RULES}>
          <Input placeholder={`如：${tenant.name}系统管理员`} maxLength={50} />
        </Form.Item>
        <NewPasswordFields username={username} dependencies={['username']} setForSomeoneElse />
      </Form>
    </Modal>
  );
}
