import fc from 'fast-check';
import { parsePercent } from './percent';

describe('percent round trip (property)', () => {
  it('a valid percentage, written with or without full width, parses back to the same decimal', () => {
    const percentArb = fc.tuple(
      fc.boolean(),
      fc.integer({ min: 0, max: 999_999 }),
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 99 }),
    );
    fc.assert(
      fc.property(percentArb, fc.boolean(), ([negative, int, places, frac], fullWidth) => {
        const fracText = places === 0 ? '' : String(frac % 10 ** places).padStart(places, '0');
        const written = `${negative ? '-' : ''}${int}${fracText ? `.${fracText}` : ''}%`;
        const text = fullWidth
          ? written.replace(/[0-9.%]/g, (c) =>
              c === '.' ? '．' : c === '%' ? '％' : String.fromCharCode(c.charCodeAt(0) - 0x30 + 0xff10),
            )
          : written;
        const trimmedFrac = fracText.replace(/0+$/, '');
        const expected = `${negative && (int > 0 || trimmedFrac) ? '-' : ''}${int}${trimmedFrac ? `.${trimmedFrac}` : ''}`;
        expect(parsePercent(text)).toEqual({ ok: true, value: expected, unit: '%' });
      }),
      { numRuns: 1000 },
    );
  });
});
