import { REPORT_IMPORT_MAX_BYTES } from '@evalflow/domain';
import { ImportRefused } from '../import-refused';
import type { SourceBlock, SourceDocument } from '../source-document';
import { decodeText, type TextEncoding } from './decode';
import { detectLayout, type TextLayout } from './layout';
import { joinParagraphs } from './paragraphs';
import { findFormTables } from './form/form-tables';
import { findTextTables } from './text-tables';

export interface TxtLimits {
  maxBytes: number;
  maxLines: number;
  maxLineLength: number;
}

export const DEFAULT_TXT_LIMITS: TxtLimits = {
  maxBytes: REPORT_IMPORT_MAX_BYTES,
  maxLines: 100_000,
  maxLineLength: 20_000,
};

/** A line left out of the document, and why: page numbers a PDF copy leaves between pages. */
export interface DroppedLine {
  line: number;
  text: string;
  reason: 'page_number';
}

export interface TxtReadResult {
  document: SourceDocument;
  encoding: TextEncoding | 'string';
  layout: TextLayout;
  dropped: DroppedLine[];
}

const PAGE_NUMBER = [
  /^[-—–－]\s*\d{1,4}\s*[-—–－]$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
];

/**
 * A .txt report as a SourceDocument: paragraphs (hard-wrapped lines joined back) and tables laid out as
 * text. Refuses (ImportRefused) a file over the limits, empty, or not text.
 */
export function readTxt(input: Uint8Array | string, limits: TxtLimits = DEFAULT_TXT_LIMITS): TxtReadResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > limits.maxBytes) throw new ImportRefused('IMPORT_FILE_TOO_LARGE', `${size} bytes > ${limits.maxBytes}`);
  const { text, encoding } =
    typeof input === 'string' ? { text: input.replace(/^\uFEFF/, ''), encoding: 'string' as const } : decodeText(input);
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > limits.maxLines)
    throw new ImportRefused('IMPORT_TOO_MANY_LINES', `${lines.length} lines > ${limits.maxLines}`);
  const long = lines.findIndex((l) => l.length > limits.maxLineLength);
  if (long >= 0)
    throw new ImportRefused(
      'IMPORT_LINE_TOO_LONG',
      `line ${long + 1}: ${lines[long].length} > ${limits.maxLineLength}`,
    );

  const dropped: DroppedLine[] = [];
  const kept = lines.map((l) => l.replace(/\s+$/, ''));
  kept.forEach((l, i) => {
    if (PAGE_NUMBER.some((p) => p.test(l.trim()))) {
      dropped.push({ line: i + 1, text: l.trim(), reason: 'page_number' });
      kept[i] = '';
    }
  });
  const layout = detectLayout(kept);
  const significant = significantLines(kept, layout);
  const blocks = toBlocks(significant, layout);
  if (blocks.length === 0) throw new ImportRefused('IMPORT_EMPTY');
  return { document: { format: 'txt', blocks }, encoding, layout, dropped };
}

/**
 * The lines that carry content, with null where a blank line breaks a paragraph. In double-spaced text
 * (every line followed by a blank) blank lines say nothing and are dropped.
 */
function significantLines(lines: string[], layout: TextLayout): Array<string | null> {
  const out: Array<string | null> = [];
  for (const line of lines) {
    if (line.trim() !== '') out.push(line);
    else if (!layout.doubleSpaced && out.length > 0 && out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

function toBlocks(lines: Array<string | null>, layout: TextLayout): SourceBlock[] {
  const text = lines.map((l) => l ?? '');
  const blocks: SourceBlock[] = [];
  const addParagraphs = (part: Array<string | null>) => {
    for (const p of joinParagraphs(part, layout)) blocks.push({ kind: 'paragraph', index: blocks.length, text: p });
  };
  // whole lines: paragraphs and the tables laid out a row a line
  const addLines = (from: number, to: number) => {
    const part = lines.slice(from, to);
    let next = 0;
    for (const table of findTextTables(part.map((l) => l ?? ''))) {
      addParagraphs(part.slice(next, table.firstLine));
      blocks.push({ kind: 'table', index: blocks.length, rows: table.rows });
      next = table.lastLine + 1;
    }
    addParagraphs(part.slice(next));
  };
  // what a line holds beside a table that starts or ends in it; a table's own border is not text
  const addFragment = (fragment: string) => {
    if (!/^[\s|｜│┃]*$/.test(fragment)) addParagraphs([fragment.trim()]);
  };
  // the text is placed up to line `line`, `column` characters into it
  let line = 0;
  let column = 0;
  for (const form of findFormTables(text)) {
    if (column > 0 && line < form.first.line) {
      addFragment(text[line].slice(column));
      line++;
      column = 0;
    }
    if (line < form.first.line) {
      addLines(line, form.first.line);
      line = form.first.line;
      column = 0;
    }
    addFragment(text[line].slice(column, form.first.start));
    blocks.push({
      kind: 'table',
      index: blocks.length,
      rows: form.rows,
      ...(form.unread.length ? { unread: form.unread } : {}),
    });
    line = form.last.line;
    column = form.last.end;
  }
  if (column > 0) {
    addFragment(text[line].slice(column));
    line++;
  }
  addLines(line, lines.length);
  return blocks;
}
