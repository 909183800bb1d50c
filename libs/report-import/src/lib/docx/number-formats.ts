/**
 * The visible form of a list number in each w:numFmt Word offers (ECMA-376 §17.18.59), for the formats county
 * reports use: 一、（一）1.（1）① and their relatives. Unknown formats read as decimal.
 */
export function formatListNumber(value: number, numFmt: string): string {
  switch (numFmt) {
    case 'none':
    case 'bullet':
      return '';
    case 'decimalZero':
      return value < 10 && value >= 0 ? `0${value}` : String(value);
    case 'upperRoman':
      return roman(value);
    case 'lowerRoman':
      return roman(value).toLowerCase();
    case 'upperLetter':
      return letters(value);
    case 'lowerLetter':
      return letters(value).toLowerCase();
    case 'chineseCounting':
    case 'taiwaneseCounting':
    case 'japaneseCounting':
      return chinese(value, COUNTING, '〇');
    case 'chineseCountingThousand':
    case 'taiwaneseCountingThousand':
    case 'ideographLegalTraditional':
      return chinese(value, COUNTING, '零');
    case 'chineseLegalSimplified':
      return chinese(value, LEGAL, '零', true);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return [...String(value)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
    case 'ideographTraditional':
      return cyclic(value, '甲乙丙丁戊己庚辛壬癸');
    case 'ideographZodiac':
      return cyclic(value, '子丑寅卯辰巳午未申酉戌亥');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(value)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return enclosed(value, 0x2460, 20);
    case 'decimalEnclosedParen':
      return enclosed(value, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(value, 0x2488, 20);
    case 'ideographEnclosedCircle':
      return enclosed(value, 0x3280, 10);
    default:
      return String(value);
  }
}

interface Numerals {
  digits: string;
  /** 十 百 千 */
  units: [string, string, string];
  tenThousand: string;
}
const COUNTING: Numerals = { digits: '〇一二三四五六七八九', units: ['十', '百', '千'], tenThousand: '万' };
const LEGAL: Numerals = { digits: '零壹贰叁肆伍陆柒捌玖', units: ['拾', '佰', '仟'], tenThousand: '万' };

/** 11 → 十一 (legal: 壹拾壹), 20 → 二十, 105 → 一百〇五 / 一百零五. */
function chinese(value: number, numerals: Numerals, zero: string, legal = false): string {
  if (!Number.isInteger(value) || value < 0) return String(value);
  if (value === 0) return numerals.digits[0];
  if (value >= 10000) {
    const high = Math.floor(value / 10000);
    const low = value % 10000;
    const rest = low === 0 ? '' : (low < 1000 ? zero : '') + chinese(low, numerals, zero, true);
    return chinese(high, numerals, zero, legal) + numerals.tenThousand + rest;
  }
  const places = [...String(value)].map(Number).reverse(); // ones, tens, hundreds, thousands
  let text = '';
  let pendingZero = false;
  for (let place = places.length - 1; place >= 0; place--) {
    const digit = places[place];
    if (digit === 0) {
      pendingZero = text !== '';
      continue;
    }
    if (pendingZero) text += zero;
    pendingZero = false;
    const unit = place === 0 ? '' : numerals.units[place - 1];
    // 十一 rather than 一十一, unless legal (壹拾壹) or inside a larger number (一百一十)
    const omitOne = !legal && place === 1 && digit === 1 && places.length === 2;
    text += (omitOne ? '' : numerals.digits[digit]) + unit;
  }
  return text;
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let text = '';
  for (const [n, s] of table) {
    while (rest >= n) {
      text += s;
      rest -= n;
    }
  }
  return text;
}

/** Word's letters: A … Z, then AA, BB … */
function letters(value: number): string {
  if (value <= 0) return String(value);
  const letter = String.fromCharCode(65 + ((value - 1) % 26));
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function cyclic(value: number, symbols: string): string {
  return value <= 0 ? String(value) : symbols[(value - 1) % symbols.length];
}

/** Enclosed numbers exist up to `max`; beyond, the plain number. */
function enclosed(value: number, first: number, max: number): string {
  return value >= 1 && value <= max ? String.fromCharCode(first + value - 1) : String(value);
}
