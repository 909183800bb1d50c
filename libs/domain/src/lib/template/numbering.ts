/**
 * Heading numbers as county notices write them. A template picks one style per outline level; the
 * sample (河北) uses 一、 / （一） / 1.
 */
export const NUMBERING_STYLES = ['chinese', 'chinese-paren', 'part', 'arabic', 'arabic-paren', 'none'] as const;
export type NumberingStyle = (typeof NUMBERING_STYLES)[number];

export const NUMBERING_STYLE_LABELS: Record<NumberingStyle, string> = {
  chinese: '一、',
  'chinese-paren': '（一）',
  part: '第一部分',
  arabic: '1.',
  'arabic-paren': '（1）',
  none: '不编号',
};

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The number of the n-th heading (1-based) in a style, with its punctuation: 「三、」「（二）」「第一部分 」「2.」. */
export function headingNumber(style: NumberingStyle, n: number): string {
  switch (style) {
    case 'chinese':
      return `${chineseNumeral(n)}、`;
    case 'chinese-paren':
      return `（${chineseNumeral(n)}）`;
    case 'part':
      return `第${chineseNumeral(n)}部分 `;
    case 'arabic':
      return `${n}.`;
    case 'arabic-paren':
      return `（${n}）`;
    case 'none':
      return '';
  }
}
