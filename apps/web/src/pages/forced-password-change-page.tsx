import { App, Alert, Button, Card, Flex, Typography } from 'antd';
import { useSession, useSignedIn } from '../auth/session-context';
import { ChangePasswordForm } from './change-password-form';

/**
 * Instead of the whole app, while the password is one an administrator set: the API answers nothing else
 * (PASSWORD_CHANGE_REQUIRED) until its user replaces it with one only they know.
 */
export function ForcedPasswordChangePage() {
  const session = useSession();
  const { me } = useSignedIn();
  const { message } = App.useApp();
  const changed = async () => {
    await session.reloadMe();
    void message.success('密码已修改，欢迎使用');
  };
  return (
    <Flex justify="center" style={{ padding: '48px 16px' }}>
      <Card style={{ width: '100%', maxWidth: 520 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          请先修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${me.user.displayName}（${me.user.username}），您的密码由管理员设置。为保护您的账号，请先改为只有您本人知道的密码，再继续使用。`}
        />
        <ChangePasswordForm onChanged={changed} />
        <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => void session.logout()}>
          退出登录
        </Button>
      </Card>
    </Flex>
  );
}
