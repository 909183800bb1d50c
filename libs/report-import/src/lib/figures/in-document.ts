import type { SourceDocument, SourceSpan } from '../source-document';
import type { Figure } from './figure';
import { findFigures } from './find-figures';

/** A figure and where it was read: its paragraph or table cell and the exact span there. */
export interface LocatedFigure extends Omit<Figure, 'start' | 'end' | 'text'> {
  source: SourceSpan;
}

/** Every figure of a document, paragraphs and table cells alike, in document order (cells row by row). */
export function findFiguresInDocument(document: SourceDocument): LocatedFigure[] {
  const located: LocatedFigure[] = [];
  const add = (text: string, block: number, cell?: SourceSpan['cell']) => {
    for (const { start, end, text: spanText, ...figure } of findFigures(text)) {
      located.push({ ...figure, source: { block, ...(cell ? { cell } : {}), start, end, text: spanText } });
    }
  };
  for (const block of document.blocks) {
    if (block.kind === 'paragraph') add(block.text, block.index);
    else
      block.rows.forEach((row, r) =>
        row.forEach((cell, c) => cell.covered || add(cell.text, block.index, { row: r, column: c })),
      );
  }
  return located;
}
