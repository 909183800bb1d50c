import { dec, type Dec } from '../../money/decimal';

/**
 * The numbers written in a report's narrative, each with its unit and its span: just what the prose
 * rules compare (amounts, percentages, counts, scores). Dates (2024年), document numbers
 * (冀财行【2023】98号), ordinals (第3个) and ranges (3-5人) are not figures and are not returned. Exact:
 * the value is the decimal as written, never a float.
 */
export type ProseNumberKind = 'amount' | 'percent' | 'count' | 'score';

export interface ProseNumber {
  kind: ProseNumberKind;
  /** the digits as written, separators removed (e.g. 1234567.5) */
  value: string;
  /** 万元, 元, 亿元; %; 人, 个, 家, 辆; 分 — and 人次 and 个百分点, which no figure is counted in */
  unit: string;
  /** an amount in 万元, the unit every stored amount is in */
  wan: Dec | null;
  /** start and end (exclusive) of the number and its unit in the text */
  start: number;
  end: number;
  /** 约、近、超过… before it or 左右 after it: not a figure to compare */
  approximate: boolean;
}

const UNIT_KINDS: Record<string, ProseNumberKind> = {
  亿元: 'amount',
  万元: 'amount',
  元: 'amount',
  '%': 'percent',
  个百分点: 'percent',
  人次: 'count',
  人: 'count',
  个: 'count',
  家: 'count',
  辆: 'count',
  分: 'score',
};

const TO_WAN: Record<string, string> = { 亿元: '10000', 万元: '1', 元: '0.0001' };

// Arabic numbers: plain or with ASCII thousands separators in groups of three.
const ARABIC = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// Small Chinese numerals for counts (下设三个单位, 减少一人): up to 九十九.
const CHINESE = '[零〇一二两三四五六七八九十]{1,3}';
const UNIT = '亿元|万元|元|%|个百分点|人次|人|个|家|辆|分';
const PATTERN = new RegExp(`(${ARABIC})\\s*(${UNIT})|(${CHINESE})(人|个|家|辆)`, 'g');

/** 分 as in 分钟, 分之, 分别 is not a score. */
const NOT_SCORE = /^[钟之别期批类项管级]/;
const APPROXIMATE_BEFORE = /(约|大约|近|将近|接近|逾|超过|不足|不到|上下)\s*$/;
const APPROXIMATE_AFTER = /^\s*(左右|上下|以上|以下|多|余)/;

/** Full-width digits, ％ and ．read as their ASCII forms; each is one character, so spans stay. */
function normalise(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => {
    if (ch === '．') return '.';
    if (ch === '％') return '%';
    return String.fromCharCode(ch.charCodeAt(0) - 0xff10 + 0x30);
  });
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 三 → 3, 十二 → 12, 二十 → 20, 二十三 → 23; null for anything else (一二三, 十十). */
export function chineseCount(text: string): number | null {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? (CHINESE_DIGITS[text] ?? null) : null;
  if (text.lastIndexOf('十') !== ten) return null;
  const tens = ten === 0 ? 1 : ten === 1 ? CHINESE_DIGITS[text[0]] : undefined;
  const ones = ten === text.length - 1 ? 0 : ten === text.length - 2 ? CHINESE_DIGITS[text[ten + 1]] : undefined;
  if (tens === undefined || ones === undefined || tens === 0) return null;
  return tens * 10 + ones;
}

/** Every figure-like number in the text, in order. */
export function findNumbers(text: string): ProseNumber[] {
  const source = normalise(text);
  const found: ProseNumber[] = [];
  for (const m of source.matchAll(PATTERN)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = source.slice(Math.max(0, start - 6), start);
    const after = source.slice(end, end + 4);
    // part of a longer token (a code, a version, a document number), an ordinal or a range
    if (/[0-9A-Za-z._\-~～—至到第]$/.test(before)) continue;
    const chinese = m[3] !== undefined;
    const unit = chinese ? m[4] : m[2];
    if (unit === '分' && NOT_SCORE.test(after)) continue;
    let value: string;
    if (chinese) {
      const n = chineseCount(m[3]);
      if (n === null || /[零〇一二两三四五六七八九十百千万亿]$/.test(before)) continue;
      value = String(n);
    } else {
      value = m[1].replace(/,/g, '');
    }
    const kind = UNIT_KINDS[unit];
    found.push({
      kind,
      value,
      unit,
      wan: kind === 'amount' ? dec(value).times(TO_WAN[unit]) : null,
      start,
      end,
      approximate: APPROXIMATE_BEFORE.test(before) || APPROXIMATE_AFTER.test(after),
    });
  }
  return found;
}
