import fc from 'fast-check';
import { formatWan } from '../../money/decimal';
import { moneyArb } from '../../money/money-arbitraries.spec-helper';
import { findNumbers } from './numbers';

/** Digits grouped by three with ASCII commas, as reports print large amounts. */
const grouped = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

describe('findNumbers, properties', () => {
  it('an amount in 万元, written with or without separators, reads back exactly', () => {
    fc.assert(
      fc.property(moneyArb, fc.boolean(), (money, withSeparators) => {
        const places = money.text.split('.')[1]?.length ?? 0;
        const written = withSeparators ? formatWan(money.text, places) : money.text;
        const text = `截至 2024 年 12 月 31 日，净资产${written}万元。`;
        const found = findNumbers(text);
        expect(found).toHaveLength(1);
        expect(found[0].wan?.equals(money.text)).toBe(true);
        expect(text.slice(found[0].start, found[0].end)).toBe(`${written}万元`);
      }),
    );
  });

  it('the same amount in 元 reads back as the same 万元', () => {
    fc.assert(
      fc.property(moneyArb, (money) => {
        // ten-thousandths of a 万元 are whole 元
        const yuan = grouped(money.units.toString());
        const found = findNumbers(`（冀财行【2023】98号）${yuan} 元`);
        expect(found).toHaveLength(1);
        expect(found[0].wan?.equals(money.text)).toBe(true);
      }),
    );
  });
});
