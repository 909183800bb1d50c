/**
 * The report as a sequence of typed blocks, built once from the report and rendered by both the DOCX and
 * the PDF renderer: the two formats show the same text in the same order, and each decides only how a
 * kind of block looks.
 */

/** The four typefaces of GB/T 9704: 小标宋 (title), 仿宋 (body), 黑体, 楷体. */
export type Typeface = 'title' | 'body' | 'heading' | 'kai';

export interface Span {
  text: string;
  /** the block's typeface when absent */
  typeface?: Typeface;
}

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface TableCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  align?: Align;
  /** a head cell: 黑体 */
  head?: boolean;
}

export interface TableModel {
  /** relative column widths */
  widths: number[];
  /** 'normal' is 小四 (12 pt), 'small' is 五号 (10.5 pt) for the wide 绩效自评表 */
  size: 'normal' | 'small';
  /** a one-page form's table: lines closer (TABLE_PITCH.dense) and cells tighter (CELL_PADDING.dense) */
  dense?: boolean;
  /** rows repeated at the top of each page */
  headerRows: number;
  /** the least height of a body row (pt): room to sign in the team table */
  minRowHeight?: number;
  /** kept on one page (only for tables sure to fit one) */
  keepTogether?: boolean;
  /** a full grid: the positions a span covers are null */
  rows: Array<Array<TableCell | null>>;
}

export type Block =
  /** 「附件4」 at the top left, 黑体 三号 */
  | { kind: 'attachment'; text: string }
  /** the title, 小标宋 二号, centred, one entry a line */
  | { kind: 'title'; lines: string[]; size: 'main' | 'form' }
  /** 「一、」 黑体, 「（一）」 楷体, 「1.」 仿宋; all indented two characters */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** body text, 仿宋 三号, first line indented two characters, justified */
  | { kind: 'paragraph'; spans: Span[] }
  /** a line set apart: a table's caption, the 自评表's year and department, the approval block */
  | {
      kind: 'line';
      spans: Span[];
      align: Align;
      size: 'body' | 'small';
      /** kept from the edge it is aligned to, in characters */
      indentChars?: number;
      /** space above: an empty line in body size, half a line in small (SPACE_BEFORE) */
      spaceBefore?: boolean;
    }
  | { kind: 'table'; table: TableModel }
  | { kind: 'pageBreak' };

export interface ReportDocument {
  /** the PDF's and DOCX's title property */
  title: string;
  /** the PDF's subject and the DOCX's description: the kind of report (部门整体支出绩效自评报告) */
  subject: string;
  author: string;
  watermark: string | null;
  /** a line at the top of every page, or null */
  notice?: string | null;
  blocks: Block[];
}

/** Every text of a document, in order: what a reader (or a test) extracts from the rendered file. */
export function blockTexts(block: Block): string[] {
  switch (block.kind) {
    case 'attachment':
    case 'heading':
      return [block.text];
    case 'title':
      return block.lines;
    case 'paragraph':
    case 'line':
      return [block.spans.map((s) => s.text).join('')];
    case 'table':
      return block.table.rows.flatMap((row) => row.flatMap((cell) => (cell ? [cell.text] : [])));
    case 'pageBreak':
      return [];
  }
}
