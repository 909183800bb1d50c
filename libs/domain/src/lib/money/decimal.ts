import DecimalJs from 'decimal.js';

/**
 * Exact decimal arithmetic for money (万元 to 4 places), percentages and scores. Never binary
 * floats: 47 + 82 + 1 + 2 + 2.82 + 5 + 10 + 10.336 + 18.49 is 178.646 here, not 178.64600000000002.
 * A private clone, so no other user of decimal.js can change our precision or rounding.
 */
export const Dec = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Dec = InstanceType<typeof Dec>;

/** 万元 amounts as written in reports: up to 10 integer digits and at most 4 decimals. */
export const MONEY_PATTERN = /^\d{1,10}(\.\d{1,4})?$/;
/** Percentages: signed, at most 2 decimals. */
export const PERCENT_PATTERN = /^-?\d{1,6}(\.\d{1,2})?$/;
/** Scores and weights: 0–100, at most 2 decimals. */
export const SCORE_PATTERN = /^\d{1,3}(\.\d{1,2})?$/;

export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

export function sum(values: Array<string | Dec>): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), new Dec(0));
}

/** Half-up rounding (四舍五入) to a number of decimal places. */
export function roundHalfUp(value: Dec, places: number): Dec {
  return value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
}

/** 万元 with exactly 4 decimals and thousands separators, as messages and tables show it. */
export function formatWan(value: string | Dec, places = 4): string {
  const [int, frac] = dec(value).toFixed(places).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}

/**
 * 万元 as the editor's tables show it: thousands separators, at least 2 decimals and at most 4, with no
 * trailing zeros past the second (188.646, not 188.6460; 47 as 47.00). Rule messages print amounts so.
 */
export function formatAmount(value: string | Dec): string {
  const exact = dec(value);
  const places = Math.min(4, Math.max(2, roundHalfUp(exact, 4).decimalPlaces()));
  return formatWan(exact, places);
}

export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** (current − previous) / previous × 100, or null when previous is zero and current is not. */
export function percentChange(current: string | Dec, previous: string | Dec): Dec | null {
  const prev = dec(previous);
  const cur = dec(current);
  if (prev.isZero()) return cur.isZero() ? new Dec(0) : null;
  return cur.minus(prev).div(prev).times(100);
}

/** numerator / denominator × 100, or null when the denominator is zero. */
export function percentOf(numerator: string | Dec, denominator: string | Dec): Dec | null {
  const d = dec(denominator);
  return d.isZero() ? null : dec(numerator).div(d).times(100);
}

/**
 * The percentage rule: a stated percentage agrees with the exact value when the exact value,
 * rounded half-up to the stated value's own number of decimals (0, 1 or 2), equals it.
 * So "1.9" agrees with −1.8973…% only if signed as "-1.9"; "100" agrees with 99.6%.
 */
export function statedPercentAgrees(stated: string, exact: Dec): boolean {
  return roundHalfUp(exact, decimalsOf(stated)).equals(dec(stated));
}
