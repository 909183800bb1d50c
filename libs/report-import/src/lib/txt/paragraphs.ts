import { parseHeadingNumbering } from '../headings/numbering';
import { displayWidth, type TextLayout } from './layout';

/** A wrapped line shorter than the full width by more than this (3 CJK characters) ends its paragraph. */
const SHORT_BY = 6;
/** A first line is indented by two characters; one after a sentence's end starts a paragraph. */
const INDENT_BAND = { min: 3, max: 6 };
const CLAUSE_END = /[；;，,、]$/;
const SENTENCE_END = /[。！？!?]["”’」』）)]?$/;
/** indentation kept in the file (two full-width spaces, or 2+ spaces) marks a paragraph's first line */
const INDENTED = /^(?:\u3000|[ \t]{2,})/;

/**
 * Lines (null for a paragraph break) joined into paragraphs. Hard-wrapped lines are joined back: a line
 * continues on the next unless it is short, the next is a heading, or the next is indented.
 */
export function joinParagraphs(lines: Array<string | null>, layout: TextLayout): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  let previousRaw = '';
  for (const raw of lines) {
    if (raw === null) {
      if (current !== null) paragraphs.push(current);
      current = null;
      continue;
    }
    const line = raw.trim();
    if (current !== null && continues(previousRaw.trim(), raw, layout)) current = join(current, line);
    else {
      if (current !== null) paragraphs.push(current);
      current = line;
    }
    previousRaw = raw;
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

function continues(previous: string, nextRaw: string, layout: TextLayout): boolean {
  if (layout.lineWidth === null) return false;
  const next = nextRaw.trim();
  if (INDENTED.test(nextRaw)) return false;
  const width = displayWidth(previous);
  if (width < layout.lineWidth - SHORT_BY) return false;
  // a numbered line starts a paragraph when it reads as a heading or follows a sentence's end, but not when a
  // full line ending mid-clause runs an inline list on (…；9.为做好…) nor for a wrapped "77）文件精神，…"
  const numbering = parseHeadingNumbering(next);
  if (numbering && !CLAUSE_END.test(previous) && (numbering.titleLike || SENTENCE_END.test(previous))) return false;
  if (SENTENCE_END.test(previous)) {
    const shortBy = layout.lineWidth - displayWidth(next);
    if (shortBy >= INDENT_BAND.min && shortBy <= INDENT_BAND.max) return false;
  }
  return true;
}

/** Joined without a space (Chinese wraps anywhere), except where Latin text wrapped at a space. */
function join(a: string, b: string): string {
  return /[A-Za-z,.;:!?)]$/.test(a) && /^[A-Za-z]/.test(b) ? `${a} ${b}` : a + b;
}
