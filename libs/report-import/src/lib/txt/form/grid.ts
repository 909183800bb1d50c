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
}

export function gridRow(from: number, to: number, values: boolean, cells: Array<[number, string]>): GridRow {
  const row: GridRow = { cells: [], from, to, values };
  for (const [column, text] of cells) row.cells[column] = { text };
  return row;
}

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
