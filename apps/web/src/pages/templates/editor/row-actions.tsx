import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Tooltip } from 'antd';
import { fieldId, type Path } from '../definition-edit';
import { ProblemText, type Problems } from '../problems';

/** Up, down and delete for row `index` of `count` rows named `name`. */
export function RowActions({
  name,
  index,
  count,
  onMove,
  onRemove,
}: {
  name: string;
  index: number;
  count: number;
  onMove?: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <Flex>
      {onMove && (
        <>
          <Tooltip title="上移">
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={`上移 ${name}`}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            />
          </Tooltip>
          <Tooltip title="下移">
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`下移 ${name}`}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            />
          </Tooltip>
        </>
      )}
      <Tooltip title="删除">
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={`删除 ${name}`}
          onClick={onRemove}
        />
      </Tooltip>
    </Flex>
  );
}

/** A decimal typed as text (the definition keeps numbers as strings), with its problems under it. */
export function NumberText({
  path,
  label,
  value,
  suffix,
  problems,
  onChange,
  width = 110,
}: {
  path: Path;
  label: string;
  value: string;
  suffix?: string;
  problems: Problems;
  onChange: (value: string) => void;
  width?: number;
}) {
  const messages = problems.under(path);
  return (
    <div style={{ width }}>
      <Input
        id={fieldId(path)}
        aria-label={label}
        value={value}
        inputMode="decimal"
        suffix={suffix}
        status={messages.length ? 'error' : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <ProblemText messages={messages} />
    </div>
  );
}
