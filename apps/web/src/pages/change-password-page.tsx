import { App, Button, Card, Form, Input } from 'antd';
import { changeOwnPassword } from '../api/account-api';
import { useSession, useSignedIn } from '../auth/session-context';
import { FormAlerts } from '../components/form-alerts';
import { NewPasswordFields } from '../components/new-password-fields';
import { PageHeader } from '../components/page-header';
import { useFormSubmit } from '../hooks/use-form-submit';

interface ChangePasswordForm {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

export function ChangePasswordPage() {
  const session = useSession();
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const [form] = Form.useForm<ChangePasswordForm>();
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['currentPassword', 'newPassword'],
    fieldOfCode: { CURRENT_PASSWORD_WRONG: 'currentPassword' },
    failure: '修改失败，请稍后重试',
  });

  const submit = (values: ChangePasswordForm) =>
    run(async () => {
      await changeOwnPassword(session, values.currentPassword, values.newPassword);
      form.resetFields();
      message.success('密码已修改；您在其他设备上的登录已退出');
    });

  return (
    <>
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录将立即退出。" />
      <Card style={{ maxWidth: 520 }}>
        <FormAlerts error={error} />
        <Form<ChangePasswordForm> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {/* lets password managers tie the new password to this account */}
          <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
          <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <NewPasswordFields
            name="newPassword"
            label="新密码"
            username={me.user.username}
            dependencies={['currentPassword']}
            extraRules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  if (value && value === getFieldValue('currentPassword')) throw new Error('新密码不能与当前密码相同');
                },
              }),
            ]}
          />
          <Button type="primary" htmlType="submit" loading={saving}>
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
