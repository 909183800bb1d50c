import { Children, isValidElement, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import { Table, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useViewport } from '../hooks/use-viewport';

type TableRef = { nativeElement?: HTMLDivElement | null };

/** The words of a column's title (a title may be an element, e.g. a label with a tooltip). */
export function textOf(node: unknown): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) {
    return Children.toArray(node.props.children).map(textOf).join('');
  }
  return '';
}

/** The columns with each cell labelled by its column's title (a group's title leads its children's). */
function labelled<T>(columns: ColumnsType<T>, group = ''): ColumnsType<T> {
  return columns.map((column) => {
    const title = typeof column.title === 'function' ? '' : textOf(column.title);
    const label = [group, title].filter(Boolean).join(' · ');
    if ('children' in column) return { ...column, children: labelled(column.children, label) };
    return {
      ...column,
      fixed: undefined,
      onCell: (record: T, index?: number) =>
        ({ ...column.onCell?.(record, index), 'data-label': label || undefined }) as ReturnType<
          NonNullable<typeof column.onCell>
        >,
    };
  });
}

/**
 * The summary rows' cells take the label of the body cell in the same column (a summary cell knows
 * its column only by position).
 */
function labelSummaries(root: HTMLElement | null | undefined) {
  const firstRow = root?.querySelector('tbody > tr.ant-table-row');
  if (!root || !firstRow) return;
  const labelAt = new Map<number, string>();
  let at = 0;
  for (const cell of Array.from((firstRow as HTMLTableRowElement).cells)) {
    const label = cell.getAttribute('data-label');
    if (label) labelAt.set(at, label);
    at += cell.colSpan;
  }
  for (const row of Array.from(root.querySelectorAll<HTMLTableRowElement>('tfoot tr, .ant-table-summary tr'))) {
    let column = 0;
    for (const cell of Array.from(row.cells)) {
      const label = cell.colSpan === 1 ? labelAt.get(column) : undefined;
      if (label) cell.setAttribute('data-label', label);
      else cell.removeAttribute('data-label');
      column += cell.colSpan;
    }
  }
}

/**
 * An Ant Design table that, on a phone (below 576 px), shows each row as a card of 「label：value」 lines
 * (styles.css, .table-cards) instead of columns wider than the screen. Sorting, expanding, selecting,
 * summaries and paging keep working: it is the same table, laid out differently.
 */
function ResponsiveTableOf<T extends object>({ columns, className, scroll, ...props }: TableProps<T>) {
  const { phone } = useViewport();
  const ref = useRef<TableRef>(null);
  const cardColumns = useMemo(() => (phone && columns ? labelled(columns) : columns), [phone, columns]);
  useLayoutEffect(() => {
    if (phone && props.summary) labelSummaries(ref.current?.nativeElement);
  });
  return (
    <Table<T>
      ref={ref as never}
      {...props}
      columns={cardColumns}
      className={phone ? [className, 'table-cards'].filter(Boolean).join(' ') : className}
      // a card is as wide as the screen: no sideways scroll, no fixed columns
      scroll={phone ? undefined : scroll}
      tableLayout={phone ? 'auto' : props.tableLayout}
    />
  );
}

export const ResponsiveTable = Object.assign(ResponsiveTableOf, { Summary: Table.Summary });
