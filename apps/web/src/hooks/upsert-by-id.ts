/** The rows with `item` in place of the row of the same id (through `merge`), or first if it is new. */
export function upsertById<T extends { id: string }>(rows: T[], item: T, merge = (_row: T, item: T) => item): T[] {
  const index = rows.findIndex((row) => row.id === item.id);
  return index === -1 ? [item, ...rows] : rows.map((row, i) => (i === index ? merge(row, item) : row));
}
