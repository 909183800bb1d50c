import type { SourceCell } from '../../source-document';

/** A cell placed in a grid being built: its text, and for a merge its span or that it is covered. */
export interface GridCell {
  text: string;
  rowSpan?: number;
  covered?: boolean;
}

/** A row being built: cells by column, and the tokens it took (to give back the ones a table ends without). */
export interface GridRow {
  cells: Array<GridCell | undefined>;
  from: number;
  to: number;
  /** it holds a value read under a header (not only a label, a gap or a heading) */
  values: boolean;
  /** text the reader could not place under the header for certain */
  unread?: boolean;
}

export function gridRow(from: number, to: number, values: boolean, cells: Array<[number, string]>): GridRow {
  const row: GridRow = { cells: [], from, to, values };
  for (const [column, text] of cells) row.cells[column] = { text };
  return row;
}

/** Rows of text that could not be placed, a cell each in the first column. */
export const unreadRow = (from: number, to: number, text: string): GridRow => ({
  ...gridRow(from, to, false, [[0, text]]),
  unread: true,
});

/** The indexes of the rows that hold text the reader could not place. */
export const unreadIndexes = (rows: GridRow[]) => rows.flatMap((r, n) => (r.unread ? [n] : []));

/** The rows as a SourceTable's grid: every row as wide as the widest, holes as empty cells. */
export function toSourceRows(rows: GridRow[]): SourceCell[][] {
  const width = Math.max(1, ...rows.map((r) => r.cells.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, c) => {
      const cell = r.cells[c];
      return {
        text: cell?.text ?? '',
        colSpan: 1,
        rowSpan: cell?.rowSpan ?? 1,
        covered: cell?.covered ?? false,
      };
    }),
  );
}
