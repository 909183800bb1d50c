import { useEffect, useRef } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { ListNode } from '../fields/field-nodes';
import { useFieldAddons } from './editor-context';
import { emptyValue } from './empty-value';
import { fieldDomId, jumpToField } from './field-dom';
import type { MessagesOf } from './field-messages';
import { FieldInput } from './field-input';
import { FieldMessages, messagesId, statusOf } from './field-shell';
import { SourcedCell } from './field-sources';
import { RowActions } from '../../../components/row-actions';
import { moveRow, removeRow, replaceRow } from '../../../components/row-moves';
import { isLongText } from './value-kinds';

type Row = Record<string, unknown>;
type KeyedRow = { key: string; row: Row };

interface ListEditorProps {
  node: ListNode;
  path: string;
  value: unknown;
  onChange: (rows: unknown[]) => void;
  messagesOf: MessagesOf;
}

/**
 * A list of the report: rows of fields as an editable table (组织机构, 预算明细, 绩效目标, 工作组,
 * 绩效指标), paragraphs as text areas (部门职能); rows can be added, removed and moved.
 */
export function ListEditor({ node, path, value, onChange, messagesOf }: ListEditorProps) {
  const addons = useFieldAddons();
  const rows = Array.isArray(value) ? (value as unknown[]) : [];
  const rowName = (i: number) => `${node.label}第${i + 1}${node.unit}`;
  const actions = (i: number) => (
    <RowActions
      index={i}
      count={rows.length}
      name={rowName(i)}
      onMove={(by) => onChange(moveRow(rows, i, by))}
      onRemove={() => onChange(removeRow(rows, i))}
    />
  );
  // a row or paragraph just added takes the keyboard: its first input, once it is shown
  const added = useRef<number | null>(null);
  useEffect(() => {
    const index = added.current;
    if (index === null || index >= rows.length) return;
    added.current = null;
    const first = node.item.type === 'group' ? Object.keys(node.item.fields)[0] : undefined;
    jumpToField(first === undefined ? `${path}.${index}` : `${path}.${index}.${first}`);
  }, [rows.length, node.item, path]);
  const add = (
    <Button
      icon={<PlusOutlined />}
      onClick={() => {
        added.current = rows.length;
        onChange([...rows, emptyValue(node.item, `${path}.${rows.length}`)]);
      }}
    >
      添加{node.unit === '行' ? '一行' : `一${node.unit}`}
    </Button>
  );
  const item = node.item;

  const body =
    item.type === 'field' ? (
      <Flex vertical gap={8}>
        {rows.length === 0 && <Typography.Text type="secondary">尚未填写</Typography.Text>}
        {rows.map((row, i) => {
          const rowPath = `${path}.${i}`;
          const messages = messagesOf(rowPath);
          return (
            <Flex key={i} gap={8} align="start">
              <Flex vertical gap={2} style={{ flex: 1 }}>
                <SourcedCell path={rowPath}>
                  <FieldInput
                    path={rowPath}
                    kind={item.kind}
                    label={rowName(i)}
                    value={row}
                    status={statusOf(messages)}
                    describedBy={messages.length ? messagesId(rowPath) : undefined}
                    onChange={(v) => onChange(replaceRow(rows, i, v))}
                  />
                </SourcedCell>
                <FieldMessages path={rowPath} messages={messages} />
              </Flex>
              {actions(i)}
            </Flex>
          );
        })}
      </Flex>
    ) : item.type === 'group' ? (
      <Table<KeyedRow>
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        // rows have no ids: keyed by position, so an edited row keeps its inputs (and the caret)
        dataSource={(rows as Row[]).map((row, i) => ({ key: String(i), row }))}
        locale={{ emptyText: '尚未填写，点击下方按钮添加' }}
        scroll={{ x: Object.keys(item.fields).length * 170 }}
        columns={[
          { title: '序号', key: 'index', width: 56, align: 'center', render: (_, __, i) => i + 1 },
          ...Object.entries(item.fields).map(([key, child], column): TableColumnsType<KeyedRow>[number] => ({
            title: child.label,
            key,
            width: isLongText(`${path}.0.${key}`) ? 320 : child.type === 'field' && child.kind === 'money' ? 150 : 160,
            render: (_, { row }, i) => {
              if (child.type !== 'field') return null;
              const fieldPath = `${path}.${i}.${key}`;
              const messages = messagesOf(fieldPath);
              return (
                <Flex vertical gap={2}>
                  <SourcedCell path={fieldPath}>
                    <FieldInput
                      path={fieldPath}
                      kind={child.kind}
                      label={`${rowName(i)} ${child.label}`}
                      value={row[key]}
                      status={statusOf(messages)}
                      describedBy={messages.length ? messagesId(fieldPath) : undefined}
                      onChange={(v) => onChange(replaceRow(rows, i, { ...row, [key]: v }))}
                    />
                  </SourcedCell>
                  {addons?.field?.(fieldPath)}
                  <FieldMessages
                    path={fieldPath}
                    messages={column === 0 ? [...messagesOf(`${path}.${i}`), ...messages] : messages}
                  />
                </Flex>
              );
            },
          })),
          { title: '操作', key: 'actions', width: 110, fixed: 'right', render: (_, __, i) => actions(i) },
        ]}
      />
    ) : null;

  return (
    <Flex vertical gap={8} id={fieldDomId(path)} tabIndex={-1} role="group" aria-label={node.label}>
      <Typography.Text strong>{node.label}</Typography.Text>
      {addons?.listHeader?.(path)}
      {body}
      <FieldMessages path={path} messages={messagesOf(path)} />
      <Flex gap={8} wrap>
        {add}
        {addons?.listActions?.(path, rows, onChange)}
      </Flex>
    </Flex>
  );
}
