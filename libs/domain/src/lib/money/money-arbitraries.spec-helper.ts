import fc from 'fast-check';

/*
 * Generators and an independent BigInt reference for the property tests of exact arithmetic: money
 * is also carried as a BigInt count of ten-thousandths of a 万元 (the finest unit MONEY_PATTERN
 * allows), and rounding is done on BigInt rationals. No binary float is involved on this side.
 */

export const TEN_THOUSAND = 10_000n;
export const pow10 = (n: number) => 10n ** BigInt(n);
export const abs = (n: bigint) => (n < 0n ? -n : n);

/** A money string as a report writes it, with its exact value in ten-thousandths. */
export interface Money {
  text: string;
  units: bigint;
}

/** Money as MONEY_PATTERN admits it: 1–10 integer digits (small values favoured as well as the full range), 0–4 decimals. */
export const moneyArb: fc.Arbitrary<Money> = fc
  .tuple(
    fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 9_999_999_999n })),
    fc.integer({ min: 0, max: 4 }),
  )
  .chain(([int, places]) =>
    fc.bigInt({ min: 0n, max: pow10(places) - 1n }).map((frac): Money => {
      const fracText = places === 0 ? '' : `.${frac.toString().padStart(places, '0')}`;
      return { text: `${int}${fracText}`, units: int * TEN_THOUSAND + frac * pow10(4 - places) };
    }),
  );

/** The value k / 10^places written with exactly `places` decimals, signed. */
export function fixed(k: bigint | number, places: number): string {
  const n = BigInt(k);
  const digits = abs(n)
    .toString()
    .padStart(places + 1, '0');
  const frac = places > 0 ? `.${digits.slice(digits.length - places)}` : '';
  return `${n < 0n ? '-' : ''}${digits.slice(0, digits.length - places)}${frac}`;
}

/** n / d (d > 0) rounded to an integer, halves away from zero (四舍五入). */
export function halfUp(n: bigint, d: bigint): bigint {
  const q = (2n * abs(n) + d) / (2n * d);
  return n < 0n ? -q : q;
}

/** Ten-thousandths as 万元 are shown (formatWan, the rule messages): thousands separators, exactly 4 decimals. */
export function wan(units: bigint): string {
  const [int, frac] = fixed(units, 4).split('.');
  const digits = int.replace('-', '');
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return `${int.startsWith('-') ? '-' : ''}${groups.join(',')}.${frac}`;
}

/** Ten-thousandths as the rule messages and the editor's tables show them (formatAmount): no zeros past the second decimal. */
export function amount(units: bigint): string {
  return wan(units)
    .replace(/(\.\d\d\d?)0+$/, '$1')
    .replace(/(\.\d\d)0$/, '$1');
}
