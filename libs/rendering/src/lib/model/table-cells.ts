import type { TableCell } from './document';

/** Table cells as both report kinds' tables write them. */

/** A head cell: 黑体, centred. */
export const head = (text: string, more: Partial<TableCell> = {}): TableCell => ({
  text,
  head: true,
  align: 'center',
  ...more,
});

export const cell = (text: string, align: TableCell['align'] = 'center', more: Partial<TableCell> = {}): TableCell => ({
  text,
  align,
  ...more,
});

/** A cell spanning `span` columns, followed by the nulls of the positions it covers. */
export const spanning = (first: TableCell, span: number): Array<TableCell | null> => [
  { ...first, colSpan: span },
  ...Array<null>(span - 1).fill(null),
];

/** The row with its single-column cell at `index` widened over `span` columns: a row put on a finer grid. */
export function widened(row: Array<TableCell | null>, index: number, span: number): Array<TableCell | null> {
  const target = row[index];
  if (!target || target.colSpan || span <= 1) return row;
  return [...row.slice(0, index), ...spanning(target, span), ...row.slice(index + 1)];
}

/** Merges runs of equal keys in one column into a cell spanning their rows (一级/二级指标). */
export function mergeRuns<T>(
  rows: Array<Array<TableCell | null>>,
  items: T[],
  column: number,
  key: (item: T) => string,
): void {
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && key(items[i]) === key(items[start])) continue;
    const span = i - start;
    if (span > 1) {
      (rows[start][column] as TableCell).rowSpan = span;
      for (let r = start + 1; r < i; r++) rows[r][column] = null;
    }
    start = i;
  }
}
