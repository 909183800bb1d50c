/**
 * A report as the importer reads it, whatever its file: an ordered list of blocks (paragraphs and tables),
 * each with the exact text it holds, so that every value taken from it can name where it came from.
 * The .docx, .txt and .xlsx readers produce this; everything after them works on it alone.
 */
export type SourceFormat = 'docx' | 'txt' | 'xlsx';

export interface SourceParagraph {
  kind: 'paragraph';
  /** the block's position in the document, from 0 */
  index: number;
  /** the paragraph's text as written (runs joined; no trailing newline) */
  text: string;
  /** the Word paragraph style's name, e.g. "Heading 1", "标题 2"; absent for .txt */
  style?: string;
  /** the outline level Word gives the paragraph (0 for 标题 1), when it has one */
  outlineLevel?: number;
}

export interface SourceCell {
  text: string;
  /** columns this cell spans (gridSpan), 1 for a plain cell */
  colSpan: number;
  /** rows this cell spans (vMerge), 1 for a plain cell */
  rowSpan: number;
  /** a place inside another cell's merge: its text is '' and it stands only to keep the grid rectangular */
  covered: boolean;
}

export interface SourceTable {
  kind: 'table';
  index: number;
  /** rows × grid columns: every row has the same length, merged places marked `covered` */
  rows: SourceCell[][];
  /**
   * rows of a table rebuilt from text whose cells could not all be placed under the header for certain:
   * kept in the table as they stood (in no column of the header), for the import to list
   */
  unread?: number[];
}

export type SourceBlock = SourceParagraph | SourceTable;

export interface SourceDocument {
  format: SourceFormat;
  blocks: SourceBlock[];
}

/** Where a value was read: a paragraph (or a table's cell) and the exact span of its text. */
export interface SourceSpan {
  block: number;
  /** the cell of a table block, 0-based on the grid */
  cell?: { row: number; column: number };
  /** character offsets in that paragraph's or cell's text, end exclusive */
  start: number;
  end: number;
  /** the text between start and end */
  text: string;
}
