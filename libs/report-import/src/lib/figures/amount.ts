import { MONEY_PATTERN } from '@evalflow/domain';
import { canonicalDecimal, decimalPlaces, integerDigits, shiftDecimal } from './decimal-text';
import type { ParseResult } from './figure';
import { normalizeWidth, stripSeparators } from './normalize';

/** A written number: thousands separators only in groups of three, an optional decimal part. */
export const NUMBER_SOURCE = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;

export type AmountUnit = '元' | '千元' | '万元' | '亿元';

/** How far the point moves to turn the unit into 万元. */
const SHIFT: Record<AmountUnit, number> = { 元: -4, 千元: -1, 万元: 0, 亿元: 4 };

export const AMOUNT_UNIT_SOURCE = String.raw`亿\s?元|万\s?元|千\s?元|元`;

export function amountUnitOf(written: string): AmountUnit {
  return written.replace(/\s/g, '') as AmountUnit;
}

/**
 * A number in `unit` as the schema's 万元 string, exactly: 1,786,460 元 → "178.646". Refused (never
 * rounded) when it needs more than 4 decimals in 万元, more than 10 integer digits, or is negative.
 */
export function toWan(number: string, unit: AmountUnit): ParseResult {
  const canonical = canonicalDecimal(stripSeparators(number));
  const value = shiftDecimal(canonical, SHIFT[unit]);
  if (value.startsWith('-')) return { ok: false, problem: 'negative' };
  if (decimalPlaces(value) > 4) return { ok: false, problem: 'too_precise' };
  if (integerDigits(value) > 10) return { ok: false, problem: 'too_large' };
  if (!MONEY_PATTERN.test(value)) return { ok: false, problem: 'not_a_figure' };
  return { ok: true, value, unit: '万元', writtenUnit: unit };
}

const WHOLE_AMOUNT = new RegExp(String.raw`^(-?)\s*(${NUMBER_SOURCE})\s*(${AMOUNT_UNIT_SOURCE})?$`);

/**
 * One amount written alone, e.g. a table cell: 「178.646万元」, 「1,786,460元」, 「１７８．６４６」 (with
 * `defaultUnit` when the unit is in the column's header instead).
 */
export function parseAmount(text: string, options: { defaultUnit?: AmountUnit } = {}): ParseResult {
  const match = WHOLE_AMOUNT.exec(normalizeWidth(text).trim());
  if (!match) return { ok: false, problem: 'not_a_figure' };
  const [, sign, number, unitText] = match;
  const unit = unitText ? amountUnitOf(unitText) : options.defaultUnit;
  if (!unit) return { ok: false, problem: 'not_a_figure' };
  return toWan(`${sign}${number}`, unit);
}
