import type { SourceBlock, SourceDocument, SourceTable } from '../source-document';

/** A document from lines: a string is a paragraph, a grid of strings a table (no merged cells). */
export function doc(format: SourceDocument['format'], ...items: Array<string | string[][]>): SourceDocument {
  const blocks: SourceBlock[] = items.map((item, index) =>
    typeof item === 'string' ? { kind: 'paragraph', index, text: item } : table(item, index),
  );
  return { format, blocks };
}

export function table(grid: string[][], index = 0): SourceTable {
  return {
    kind: 'table',
    index,
    rows: grid.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1, covered: false }))),
  };
}
