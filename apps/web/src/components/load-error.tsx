import { Alert, Button } from 'antd';
import { messageOf } from '../api/client';

/** A failed load: the API's message and a way to try again. */
export function LoadError({
  error,
  onRetry,
  title = '加载失败',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={messageOf(error, '加载失败，请稍后重试')}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
