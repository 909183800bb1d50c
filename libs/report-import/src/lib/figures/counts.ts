import { SCORE_PATTERN } from '@evalflow/domain';
import { canonicalDecimal, decimalPlaces } from './decimal-text';
import type { ParseResult } from './figure';
import { NUMBER_SOURCE } from './amount';
import { normalizeWidth, stripSeparators } from './normalize';

/**
 * Units a count is written with. Longest first so 个单位 wins over 个. Not units: 个月, 个百分点,
 * 个工作日 (durations and percentage points), 人民币.
 */
export const COUNT_UNITS = [
  '个单位',
  '人次',
  '个',
  '人',
  '名',
  '辆',
  '台',
  '套',
  '项',
  '家',
  '户',
  '所',
  '处',
  '座',
  '件',
  '条',
  '批',
  '场',
  '次',
  '篇',
];
const NOT_FOLLOWED_BY: Record<string, string> = { 个: '月|百分点|工作日', 人: '民' };
export const COUNT_UNIT_SOURCE = COUNT_UNITS.map((u) =>
  NOT_FOLLOWED_BY[u] ? `${u}(?!${NOT_FOLLOWED_BY[u]})` : u,
).join('|');
export const INTEGER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+|\d+`;

const MAX_COUNT = 1_000_000;

export function toCount(number: string, unit: string): ParseResult {
  const value = canonicalDecimal(stripSeparators(number));
  if (Number(value) > MAX_COUNT) return { ok: false, problem: 'too_large' };
  return { ok: true, value, unit };
}

const WHOLE_COUNT = new RegExp(String.raw`^(${INTEGER_SOURCE})\s*(${COUNT_UNIT_SOURCE})$`);

/** 「4人」, 「3个单位」, 「5 辆」 → value "4" (a whole number; the schema stores it as a number). */
export function parseCount(text: string): ParseResult {
  const match = WHOLE_COUNT.exec(normalizeWidth(text).trim());
  return match ? toCount(match[1], match[2]) : { ok: false, problem: 'not_a_figure' };
}

export function toScore(number: string): ParseResult {
  const value = canonicalDecimal(stripSeparators(number));
  if (decimalPlaces(value) > 2) return { ok: false, problem: 'too_precise' };
  if (!SCORE_PATTERN.test(value) || Number(value) > 100) return { ok: false, problem: 'out_of_range' };
  return { ok: true, value, unit: '分' };
}

const WHOLE_SCORE = new RegExp(String.raw`^(${NUMBER_SOURCE})\s*分$`);

/** 「95分」, 「92.5 分」 → "95" (0–100, at most 2 decimals). */
export function parseScore(text: string): ParseResult {
  const match = WHOLE_SCORE.exec(normalizeWidth(text).trim());
  return match ? toScore(match[1]) : { ok: false, problem: 'not_a_figure' };
}
