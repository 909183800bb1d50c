import { Flex, Spin } from 'antd';

/** Shown while the session is being restored, before anything else can be drawn. */
export function FullPageSpin({ description = '正在加载…' }: { description?: string }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100%', padding: 48 }}>
      <Spin size="large" description={description} />
    </Flex>
  );
}
