import { DOCUMENT_FAILURE_MESSAGES, type DocumentFailureCode } from '@evalflow/domain';
import { LINE_PITCH, SIZE, TABLE_PITCH, TEXT_WIDTH_PT, TITLE_PITCH, FORM_TITLE_PITCH } from './layout';
import type { Block, ReportDocument, TableModel } from './model/document';

/**
 * What one document may cost. A draft filled to the schema's maxima is thousands of pages; a county's
 * real report is 10–40. Pages and bytes are checked by the renderers themselves; time and memory by
 * whoever runs them in a thread of its own (IsolatedRenderer).
 */
export interface RenderLimits {
  /** pages of the PDF as it is laid out (and the estimate of either format before anything is laid out) */
  maxPages: number;
  /** bytes of the file written */
  maxBytes: number;
}

/** The defaults of the limits (and of the isolated renderer's time and memory). */
export const DEFAULT_RENDER_LIMITS = {
  maxPages: 300,
  maxBytes: 50 * 1024 * 1024,
  timeoutMs: 120_000,
  maxOldGenerationSizeMb: 512,
} as const;

export type RenderLimitKind = 'pages' | 'bytes' | 'time' | 'memory';

const CODES: Record<RenderLimitKind, DocumentFailureCode> = {
  pages: 'DOCUMENT_TOO_MANY_PAGES',
  bytes: 'DOCUMENT_TOO_LARGE',
  time: 'DOCUMENT_RENDER_TIMEOUT',
  memory: 'DOCUMENT_RENDER_OUT_OF_MEMORY',
};

function limitMessage(limit: RenderLimitKind, bound: number): string {
  switch (limit) {
    case 'pages':
      return DOCUMENT_FAILURE_MESSAGES.DOCUMENT_TOO_MANY_PAGES(bound);
    case 'bytes':
      return DOCUMENT_FAILURE_MESSAGES.DOCUMENT_TOO_LARGE(bound);
    case 'time':
      return DOCUMENT_FAILURE_MESSAGES.DOCUMENT_RENDER_TIMEOUT(Math.max(1, Math.round(bound / 1000)));
    case 'memory':
      return DOCUMENT_FAILURE_MESSAGES.DOCUMENT_RENDER_OUT_OF_MEMORY();
  }
}

/**
 * A document over one of its limits: rendering it again gives the same answer, so it is not retried.
 * The message is what its users read (Chinese); the code is stable.
 */
export class RenderLimitExceeded extends Error {
  readonly code: DocumentFailureCode;

  constructor(
    readonly limit: RenderLimitKind,
    /** the limit passed: pages, bytes, milliseconds or MB */
    readonly bound: number,
  ) {
    super(limitMessage(limit, bound));
    this.name = 'RenderLimitExceeded';
    this.code = CODES[limit];
  }

  static is(error: unknown): error is RenderLimitExceeded {
    return error instanceof RenderLimitExceeded;
  }
}

/** The limits asked for, the defaults where absent. */
export function renderLimitsOf(limits: Partial<RenderLimits> | undefined): RenderLimits {
  return {
    maxPages: limits?.maxPages ?? DEFAULT_RENDER_LIMITS.maxPages,
    maxBytes: limits?.maxBytes ?? DEFAULT_RENDER_LIMITS.maxBytes,
  };
}

/** Throws RenderLimitExceeded('pages') when the estimate of the document's pages is over the limit. */
export function assertPagesWithin(document: ReportDocument, limits: RenderLimits): void {
  if (estimatePages(document) > limits.maxPages) throw new RenderLimitExceeded('pages', limits.maxPages);
}

/** Throws RenderLimitExceeded('bytes') when a file of `bytes` would be over the limit. */
export function assertBytesWithin(bytes: number, limits: RenderLimits): void {
  if (bytes > limits.maxBytes) throw new RenderLimitExceeded('bytes', limits.maxBytes);
}

/** The height of the text block (pt): 22 lines of 三号. */
const PAGE_HEIGHT_PT = 22 * LINE_PITCH;

/**
 * How many pages the document takes at least, without laying it out: each block's lines at the grid of
 * GB/T 9704 (28 characters of 三号 a line, a Latin character half of one), tables row by row at their
 * pitch, a page break ending its page. Margins, cell padding and rows merged down are left out, so the
 * estimate stays at or below the laid-out count (the 赵县 sample: 10 of 11 pages); it refuses a document
 * surely over the limit before its cost is paid. The DOCX, laid out by the reader's word processor, is
 * held to this estimate; the PDF is also counted page by page as it is laid out.
 */
export function estimatePages(document: ReportDocument): number {
  let pages = 1;
  let used = 0;
  const add = (height: number) => {
    used += height;
    while (used > PAGE_HEIGHT_PT) {
      pages++;
      used -= PAGE_HEIGHT_PT;
    }
  };
  for (const block of document.blocks) {
    if (block.kind === 'pageBreak') {
      if (used > 0) {
        pages++;
        used = 0;
      }
      continue;
    }
    add(blockHeight(block));
  }
  return pages;
}

function blockHeight(block: Exclude<Block, { kind: 'pageBreak' }>): number {
  switch (block.kind) {
    case 'attachment':
      return LINE_PITCH;
    case 'title': {
      const pitch = block.size === 'main' ? TITLE_PITCH : FORM_TITLE_PITCH;
      const size = block.size === 'main' ? SIZE.title : SIZE.formTitle;
      return block.lines.reduce((sum, line) => sum + linesOf(line, TEXT_WIDTH_PT, size) * pitch, 0);
    }
    case 'heading':
      return linesOf(block.text, TEXT_WIDTH_PT, SIZE.body, 2) * LINE_PITCH;
    case 'paragraph':
      return linesOf(block.spans.map((s) => s.text).join(''), TEXT_WIDTH_PT, SIZE.body, 2) * LINE_PITCH;
    case 'line': {
      const [size, pitch] = block.size === 'body' ? [SIZE.body, LINE_PITCH] : [SIZE.table, TABLE_PITCH.normal];
      const text = block.spans.map((s) => s.text).join('');
      return linesOf(text, TEXT_WIDTH_PT, size, block.indentChars ?? 0) * pitch;
    }
    case 'table':
      return tableHeight(block.table);
  }
}

function tableHeight(table: TableModel): number {
  const size = table.size === 'normal' ? SIZE.table : SIZE.small;
  const pitch = table.dense ? TABLE_PITCH.dense : TABLE_PITCH[table.size];
  const total = table.widths.reduce((a, b) => a + b, 0) || 1;
  let height = 0;
  for (const row of table.rows) {
    let lines = 1;
    row.forEach((cell, column) => {
      // a cell merged down shares its lines with the rows it covers: left out (the estimate stays low)
      if (!cell || (cell.rowSpan ?? 1) > 1) return;
      const span = table.widths.slice(column, column + (cell.colSpan ?? 1)).reduce((a, b) => a + b, 0);
      lines = Math.max(lines, linesOf(cell.text, (TEXT_WIDTH_PT * span) / total, size));
    });
    height += Math.max(lines * pitch, table.minRowHeight ?? 0);
  }
  return height;
}

/** Lines a text takes at `size` in `width` pt: each paragraph of it from a new line, the first indented. */
function linesOf(text: string, width: number, size: number, indentChars = 0): number {
  const perLine = Math.max(1, Math.floor(width / size));
  return text.split('\n').reduce((sum, paragraph) => {
    let ems = indentChars;
    for (const char of paragraph) ems += (char.codePointAt(0) as number) < 0x2e80 ? 0.5 : 1;
    return sum + Math.max(1, Math.ceil(ems / perLine));
  }, 0);
}
