import {
  CheckCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import { Button, Flex, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { PartSaveState } from './save-state';

/** Where a part's autosave stands: 未保存, 保存中, 已保存 HH:mm, 保存失败 (重试), 格式有误, 版本冲突. */
export function SaveStatus({ state, onRetry }: { state: PartSaveState; onRetry: () => void }) {
  const body = (() => {
    switch (state.status) {
      case 'dirty':
        return <Tag>未保存</Tag>;
      case 'saving':
        return (
          <Tag icon={<LoadingOutlined />} color="processing">
            保存中
          </Tag>
        );
      case 'saved':
        return (
          <Tag icon={<CheckCircleOutlined />} color="success">
            已保存 {state.savedAt ? dayjs(state.savedAt).format('HH:mm') : ''}
          </Tag>
        );
      case 'failed':
        return (
          <Flex gap={4} align="center">
            <Tooltip title={state.error}>
              <Tag icon={<CloseCircleOutlined />} color="error">
                保存失败
              </Tag>
            </Tooltip>
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          </Flex>
        );
      case 'invalid':
        return (
          <Tag icon={<ExclamationCircleOutlined />} color="error">
            格式有误，未保存
          </Tag>
        );
      case 'conflict':
        return (
          <Tag icon={<ExclamationCircleOutlined />} color="warning">
            版本冲突
          </Tag>
        );
      default:
        return null;
    }
  })();
  return (
    <span role="status" aria-live="polite" data-save-status={state.status}>
      {body}
    </span>
  );
}
