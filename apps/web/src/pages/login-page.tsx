import { useEffect, useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useSearchParams } from 'react-router-dom';
import { ApiError, messageOf } from '../api/client';
import { safeNextPath } from '../auth/require-auth';
import { useSession, useSessionState } from '../auth/session-context';
import { FullPageSpin } from '../components/full-page-spin';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const session = useSession();
  const state = useSessionState();
  const [searchParams] = useSearchParams();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState(0);

  // after too many failures the server names a wait; keep the button shut until it has passed
  useEffect(() => {
    if (waitSeconds <= 0) return;
    const timer = setTimeout(() => setWaitSeconds((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [waitSeconds]);

  if (state.status === 'restoring') return <FullPageSpin />;
  if (state.status === 'signed-in') return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;

  const submit = async (values: LoginForm) => {
    setError(undefined);
    setSubmitting(true);
    try {
      await session.login(values.username.trim(), values.password);
      // signed in: the state change re-renders this page into a redirect to `next`
    } catch (e) {
      setError(messageOf(e, '登录失败，请稍后重试'));
      if (e instanceof ApiError && e.code === 'LOGIN_THROTTLED' && e.retryAfterSeconds) {
        setWaitSeconds(Math.ceil(e.retryAfterSeconds));
      }
      setSubmitting(false);
    }
  };

  const notice = state.notice;
  return (
    <div className="login-backdrop">
      <Card style={{ width: 380 }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          EvalFlow
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          预算部门整体支出绩效自评
        </Typography.Paragraph>
        {error ? (
          <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} role="alert" />
        ) : (
          notice && <Alert type="warning" title={notice} showIcon style={{ marginBottom: 16 }} role="status" />
        )}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={submitting} disabled={waitSeconds > 0}>
            {waitSeconds > 0 ? `请 ${waitSeconds} 秒后重试` : '登录'}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
