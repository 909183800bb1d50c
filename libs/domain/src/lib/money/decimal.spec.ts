import fc from 'fast-check';
import {
  dec,
  type Dec,
  formatAmount,
  formatWan,
  MONEY_PATTERN,
  percentChange,
  percentOf,
  roundHalfUp,
  statedPercentAgrees,
  sum,
} from './decimal';
import { amount, fixed, halfUp, moneyArb, pow10, wan } from './money-arbitraries.spec-helper';

/*
 * Property tests of the exact arithmetic, each checked against an independent reference: money is
 * also carried as a BigInt count of ten-thousandths of a 万元 (see money-arbitraries.spec-helper).
 */

describe('money arithmetic (property-based, against BigInt)', () => {
  it('the generated money strings are exactly the ones MONEY_PATTERN admits', () => {
    fc.assert(
      fc.property(moneyArb, fc.integer({ min: 0, max: 9 }), ({ text }, digit) => {
        expect(text).toMatch(MONEY_PATTERN);
        expect(`-${text}`).not.toMatch(MONEY_PATTERN);
        const fifthDecimal = text.includes('.') && text.split('.')[1].length === 4 ? `${text}${digit}` : null;
        if (fifthDecimal) expect(fifthDecimal).not.toMatch(MONEY_PATTERN);
      }),
    );
    expect('9999999999.9999').toMatch(MONEY_PATTERN);
    expect('10000000000').not.toMatch(MONEY_PATTERN);
    expect('1.23456').not.toMatch(MONEY_PATTERN);
    expect('1.').not.toMatch(MONEY_PATTERN);
    expect('.5').not.toMatch(MONEY_PATTERN);
  });

  it('sum is the exact sum of ten-thousandths: no float drift', () => {
    fc.assert(
      fc.property(fc.array(moneyArb, { maxLength: 30 }), (amounts) => {
        const exact = amounts.reduce((acc, m) => acc + m.units, 0n);
        const total = sum(amounts.map((m) => m.text));
        expect(total.toFixed(4)).toBe(fixed(exact, 4));
        expect(total.equals(fixed(exact, 4))).toBe(true);
      }),
    );
  });

  it('sum ignores order and trailing zeros', () => {
    fc.assert(
      fc.property(fc.array(moneyArb, { minLength: 1, maxLength: 20 }), (amounts) => {
        const texts = amounts.map((m) => m.text);
        const padded = amounts.map((m) => fixed(m.units, 4));
        expect(sum([...texts].reverse()).equals(sum(texts))).toBe(true);
        expect(sum(padded).equals(sum(texts))).toBe(true);
      }),
    );
  });

  it('sum of the 2024 budget lines of 赵县总工会 is 178.646, where floats give 178.64600000000002', () => {
    const amounts = ['47', '82', '1', '2', '2.82', '5', '10', '10.336', '18.49'];
    expect(amounts.reduce((a, b) => a + Number(b), 0)).not.toBe(178.646);
    expect(sum(amounts).toString()).toBe('178.646');
    expect(sum(['0.1', '0.2']).toString()).toBe('0.3');
  });

  it('formatWan shows the exact value with thousands separators and 4 decimals', () => {
    fc.assert(
      fc.property(moneyArb, fc.boolean(), ({ text, units }, negative) => {
        const value = negative ? dec(text).negated() : dec(text);
        const expected = wan(negative ? -units : units);
        if (!(negative && units === 0n)) expect(formatWan(value)).toBe(expected);
        if (!negative) {
          expect(formatWan(text)).toBe(expected);
          expect(formatWan(text)).toMatch(/^\d{1,3}(,\d{3})*\.\d{4}$/);
        }
      }),
    );
    expect(formatWan('1234567.8')).toBe('1,234,567.8000');
    expect(formatWan('0.00')).toBe('0.0000');
    expect(formatWan('-1234.5')).toBe('-1,234.5000');
  });

  it('roundHalfUp rounds halves away from zero (四舍五入) at 0–4 places', () => {
    fc.assert(
      fc.property(moneyArb, fc.boolean(), fc.integer({ min: 0, max: 4 }), ({ text, units }, negative, places) => {
        const signedUnits = negative ? -units : units;
        const value = negative ? dec(text).negated() : dec(text);
        const expected = halfUp(signedUnits, pow10(4 - places));
        expect(roundHalfUp(value, places).equals(fixed(expected, places))).toBe(true);
      }),
    );
    expect(roundHalfUp(dec('2.5'), 0).toString()).toBe('3');
    expect(roundHalfUp(dec('-2.5'), 0).toString()).toBe('-3');
    expect(roundHalfUp(dec('1.005'), 2).toString()).toBe('1.01');
    expect(roundHalfUp(dec('1.0049'), 2).toString()).toBe('1');
  });

  it('percentChange is (current − previous) ÷ previous × 100, exact to every rounding at 0–4 places', () => {
    fc.assert(
      fc.property(moneyArb, moneyArb, fc.integer({ min: 0, max: 4 }), (current, previous, places) => {
        const change = percentChange(current.text, previous.text);
        if (previous.units === 0n) {
          expect(change === null).toBe(current.units !== 0n);
          if (change !== null) expect(change.isZero()).toBe(true);
          return;
        }
        expect(change).not.toBeNull();
        const delta = current.units - previous.units;
        const expected = halfUp(delta * 100n * pow10(places), previous.units);
        expect(roundHalfUp(change as Dec, places).equals(fixed(expected, places))).toBe(true);
        expect((change as Dec).comparedTo(0)).toBe(delta === 0n ? 0 : delta > 0n ? 1 : -1);
      }),
    );
  });

  it('percentOf is numerator ÷ denominator × 100, null only for a zero denominator', () => {
    fc.assert(
      fc.property(moneyArb, moneyArb, fc.integer({ min: 0, max: 4 }), (numerator, denominator, places) => {
        const rate = percentOf(numerator.text, denominator.text);
        if (denominator.units === 0n) {
          expect(rate).toBeNull();
          return;
        }
        const expected = halfUp(numerator.units * 100n * pow10(places), denominator.units);
        expect(rate).not.toBeNull();
        expect(roundHalfUp(rate as Dec, places).equals(fixed(expected, places))).toBe(true);
      }),
    );
  });

  describe('statedPercentAgrees (the percentage rule)', () => {
    /** An exact percentage n / d as a report would meet it: a quotient of two money amounts × 100. */
    const ratioArb = fc.tuple(moneyArb, moneyArb, fc.boolean()).filter(([, d]) => d.units !== 0n);

    it('accepts the half-up rounding of the exact value to 0, 1 or 2 places, and no other value at that precision', () => {
      fc.assert(
        fc.property(
          ratioArb,
          fc.integer({ min: 0, max: 2 }),
          fc.integer({ min: -1000, max: 1000 }).filter((d) => d !== 0),
          ([numerator, denominator, negative], places, offset) => {
            const n = (negative ? -numerator.units : numerator.units) * 100n;
            const exact = dec(fixed(n, 4)).div(fixed(denominator.units, 4));
            const k = halfUp(n * pow10(places), denominator.units);
            expect(statedPercentAgrees(fixed(k, places), exact)).toBe(true);
            // any other value at the same precision, including one unit off and the wrong sign
            expect(statedPercentAgrees(fixed(k + BigInt(offset), places), exact)).toBe(false);
            expect(statedPercentAgrees(fixed(k + 1n, places), exact)).toBe(false);
            expect(statedPercentAgrees(fixed(k - 1n, places), exact)).toBe(false);
            if (k !== 0n) expect(statedPercentAgrees(fixed(-k, places), exact)).toBe(false);
          },
        ),
      );
    });

    it('judges each stated value at its own number of decimals', () => {
      const exact = percentChange('400.21', '407.95') as Dec; // −1.8973…
      expect(statedPercentAgrees('-1.9', exact)).toBe(true);
      expect(statedPercentAgrees('-1.90', exact)).toBe(true);
      expect(statedPercentAgrees('-2', exact)).toBe(true);
      expect(statedPercentAgrees('1.9', exact)).toBe(false);
      expect(statedPercentAgrees('-1.89', exact)).toBe(false);
      expect(statedPercentAgrees('-1.8', exact)).toBe(false);
      expect(statedPercentAgrees('100', dec('99.6'))).toBe(true);
      expect(statedPercentAgrees('99', dec('99.5'))).toBe(false);
      expect(statedPercentAgrees('100', dec('99.5'))).toBe(true);
      expect(statedPercentAgrees('99.99', dec('99.995'))).toBe(false);
      expect(statedPercentAgrees('-0.01', dec('-0.005'))).toBe(true);
    });
  });

  it('formatAmount prints an amount as the tables show it: 2 to 4 decimals, no trailing zeros past the second', () => {
    expect(formatAmount('188.6460')).toBe('188.646');
    expect(formatAmount('47')).toBe('47.00');
    expect(formatAmount('1234567.5')).toBe('1,234,567.50');
    expect(formatAmount(dec('178.646'))).toBe('178.646');
    fc.assert(fc.property(moneyArb, ({ text, units }) => expect(formatAmount(text)).toBe(amount(units))));
  });
});
