import { chineseDate, chineseDay, chineseNumeral, numbering, orBlank, BLANK, wan } from './chinese';

describe('Chinese numbering, dates and amounts', () => {
  it('numbers headings 一 to 九十九 the way documents write them', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '九',
      '十',
      '十一',
      '十九',
      '二十',
      '二十一',
      '九十九',
    ]);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
    expect([numbering.level1(3), numbering.level2(2), numbering.level3(1), numbering.level4(4)]).toEqual([
      '三、',
      '（二）',
      '1.',
      '（4）',
    ]);
  });

  it('writes dates in China time, without leading zeros', () => {
    expect(chineseDate('2025-05-06T02:30:00Z')).toBe('2025年5月6日');
    // 18:00 UTC on 5 May is 02:00 on 6 May in Beijing
    expect(chineseDate('2025-05-05T18:00:00Z')).toBe('2025年5月6日');
    expect(chineseDate('2025-12-31T15:59:59Z')).toBe('2025年12月31日');
    expect(() => chineseDate('yesterday')).toThrow(RangeError);
  });

  it('writes a calendar date (a form’s 填报日期) without leading zeros, whatever the time zone', () => {
    expect(['2025-04-15', '2025-12-01', '2024-02-29'].map(chineseDay)).toEqual([
      '2025年4月15日',
      '2025年12月1日',
      '2024年2月29日',
    ]);
    expect(() => chineseDay('2025/04/15')).toThrow(RangeError);
  });

  it('keeps an amount’s own decimals and groups thousands, exactly', () => {
    expect(['178.646', '0.00', '47', '2.82', '1234567.5', '0.0001'].map(wan)).toEqual([
      '178.646',
      '0.00',
      '47',
      '2.82',
      '1,234,567.5',
      '0.0001',
    ]);
  });

  it('marks what a draft has not filled in', () => {
    expect([orBlank(''), orBlank('  '), orBlank(null), orBlank(0), orBlank('行政')]).toEqual([
      BLANK,
      BLANK,
      BLANK,
      '0',
      '行政',
    ]);
  });
});
