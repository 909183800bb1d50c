/** Report rows have no ids of their own: their position keys them (and numbers them, 序号). */
export type Indexed<T> = T & { rowIndex: number };

export function indexed<T extends object>(rows: readonly T[]): Array<Indexed<T>> {
  return rows.map((row, rowIndex) => ({ ...row, rowIndex }));
}
