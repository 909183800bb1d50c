import { App, Card } from 'antd';
import { PageHeader } from '../components/page-header';
import { ChangePasswordForm } from './change-password-form';

export function ChangePasswordPage() {
  const { message } = App.useApp();
  return (
    <>
      <PageHeader title="修改密码" description="修改后，您在其他设备上的登录将立即退出。" />
      <Card style={{ maxWidth: 520 }}>
        <ChangePasswordForm onChanged={() => void message.success('密码已修改；您在其他设备上的登录已退出')} />
      </Card>
    </>
  );
}
