import type { ReactNode } from 'react';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Tooltip } from 'antd';

/** One small icon button with its verb as tooltip; its accessible name is the verb and what it acts on. */
export function IconAction({
  verb,
  name,
  icon,
  onClick,
  disabled = false,
  danger = false,
}: {
  /** 上移, 删除, 添加下级标题… */
  verb: string;
  /** What the button acts on, e.g. 第3行: the button is named 「删除第3行」. */
  name: string;
  icon: ReactNode;
  onClick: () => void;
  disabled?: boolean;
  danger?: boolean;
}) {
  return (
    <Tooltip title={verb}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={`${verb}${name}`}
        disabled={disabled}
        danger={danger}
        onClick={onClick}
      />
    </Tooltip>
  );
}

interface RowActionsProps {
  index: number;
  count: number;
  /** e.g. 第3行, 标题 1.2 */
  name: string;
  /** Without it the row cannot be moved (no 上移 / 下移). */
  onMove?: (by: -1 | 1) => void;
  onRemove: () => void;
  /** The remove button's verb: 删除, or 移出 for what only leaves the list. */
  removeVerb?: string;
  /** e.g. the last row that must stay. */
  removeDisabled?: boolean;
  /** Further buttons, between the moves and the remove. */
  children?: ReactNode;
}

/** 上移 / 下移 / 删除 of one row, each a labelled button reachable by Tab. */
export function RowActions({
  index,
  count,
  name,
  onMove,
  onRemove,
  removeVerb = '删除',
  removeDisabled = false,
  children,
}: RowActionsProps) {
  return (
    <Flex gap={2}>
      {onMove && (
        <>
          <IconAction
            verb="上移"
            name={name}
            icon={<ArrowUpOutlined />}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          />
          <IconAction
            verb="下移"
            name={name}
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          />
        </>
      )}
      {children}
      <IconAction
        verb={removeVerb}
        name={name}
        icon={<DeleteOutlined />}
        danger
        disabled={removeDisabled}
        onClick={onRemove}
      />
    </Flex>
  );
}
