import { Layout, Result, Typography } from 'antd';

export function AppShell() {
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18 }}>
          EvalFlow 预算绩效自评
        </Typography.Text>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <Result status="info" title="欢迎使用 EvalFlow" subTitle="请从左侧选择要办理的事项。" />
      </Layout.Content>
    </Layout>
  );
}
