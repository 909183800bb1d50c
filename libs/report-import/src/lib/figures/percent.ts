import { PERCENT_PATTERN } from '@evalflow/domain';
import { parseChineseDecimal } from './chinese-numerals';
import { canonicalDecimal, decimalPlaces } from './decimal-text';
import type { ParseResult } from './figure';
import { NUMBER_SOURCE } from './amount';
import { normalizeWidth, stripSeparators } from './normalize';

/** A percentage as the schema's string (no "%"), refused past 2 decimals rather than rounded. */
export function toPercent(number: string): ParseResult {
  const value = canonicalDecimal(stripSeparators(number));
  if (decimalPlaces(value) > 2) return { ok: false, problem: 'too_precise' };
  if (!PERCENT_PATTERN.test(value)) return { ok: false, problem: 'too_large' };
  return { ok: true, value, unit: '%' };
}

export const CHINESE_PERCENT_SOURCE = '(负)?百分之([零〇一二两三四五六七八九十百千点]+)';

const WHOLE_PERCENT = new RegExp(String.raw`^(-?)\s*(${NUMBER_SOURCE})\s*%$`);
const WHOLE_CHINESE_PERCENT = new RegExp(`^${CHINESE_PERCENT_SOURCE}$`);

/** 「98.5%」, 「９８．５％」, 「-1.9%」, 「百分之九十八点五」 → "98.5". */
export function parsePercent(text: string): ParseResult {
  const normalized = normalizeWidth(text).trim();
  const arabic = WHOLE_PERCENT.exec(normalized);
  if (arabic) return toPercent(`${arabic[1]}${arabic[2]}`);
  const chinese = WHOLE_CHINESE_PERCENT.exec(normalized);
  if (chinese) return chinesePercent(chinese[1], chinese[2]);
  return { ok: false, problem: 'not_a_figure' };
}

export function chinesePercent(negative: string | undefined, numeral: string): ParseResult {
  const value = parseChineseDecimal(numeral);
  if (value === null) return { ok: false, problem: 'not_a_figure' };
  return toPercent(negative ? `-${value}` : value);
}
