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
import { useCompactList } from './list-compact';

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
  const compact = useCompactList(node, path, rows, messagesOf);
  const widthOf = (key: string) => {
    const child = item.type === 'group' ? item.fields[key] : undefined;
    return isLongText(`${path}.0.${key}`) ? 320 : child?.type === 'field' && child.kind === 'money' ? 150 : 160;
  };
  /** One field of a row of a group list: its input, its add-ons and its messages (the row's with the first). */
  const groupCell = (key: string, i: number) => {
    const child = item.type === 'group' ? item.fields[key] : undefined;
    if (child?.type !== 'field') return null;
    const row = (rows[i] ?? {}) as Row;
    const fieldPath = `${path}.${i}.${key}`;
    const messages = messagesOf(fieldPath);
    const first = item.type === 'group' && Object.keys(item.fields).find((k) => !compact || compact.shows(k)) === key;
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
        <FieldMessages path={fieldPath} messages={first ? [...messagesOf(`${path}.${i}`), ...messages] : messages} />
      </Flex>
    );
  };

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
        // a tablet: the key columns fit the width, the row's actions go under its first cell
        scroll={compact ? undefined : { x: Object.keys(item.fields).length * 170 }}
        expandable={compact?.expandable((key, i) => groupCell(key, i))}
        columns={[
          ...(compact
            ? []
            : [
                {
                  title: '序号',
                  key: 'index',
                  width: 56,
                  align: 'center' as const,
                  render: (_: unknown, __: unknown, i: number) => i + 1,
                },
              ]),
          ...Object.keys(item.fields)
            .filter((key) => !compact || compact.shows(key))
            .map((key, column): TableColumnsType<KeyedRow>[number] => ({
              title: item.fields[key]?.label,
              key,
              width: compact ? compact.widthOf(key, column) : widthOf(key),
              render: (_, __, i) =>
                compact && column === 0 ? (
                  <Flex vertical gap={4}>
                    {groupCell(key, i)}
                    <Flex justify="space-between" align="center" wrap>
                      {compact.more(i, rowName(i))}
                      {actions(i)}
                    </Flex>
                  </Flex>
                ) : (
                  groupCell(key, i)
                ),
            })),
          ...(compact
            ? []
            : [
                {
                  title: '操作',
                  key: 'actions',
                  width: 110,
                  fixed: 'right' as const,
                  render: (_: unknown, __: unknown, i: number) => actions(i),
                },
              ]),
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
