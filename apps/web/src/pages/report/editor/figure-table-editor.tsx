import { Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { FieldNode } from '../fields/field-nodes';
import type { MessagesOf } from './field-messages';
import { FieldInput } from './field-input';
import { FieldMessages, messagesId, statusOf } from './field-shell';
import { SourcedCell } from './field-sources';

type Figure = { key: string; label: string; fields: Record<string, FieldNode>; value: Record<string, unknown> };

interface FigureTableEditorProps {
  /** The group's figures: each a group of the same fields (年初预算数, 决算数…). */
  figures: Array<[string, FieldNode]>;
  path: string;
  value: Record<string, unknown>;
  onChange: (key: string, figure: Record<string, unknown>) => void;
  messagesOf: MessagesOf;
}

const recordOf = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};

/**
 * Figures of the year laid out as the printed report has them (本年收入, 本年支出, 资金情况): a row per
 * figure, a column per amount; each input is named by its row and column (项目支出 决算数).
 */
export function FigureTableEditor({ figures, path, value, onChange, messagesOf }: FigureTableEditorProps) {
  const rows: Figure[] = figures.flatMap(([key, node]) =>
    node.type === 'group' ? [{ key, label: node.label, fields: node.fields, value: recordOf(value[key]) }] : [],
  );
  const columns = Object.entries(rows[0]?.fields ?? {});
  return (
    <Table<Figure>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={rows}
      scroll={{ x: 170 + columns.length * 170 }}
      columns={[
        {
          title: '项目',
          key: 'label',
          width: 170,
          render: (_, row) => (
            <Flex vertical gap={2}>
              <Typography.Text>{row.label}</Typography.Text>
              <FieldMessages path={`${path}.${row.key}`} messages={messagesOf(`${path}.${row.key}`)} />
            </Flex>
          ),
        },
        ...columns.map(([column, child]): TableColumnsType<Figure>[number] => ({
          title: child.label,
          key: column,
          width: 170,
          render: (_, row) => {
            if (child.type !== 'field') return null;
            const fieldPath = `${path}.${row.key}.${column}`;
            const messages = messagesOf(fieldPath);
            return (
              <Flex vertical gap={2}>
                <SourcedCell path={fieldPath}>
                  <FieldInput
                    path={fieldPath}
                    kind={child.kind}
                    label={`${row.label} ${child.label}`}
                    value={row.value[column]}
                    status={statusOf(messages)}
                    describedBy={messages.length ? messagesId(fieldPath) : undefined}
                    onChange={(v) => onChange(row.key, { ...row.value, [column]: v })}
                  />
                </SourcedCell>
                <FieldMessages path={fieldPath} messages={messages} />
              </Flex>
            );
          },
        })),
      ]}
    />
  );
}
