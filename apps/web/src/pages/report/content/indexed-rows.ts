import { fieldDomId } from '../editor/field-dom';

/** Report rows have no ids of their own: their position keys them (and numbers them, 序号). */
export type Indexed<T> = T & { rowIndex: number };

export function indexed<T extends object>(rows: readonly T[]): Array<Indexed<T>> {
  return rows.map((row, rowIndex) => ({ ...row, rowIndex }));
}

/**
 * The row's element id for a table's onRow, by the row's content path (budget.lines.1): a comment on the row or
 * one of its fields is located there in the read-only view.
 */
export const rowAnchor =
  (listPath: string) =>
  (row: { rowIndex: number }): { id: string } => ({ id: fieldDomId(`${listPath}.${row.rowIndex}`) });
