import { Button, Form, Input } from 'antd';
import { changeOwnPassword } from '../api/account-api';
import { useSession, useSignedIn } from '../auth/session-context';
import { FormAlerts } from '../components/form-alerts';
import { NewPasswordFields } from '../components/new-password-fields';
import { useFormSubmit } from '../hooks/use-form-submit';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  newPasswordConfirm: string;
}

/** The signed-in user's current password and a new one; `onChanged` runs once the API took it. */
export function ChangePasswordForm({ onChanged }: { onChanged: () => Promise<void> | void }) {
  const session = useSession();
  const { me } = useSignedIn();
  const [form] = Form.useForm<ChangePasswordValues>();
  const { saving, error, run } = useFormSubmit(form, {
    fields: ['currentPassword', 'newPassword'],
    fieldOfCode: { CURRENT_PASSWORD_WRONG: 'currentPassword' },
    failure: '修改失败，请稍后重试',
  });

  const submit = (values: ChangePasswordValues) =>
    run(async () => {
      await changeOwnPassword(session, values.currentPassword, values.newPassword);
      form.resetFields();
      await onChanged();
    });

  return (
    <>
      <FormAlerts error={error} />
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
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
    </>
  );
}
