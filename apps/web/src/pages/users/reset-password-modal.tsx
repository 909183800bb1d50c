import { Alert, App, Form, Modal } from 'antd';
import type { UserView } from '../../api/types';
import { resetUserPassword } from '../../api/users-api';
import { useSession } from '../../auth/session-context';
import { FormAlerts } from '../../components/form-alerts';
import { NewPasswordFields } from '../../components/new-password-fields';
import { useFormSubmit } from '../../hooks/use-form-submit';

interface ResetPasswordModalProps {
  user: UserView;
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

/** Sets a new password for someone who forgot theirs; their sessions end at once. */
export function ResetPasswordModal({ user, open, onClose, afterClose }: ResetPasswordModalProps) {
  const session = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string; newPasswordConfirm: string }>();
  const { saving, error, run } = useFormSubmit(form, { fields: ['newPassword'], failure: '重置失败，请稍后重试' });

  const submit = ({ newPassword }: { newPassword: string }) =>
    run(async () => {
      await resetUserPassword(session, user.id, newPassword);
      message.success(`已重置 ${user.displayName} 的密码，其所有登录已退出`);
      onClose();
    });

  return (
    <Modal
      open={open}
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置密码"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={afterClose}
      mask={{ closable: false }}
    >
      <Alert
        type="warning"
        showIcon
        title="重置后，该用户在所有设备上的登录将立即退出，需使用新密码重新登录。"
        style={{ marginBottom: 16 }}
      />
      <FormAlerts error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} autoComplete="off">
        <NewPasswordFields name="newPassword" label="新密码" username={user.username} setForSomeoneElse />
      </Form>
    </Modal>
  );
}
