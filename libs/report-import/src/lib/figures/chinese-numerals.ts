/** Chinese numerals as reports write them: 一 … 九十九 for headings, 百分之九十八点五 for percentages. */
const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CHINESE_DIGIT_CHARS = '零〇一二两三四五六七八九';
export const CHINESE_NUMERAL_CHARS = `${CHINESE_DIGIT_CHARS}十百千`;

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 九千九百九十九 → 9999; null for anything else (up to 9999). */
export function parseChineseInteger(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let pending: number | null = null;
  let lastUnit = Infinity;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (pending !== null && DIGITS[ch] !== 0) return null; // two digits in a row: 一二
      pending = DIGITS[ch] === 0 ? null : DIGITS[ch];
      continue;
    }
    const unit = UNITS[ch];
    if (unit === undefined || unit >= lastUnit) return null;
    // 十 alone at the start means 一十
    total += (pending ?? (total === 0 && unit === 10 ? 1 : NaN)) * unit;
    if (Number.isNaN(total)) return null;
    pending = null;
    lastUnit = unit;
  }
  return total + (pending ?? 0);
}

/** 九十八点五 → "98.5", 一百 → "100", 零点五 → "0.5"; null for anything else. */
export function parseChineseDecimal(text: string): string | null {
  const [intPart, fracPart, extra] = text.split('点');
  if (extra !== undefined) return null;
  const int = intPart === '' ? null : parseChineseInteger(intPart);
  if (int === null) return null;
  if (fracPart === undefined) return String(int);
  let frac = '';
  for (const ch of fracPart) {
    if (!(ch in DIGITS)) return null;
    frac += String(DIGITS[ch]);
  }
  return frac === '' ? null : `${int}.${frac}`;
}
