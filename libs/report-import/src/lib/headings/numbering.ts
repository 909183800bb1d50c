import { parseChineseInteger } from '../figures/chinese-numerals';
import { normalizeWidth } from '../figures/normalize';

/**
 * A paragraph's heading numbering, as Chinese reports write it:
 * 第一部分 (level 0), 一、 (1), （一） (2), 1. / 1、 / 1． (3), （1） / 1） (4); full-width or half-width, with spaces.
 */
export interface HeadingNumbering {
  level: 0 | 1 | 2 | 3 | 4;
  ordinal: number;
  /** the marker as written, e.g. "（一）", "2．" */
  marker: string;
  /** the title: what follows the marker up to the first 。 or ：, trimmed */
  title: string;
  titleStart: number;
  titleEnd: number;
  /** body text written on the same line after the title (after its 。 or ：), or null */
  body: { start: number; end: number; text: string } | null;
  /** whether the title reads as a heading (short, no clause commas) rather than a numbered sentence */
  titleLike: boolean;
}

const CN = '[零〇一二两三四五六七八九十百]+';
const NUMBERINGS: Array<{ level: HeadingNumbering['level']; pattern: RegExp; chinese: boolean }> = [
  { level: 0, pattern: new RegExp(String.raw`^\s*第\s*(${CN}|\d{1,2})\s*部分\s*[、.:：]?\s*`), chinese: true },
  { level: 1, pattern: new RegExp(String.raw`^\s*(${CN})\s*[、.]\s*`), chinese: true },
  { level: 2, pattern: new RegExp(String.raw`^\s*\(\s*(${CN})\s*\)\s*[、.]?\s*`), chinese: true },
  // "1." but not "1.9%" or "10.336 万元": no digit after the point
  { level: 3, pattern: /^\s*(\d{1,2})\s*[.、](?!\d)\s*/, chinese: false },
  { level: 4, pattern: /^\s*\(\s*(\d{1,2})\s*\)\s*[、.]?\s*/, chinese: false },
  // 1） — the closing bracket alone, as some write the fourth level
  { level: 4, pattern: /^\s*([1-9]|1\d|20)\s*\)\s*/, chinese: false },
];

/** Where the title ends and body text begins on a heading's line. */
const TITLE_END = /[。！？：:]/;
/** A title longer than this, or with clause punctuation, is a numbered sentence, not a heading. */
const TITLE_MAX = 40;
const CLAUSE = /[，,；;]/;

export function parseHeadingNumbering(text: string): HeadingNumbering | null {
  const normalized = normalizeWidth(text);
  for (const { level, pattern, chinese } of NUMBERINGS) {
    const match = pattern.exec(normalized);
    if (!match) continue;
    const ordinal = chinese && !/^\d+$/.test(match[1]) ? parseChineseInteger(match[1]) : Number(match[1]);
    if (ordinal === null || ordinal < 1) continue;
    const markerEnd = match[0].length;
    if (markerEnd >= normalized.trimEnd().length) return null; // a marker alone is no heading
    return { level, ordinal, marker: text.slice(0, markerEnd).trim(), ...splitTitle(text, markerEnd) };
  }
  return null;
}

function splitTitle(
  text: string,
  from: number,
): Pick<HeadingNumbering, 'title' | 'titleStart' | 'titleEnd' | 'body' | 'titleLike'> {
  const rest = text.slice(from);
  const stop = TITLE_END.exec(rest);
  let titleEnd = stop ? from + stop.index : text.length;
  while (titleEnd > from && /\s/.test(text[titleEnd - 1])) titleEnd--;
  const title = text.slice(from, titleEnd);
  let body: HeadingNumbering['body'] = null;
  if (stop) {
    let start = from + stop.index + 1;
    while (start < text.length && /\s/.test(text[start])) start++;
    const end = text.trimEnd().length;
    if (start < end) body = { start, end, text: text.slice(start, end) };
  }
  const titleLike = title.length > 0 && title.length <= TITLE_MAX && !CLAUSE.test(title);
  return { title, titleStart: from, titleEnd, body, titleLike };
}

/** The heading level a Word style or outline level gives (1 for "Heading 1" / "标题 1" / outlineLevel 0), or null. */
export function styleHeadingLevel(style: string | undefined, outlineLevel: number | undefined): number | null {
  const named = style ? /^(?:heading|标题)\s*(\d)$/i.exec(style.trim()) : null;
  if (named) return Number(named[1]);
  if (outlineLevel !== undefined && outlineLevel >= 0 && outlineLevel < 9) return outlineLevel + 1;
  return null;
}
