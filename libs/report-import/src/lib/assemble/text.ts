import { parseHeadingNumbering } from '../headings';

/** CJK characters and full-width punctuation: a space beside one is an artefact of PDF copying, not text. */
const WIDE = String.raw`[\u2018-\u201f\u3000-\u303f\u3400-\u9fff\uff00-\uffef]`;
const SPACE_BY_WIDE = new RegExp(String.raw`\s+(?=${WIDE}|[,.;:!?%)])|(?<=${WIDE}|[(])\s+`, 'g');

/** A narrative text as the schema stores it: trimmed, spaces beside Chinese text removed (「2024 年」→「2024年」). */
export function cleanText(text: string): string {
  return text.replace(SPACE_BY_WIDE, '').trim();
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
