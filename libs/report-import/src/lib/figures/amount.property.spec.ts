import fc from 'fast-check';
import { findFigures } from './find-figures';
import { parseAmount } from './amount';

/*
 * Round trip: a valid 万元 amount (MONEY_PATTERN: 1–10 integer digits, 0–4 decimals), written in any style a
 * report uses, parses back to the same decimal. The expected value is computed on BigInt ten-thousandths,
 * independently of the parser's point-moving.
 */
interface Wan {
  /** ten-thousandths of a 万元, i.e. 元 */
  yuan: bigint;
}

const wanArb: fc.Arbitrary<Wan> = fc
  .tuple(
    fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 9_999_999_999n })),
    fc.bigInt({ min: 0n, max: 9999n }),
  )
  .map(([int, frac]) => ({ yuan: int * 10_000n + frac }));

/** n / 10^places with its fraction trimmed of trailing zeros: the canonical form the parser returns. */
function canonical(n: bigint, places: number): string {
  const digits = n.toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** n / 10^places written with exactly `places` decimals (padding zeros kept) and optional separators. */
function written(n: bigint, places: number, extraZeros: number, grouped: boolean): string {
  const digits = n.toString().padStart(places + 1, '0');
  let int = digits.slice(0, digits.length - places);
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = digits.slice(digits.length - places) + '0'.repeat(extraZeros);
  return frac ? `${int}.${frac}` : int;
}

const FULL_WIDTH: Record<string, string> = { '.': '．', ',': '，' };
const toFullWidth = (s: string) =>
  s.replace(/[0-9.,]/g, (c) => FULL_WIDTH[c] ?? String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10));

type Style = { unit: string; grouped: boolean; fullWidth: boolean; space: string; extraZeros: number };

const styleArb: fc.Arbitrary<Style> = fc.record({
  unit: fc.constantFrom('万元', '元', '亿元'),
  grouped: fc.boolean(),
  fullWidth: fc.boolean(),
  space: fc.constantFrom('', ' '),
  extraZeros: fc.integer({ min: 0, max: 2 }),
});

function format(amount: Wan, style: Style): string {
  const places = { 元: 0, 万元: 4, 亿元: 8 }[style.unit as '元' | '万元' | '亿元'];
  const number = written(amount.yuan, places, style.extraZeros, style.grouped);
  return `${style.fullWidth ? toFullWidth(number) : number}${style.space}${style.unit}`;
}

describe('amount round trip (property)', () => {
  it('every supported way of writing a valid amount parses back to the same 万元 decimal', () => {
    fc.assert(
      fc.property(wanArb, styleArb, (amount, style) => {
        const text = format(amount, style);
        expect(parseAmount(text)).toEqual({
          ok: true,
          value: canonical(amount.yuan, 4),
          unit: '万元',
          writtenUnit: style.unit,
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the same amount inside a sentence, with the span it was written in', () => {
    fc.assert(
      fc.property(wanArb, styleArb, (amount, style) => {
        const text = format(amount, style);
        const sentence = `其中项目支出${text}，较上年减少。`;
        const figures = findFigures(sentence);
        expect(figures).toHaveLength(1);
        expect(figures[0]).toMatchObject({ kind: 'amount', value: canonical(amount.yuan, 4), text, start: 6 });
      }),
      { numRuns: 1000 },
    );
  });

  it('an amount finer than 0.0001 万元 is refused, never rounded', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 9_999_999_999n }), fc.integer({ min: 5, max: 8 }), (n, places) => {
        const value = n * 10n + 1n; // last decimal non-zero
        const text = `${canonical(value, places)}万元`;
        expect(parseAmount(text)).toEqual({ ok: false, problem: 'too_precise' });
      }),
    );
  });
});

describe('findFigures on any text (property)', () => {
  const pieces = fc.constantFrom(
    '1',
    '23',
    '4.5',
    '1,234',
    '０',
    '．',
    '万元',
    '元',
    '亿元',
    '%',
    '人',
    '个单位',
    '分',
    '年',
    '月',
    '日',
    '-',
    '.',
    '【',
    '】',
    '〔',
    '〕',
    '号',
    '冀财行',
    '净资产',
    '，',
    '。',
    ' ',
    '第',
    '百分之',
    '九十',
    '点五',
  );
  it('gives spans that are the very text they name, never overlapping, in order', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const figures = findFigures(text);
        let previousEnd = 0;
        for (const f of figures) {
          expect(text.slice(f.start, f.end)).toBe(f.text);
          expect(f.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = f.end;
          if (f.value === null) expect(f.problem).toBeDefined();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
