import { parseHeadingNumbering } from '../headings';

/** CJK characters and full-width punctuation: a space beside one is an artefact of PDF copying, not text. */
const WIDE = /[\u2018-\u201f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** ASCII punctuation a space before is PDF spacing too (「400.21 万元 ,较上年」) */
const CLOSES = /[,.;:!?%)]/;

const isHan = (ch: string | undefined) => ch !== undefined && HAN.test(ch);

/**
 * The whitespace runs that stand between two Chinese characters, each marked as splitting words (two or more
 * characters on both sides: 「七一颂党恩 礼赞新赵州」) or not (a single character on either side: 「预 算 编 码」).
 */
function hanGaps(text: string): Map<number, boolean> {
  const gaps = new Map<number, boolean>();
  for (const m of text.matchAll(/\s+/g)) {
    const at = m.index;
    const after = at + m[0].length;
    if (!isHan(text[at - 1]) || !isHan(text[after])) continue;
    gaps.set(at, isHan(text[at - 2]) && isHan(text[after + 1]));
  }
  return gaps;
}

/** Chinese characters standing alone between spaces (or beside punctuation): 4 in 「预 算 编 码」. */
function singleCharacters(text: string, gaps: Map<number, boolean>): number {
  const ends = new Set([...gaps.keys()].map((at) => at + (/^\s+/.exec(text.slice(at))?.[0].length ?? 0)));
  let n = 0;
  for (let i = 0; i < text.length; i++)
    if (isHan(text[i]) && !isHan(text[i - 1]) && !isHan(text[i + 1]) && (ends.has(i) || gaps.has(i + 1))) n++;
  return n;
}

/**
 * A narrative text as the schema stores it: trimmed, the spaces a PDF copy puts beside Chinese text removed
 * (「2024 年」→「2024年」). Between two Chinese characters a PDF copy letter-spaces (「预 算 编 码」: a single
 * character between spaces), which goes; a space between two words of two characters or more is the
 * author's (「七一颂党恩 礼赞新赵州」) and stays as one space — unless the text is letter-spaced throughout
 * (at least two single characters, and as many as the spaces between words), when every such space goes.
 */
export function cleanText(text: string): string {
  const gaps = hanGaps(text);
  const words = [...gaps.values()].filter(Boolean).length;
  const singles = words ? singleCharacters(text, gaps) : 0;
  const letterSpaced = singles >= 2 && singles >= words;
  const cleaned = text.replace(/\s+/g, (gap: string, at: number) => {
    const between = gaps.get(at);
    if (between !== undefined) return between && !letterSpaced ? ' ' : '';
    const before = text[at - 1];
    const after = text[at + gap.length];
    if (after !== undefined && (WIDE.test(after) || CLOSES.test(after))) return '';
    if (before !== undefined && (WIDE.test(before) || before === '(')) return '';
    return gap;
  });
  return cleaned.trim();
}

/** A heading's title compared by its words only: numbering, punctuation and spaces removed, widths folded. */
export function normalizeTitle(text: string): string {
  const numbered = parseHeadingNumbering(text);
  const title = numbered ? numbered.title : text;
  return title.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => chars[i] + c);
}

/** Dice coefficient over character bigrams (0…1): robust to a word added or left out in a title. */
export function dice(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const g of y) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/**
 * How alike two normalised titles are: their Dice, or 0.8 when one holds the other whole (at least four
 * characters) — 「针对问题提出具体的改进措施或建议」 is about 「改进措施或建议」 though it has many more words.
 */
export function titleSimilarity(a: string, b: string): number {
  const d = dice(a, b);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.includes(short) ? Math.max(d, 0.8) : d;
}
