/**
 * How a text file was laid out, learned from its lines: whether every line is followed by a blank line
 * (text copied from a PDF), and whether paragraphs were hard-wrapped at a fixed width (and which).
 */
export interface TextLayout {
  doubleSpaced: boolean;
  /** the width of a full wrapped line in columns (CJK = 2), or null when lines are whole paragraphs */
  lineWidth: number | null;
}

/** Display width: CJK characters, full-width forms and Chinese quotes take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    width += code >= 0x2e80 || '“”‘’—…'.includes(ch) ? 2 : 1;
  }
  return width;
}

const MIN_WRAPPED_LINES = 5;
/** share of lines within a few columns of the common width for the text to count as hard-wrapped */
const WRAPPED_SHARE = 0.35;
const WIDTH_TOLERANCE = 4;

export function detectLayout(lines: string[]): TextLayout {
  const filled = lines.map((l, i) => ({ l, i })).filter(({ l }) => l.trim() !== '');
  let followedByOneBlank = 0;
  for (const { i } of filled) {
    if (lines[i + 1]?.trim() === '' && lines[i + 2] !== undefined && lines[i + 2].trim() !== '') followedByOneBlank++;
  }
  const doubleSpaced = filled.length >= 4 && followedByOneBlank >= 0.6 * (filled.length - 1);

  const widths = filled.map(({ l }) => displayWidth(l.trim())).filter((w) => w >= 20);
  if (widths.length < MIN_WRAPPED_LINES) return { doubleSpaced, lineWidth: null };
  const common = mostCommonWidth(widths);
  const near = widths.filter((w) => Math.abs(w - common) <= WIDTH_TOLERANCE).length;
  return { doubleSpaced, lineWidth: near >= WRAPPED_SHARE * filled.length ? common : null };
}

/** The width most lines are near: the densest window of ±2 columns. */
function mostCommonWidth(widths: number[]): number {
  let best = widths[0];
  let bestCount = 0;
  for (const w of new Set(widths)) {
    const count = widths.filter((x) => Math.abs(x - w) <= 2).length;
    if (count > bestCount || (count === bestCount && w > best)) {
      best = w;
      bestCount = count;
    }
  }
  return best;
}
