import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';

interface RowActionsProps {
  index: number;
  count: number;
  /** e.g. 第3行 */
  name: string;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

/** 上移 / 下移 / 删除 of one row, each a labelled button reachable by Tab. */
export function RowActions({ index, count, name, onMove, onRemove }: RowActionsProps) {
  return (
    <Flex gap={2}>
      <Tooltip title="上移">
        <Button
          size="small"
          type="text"
          icon={<ArrowUpOutlined />}
          aria-label={`上移${name}`}
          disabled={index === 0}
          onClick={() => onMove(-1)}
        />
      </Tooltip>
      <Tooltip title="下移">
        <Button
          size="small"
          type="text"
          icon={<ArrowDownOutlined />}
          aria-label={`下移${name}`}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
        />
      </Tooltip>
      <Tooltip title="删除">
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`删除${name}`}
          onClick={onRemove}
        />
      </Tooltip>
    </Flex>
  );
}
