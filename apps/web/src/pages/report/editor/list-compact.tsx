import { useState, type ReactNode } from 'react';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Flex, Typography, type TableProps } from 'antd';
import { useViewport } from '../../../hooks/use-viewport';
import type { ListNode } from '../fields/field-nodes';
import type { MessagesOf } from './field-messages';

type KeyedRow = { key: string; row: Record<string, unknown> };

const blank = (value: unknown) => value === null || value === undefined || value === '';

/**
 * A list table on a tablet (below 992 px) keeps as columns only the fields its node names as key
 * (三级指标, 年度指标值, 实际完成值, 分值, 得分…); the others open under the row with 「更多」. A row opens by
 * itself while a hidden field of it has a message, or while its key fields are all blank (a new row),
 * so no message is hidden and the cursor can reach every field of a row being filled in.
 */
export function useCompactList(node: ListNode, path: string, rows: unknown[], messagesOf: MessagesOf) {
  const { tablet } = useViewport();
  // what the user chose for a row, over the rule above
  const [chosen, setChosen] = useState<Record<number, boolean>>({});
  const item = node.item;
  const keyFields = node.keyFields;
  if (!tablet || !keyFields || item.type !== 'group') return undefined;

  const hidden = Object.keys(item.fields).filter((key) => !keyFields.includes(key));
  const row = (i: number) => (rows[i] ?? {}) as Record<string, unknown>;
  const openByRule = (i: number) =>
    keyFields.every((key) => blank(row(i)[key])) || hidden.some((key) => messagesOf(`${path}.${i}.${key}`).length);
  const isOpen = (i: number) => chosen[i] ?? openByRule(i);
  const toggle = (i: number) => setChosen((c) => ({ ...c, [i]: !isOpen(i) }));

  return {
    /** The first key column takes what is left; scores are narrow. */
    widthOf: (key: string, column: number) => {
      if (column === 0) return undefined;
      const child = item.fields[key];
      return child?.type === 'field' && child.kind === 'score' ? 84 : 104;
    },
    /** Whether the field is a column. */
    shows: (key: string) => keyFields.includes(key),
    /** Under the row's first cell: 「更多」 or 「收起」. */
    more: (i: number, name: string) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, alignSelf: 'flex-start' }}
        icon={isOpen(i) ? <UpOutlined /> : <DownOutlined />}
        aria-expanded={isOpen(i)}
        aria-label={`${name}的其他字段`}
        onClick={() => toggle(i)}
      >
        {isOpen(i) ? '收起' : `更多（${hidden.length}）`}
      </Button>
    ),
    /** The hidden fields of a row, each labelled, under it. */
    expandable: (cell: (key: string, i: number) => ReactNode): TableProps<KeyedRow>['expandable'] => ({
      expandedRowKeys: rows.map((_, i) => String(i)).filter((_, i) => isOpen(i)),
      showExpandColumn: false,
      expandedRowRender: (_, i) => (
        <Flex wrap gap={12} role="group" aria-label={`第${i + 1}${node.unit}的其他字段`}>
          {hidden.map((key) => (
            <Flex key={key} vertical gap={4} style={{ flex: '1 1 220px', minWidth: 0 }}>
              <Typography.Text type="secondary">{item.fields[key]?.label}</Typography.Text>
              {cell(key, i)}
            </Flex>
          ))}
        </Flex>
      ),
    }),
  };
}
