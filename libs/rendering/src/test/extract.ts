import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';

/*
 * Reading rendered documents back, as a reader's tools see them: the DOCX's XML parts (through jszip) and
 * the PDF through poppler-utils (pdftotext, pdffonts, pdfinfo).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (xml: string) => xml.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]);

export interface DocxParts {
  /** word/document.xml */
  document: string;
  headers: string[];
  footers: string[];
  settings: string;
  /** docProps/core.xml: title, creator, description */
  core: string;
}

export async function docxParts(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => (zip.file(name) as JSZip.JSZipObject).async('string');
  const named = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((name) => pattern.test(name))
        .sort()
        .map(read),
    );
  return {
    document: await read('word/document.xml'),
    headers: await named(/^word\/header\d+\.xml$/),
    footers: await named(/^word\/footer\d+\.xml$/),
    settings: await read('word/settings.xml'),
    core: await read('docProps/core.xml'),
  };
}

/** The text of WordprocessingML: the w:t of each paragraph, one paragraph (or table cell) a line. */
export function wordText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1])).join(''))
    .filter(Boolean)
    .join('\n');
}

function withPdfFile<T>(buffer: Buffer, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'evalflow-render-'));
  const path = join(dir, 'document.pdf');
  try {
    writeFileSync(path, buffer);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install the Debian package poppler-utils`, { cause: error });
    }
    throw error;
  }
}

/** pdftotext -raw (content-stream order, which keeps table cells in row order): one string a page. */
export function pdfPages(buffer: Buffer): string[] {
  const text = withPdfFile(buffer, (path) => poppler('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-']));
  return text.split('\f').slice(0, -1);
}

/** 「- 4 -」: a page's footer */
export const PAGE_FOOTER_LINE = /^\s*-\s*(\d+)\s*-\s*$/;

/** The pages' text without their footers, one line a line. */
export function pdfBody(pages: string[]): string {
  return pages
    .map((page) =>
      page
        .split('\n')
        .filter((line) => !PAGE_FOOTER_LINE.test(line))
        .join('\n'),
    )
    .join('\n');
}

/** Each word of a page with its box (pt, from the top left), from pdftotext -bbox-layout. */
export interface PdfLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export function pdfLines(buffer: Buffer): { pages: Array<{ width: number; height: number }>; lines: PdfLine[] } {
  const html = withPdfFile(buffer, (path) => poppler('pdftotext', ['-bbox-layout', path, '-']));
  const pages: Array<{ width: number; height: number }> = [];
  const lines: PdfLine[] = [];
  for (const [, width, height, body] of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(width), height: Number(height) });
    for (const [, xMin, yMin, xMax, yMax, words] of body.matchAll(
      /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g,
    )) {
      const text = [...words.matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((m) => decode(m[1])).join(' ');
      lines.push({ page: pages.length, text, xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax });
    }
  }
  return { pages, lines };
}

/** Each word of the PDF with its box (pt, from the top left), from pdftotext -bbox: a CJK word is as wide as its characters. */
export function pdfWords(buffer: Buffer): PdfLine[] {
  const html = withPdfFile(buffer, (path) => poppler('pdftotext', ['-bbox', path, '-']));
  const words: PdfLine[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((body, i) => {
      for (const [, xMin, yMin, xMax, yMax, text] of body.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        words.push({ page: i + 1, text: decode(text), xMin: +xMin, yMin: +yMin, xMax: +xMax, yMax: +yMax });
      }
    });
  return words;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** pdffonts: every font the PDF uses. */
export function pdfFonts(buffer: Buffer): PdfFont[] {
  const out = withPdfFile(buffer, (path) => poppler('pdffonts', [path]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
      if (!m) throw new Error(`pdffonts line not understood: ${line}`);
      return { name: m[1], type: m[2], embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
}

/** pdfinfo as key → value. */
export function pdfInfo(buffer: Buffer): Record<string, string> {
  const out = withPdfFile(buffer, (path) => poppler('pdfinfo', ['-enc', 'UTF-8', path]));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1], m[2]]),
  );
}
