import {
  chinaDate,
  chineseNumeral as domainChineseNumeral,
  decimalsOf,
  formatWan,
  headingNumber,
} from '@evalflow/domain';

/**
 * 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九: the domain's numeral, which templates number their
 * headings with, refusing what no heading is numbered with (the domain's writes it in digits).
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese heading numeral for ${n}`);
  return domainChineseNumeral(n);
}

/**
 * The heading numbering of GB/T 9704 (「一、」 「（一）」 「1.」 「（1）」), as the domain's numbering styles write
 * it: what the rendering numbers outside a template's outline with (list items, a form's goals).
 */
export const numbering = {
  level1: (n: number) => headingNumber('chinese', n),
  level2: (n: number) => headingNumber('chinese-paren', n),
  level3: (n: number) => headingNumber('arabic', n),
  level4: (n: number) => headingNumber('arabic-paren', n),
};

/** An ISO instant as the date a county office writes, in China time: 2025年5月6日. */
export function chineseDate(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`not an ISO date: ${iso}`);
  const [year, month, day] = chinaDate(instant).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

/** A calendar date (YYYY-MM-DD, no time of day) as a county office writes it: 2025-04-15 → 2025年4月15日. */
export function chineseDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 万元 as the report states it: its own decimals kept (0.00 stays 0.00), thousands grouped. */
export function wan(value: string): string {
  return formatWan(value, decimalsOf(value));
}

/** Shown where a draft has no value yet. */
export const BLANK = '（待填写）';

/** The text, or the blank mark when there is none. */
export function orBlank(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return BLANK;
  const text = String(value).trim();
  return text === '' ? BLANK : text;
}

/** A multi-line field as paragraphs (blank lines dropped). */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
