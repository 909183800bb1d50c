import { formatListNumber } from './number-formats';

describe('formatListNumber', () => {
  it.each([
    [1, 'chineseCounting', '一'],
    [10, 'chineseCounting', '十'],
    [11, 'chineseCounting', '十一'],
    [20, 'chineseCounting', '二十'],
    [21, 'chineseCounting', '二十一'],
    [100, 'chineseCounting', '一百'],
    [105, 'chineseCounting', '一百〇五'],
    [110, 'chineseCounting', '一百一十'],
    [1005, 'chineseCountingThousand', '一千零五'],
    [10010, 'chineseCountingThousand', '一万零一十'],
    [11, 'chineseLegalSimplified', '壹拾壹'],
    [3, 'chineseLegalSimplified', '叁'],
    [12, 'ideographDigital', '一二'],
    [2, 'ideographTraditional', '乙'],
    [11, 'ideographTraditional', '甲'],
    [3, 'ideographZodiac', '寅'],
    [7, 'decimal', '7'],
    [7, 'decimalZero', '07'],
    [12, 'decimalFullWidth', '１２'],
    [3, 'decimalEnclosedCircle', '③'],
    [3, 'decimalEnclosedCircleChinese', '③'],
    [21, 'decimalEnclosedCircle', '21'],
    [2, 'decimalEnclosedParen', '⑵'],
    [2, 'decimalEnclosedFullstop', '⒉'],
    [1, 'ideographEnclosedCircle', '㊀'],
    [14, 'upperRoman', 'XIV'],
    [9, 'lowerRoman', 'ix'],
    [2, 'upperLetter', 'B'],
    [28, 'lowerLetter', 'bb'],
    [4, 'none', ''],
    [4, 'bullet', ''],
    [4, 'someFutureFormat', '4'],
  ])('%i in %s is 「%s」', (value, format, expected) => {
    expect(formatListNumber(value, format)).toBe(expected);
  });
});
