import { dec, statedPercentAgrees, percentOf } from '@evalflow/domain';
import type { Token } from './tokens';
import { FIELD_LABELS, type CellType, type SectionId } from './vocabulary';

/**
 * Cells run together with nothing between them (「年度资金总额:202010100.00%10其中:本年财政拨款2020」):
 * the text between a section's header words is cut first at the words the section prints (its row labels,
 * 一级/二级指标, 总分), then each stretch of values is split into the cells its row expects — only where
 * exactly one split fits the cells' kinds (and, for the money row, the rule 执行率 = 执行数 ÷ 预算数).
 */

const NOTE = String.raw`(?:[(（][^()（）]{0,8}[)）])?`;
const alternation = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

const LEADS: Partial<Record<SectionId, RegExp>> = {
  funding: new RegExp(String.raw`(?:项目资金|资金情况|年度预算数?|预算执行情况|年度资金)${NOTE}$`),
  objectives: /(?:年度)?总体目标$/,
  indicators: new RegExp(String.raw`绩效指标${NOTE}$`),
};
const FIELD = new RegExp(`(?:${alternation(FIELD_LABELS)})${NOTE}`, 'g');
const FUNDING_ROW =
  /(?:其中[:：]?)?(?:年度资金总额|资金总额|(?:本年|当年)?财政拨款|财政资金|上年结转(?:资金)?|其他资金|财政专户管理资金|单位资金)[:：]?/g;
const LEVEL_WORDS = [
  '服务对象满意度指标',
  '生态环境成本指标',
  '可持续影响指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '经济成本指标',
  '社会成本指标',
  '满意度指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '成本指标',
  '产出指标',
  '效益指标',
];
const LEVEL = new RegExp(
  String.raw`(?:${alternation(LEVEL_WORDS)})(?:[(（]\d{1,3}(?:\.\d{1,2})?分[)）])?|…+|\.{3,}`,
  'g',
);
const TOTAL = /(?:总分|合计|总计)(?=\s*\d)/;

/** Cuts a piece at every match of `pattern`: the matches become tokens of their own, the rest stays pieces. */
function cut(token: Token, pattern: RegExp): Token[] {
  const out: Token[] = [];
  let from = 0;
  const text = token.text;
  const add = (s: number, e: number, piece: boolean) => {
    const raw = text.slice(s, e);
    const t = raw.trim();
    if (!t) return;
    const at = token.start + s + raw.indexOf(t);
    out.push({ ...token, text: t, start: at, end: at + t.length, piece });
  };
  const re = new RegExp(pattern.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!m[0]) {
      re.lastIndex++;
      continue;
    }
    add(from, m.index, true);
    add(m.index, m.index + m[0].length, false);
    from = m.index + m[0].length;
  }
  add(from, text.length, true);
  return out;
}

/** A piece's lead into the section whose header follows it (资金情况（万元）, 绩效指标, 年度总体目标). */
function cutLead(token: Token, next: SectionId | undefined): Token[] {
  const lead = next ? LEADS[next] : undefined;
  const m = lead?.exec(token.text);
  if (!m) return [token];
  const before = token.text.slice(0, m.index);
  const head = before.trim() ? [{ ...token, text: before.trim(), end: token.start + before.trimEnd().length }] : [];
  const at = token.start + m.index;
  return [...head, { ...token, text: m[0], start: at, end: at + m[0].length, piece: false }];
}

function cutRegion(token: Token, after: SectionId | undefined): Token[] {
  if (after === undefined) return cut(token, FIELD);
  if (after === 'funding') return cut(token, FUNDING_ROW);
  if (after !== 'indicators') return [token];
  const total = TOTAL.exec(token.text);
  if (!total) return cut(token, LEVEL);
  // the rows, then 总分 and its numbers; what follows (the notes under the table) stays one piece
  const end = total.index + total[0].length;
  const numbers = /^\s*[\d.]+/.exec(token.text.slice(end))?.[0] ?? '';
  const part = (s: number, e: number, piece: boolean): Token[] => {
    const raw = token.text.slice(s, e);
    const t = raw.trim();
    if (!t) return [];
    const at = token.start + s + raw.indexOf(t);
    return [{ ...token, text: t, start: at, end: at + t.length, piece }];
  };
  return [
    ...part(0, total.index, true).flatMap((t) => cut(t, LEVEL)),
    ...part(total.index, end, false),
    ...part(end, end + numbers.length, true),
    ...part(end + numbers.length, token.text.length, true),
  ];
}

/**
 * The pieces of run-together lines cut at the words of the sections around them. `sectionOf` gives the
 * section of a header word token (undefined for other tokens).
 */
export function refineJoined(tokens: Token[], sectionOf: (t: Token) => SectionId | undefined): Token[] {
  const out: Token[] = [];
  tokens.forEach((token, i) => {
    if (!token.piece) {
      out.push(token);
      return;
    }
    const sameLine = (t: Token | undefined) => (t && t.line === token.line ? t : undefined);
    const before = sameLine(tokens[i - 1]);
    const after = sameLine(tokens[i + 1]);
    const prev = before ? sectionOf(before) : undefined;
    const next = after ? sectionOf(after) : undefined;
    for (const t of cutLead(token, next)) out.push(...(t.piece ? cutRegion(t, prev) : [t]));
  });
  return out;
}

// ——— splitting a stretch of values into the cells a row expects ———

/** Where a cell of `type` starting at `at` in `text` may end (exclusive), shortest first. */
function ends(type: CellType, text: string, at: number): number[] {
  const rest = text.slice(at);
  const out: number[] = [];
  const number = /^(0|[1-9]\d*)(\.\d+)?/;
  switch (type) {
    case 'score': {
      const m = /^(0|[1-9]\d{0,2})(\.\d{1,2})?/.exec(rest);
      if (!m) return [];
      // every shorter reading too: 100100 may be 100 and 100
      for (let n = 1; n <= m[0].length; n++) {
        const s = rest.slice(0, n);
        if (/^(0|[1-9]\d{0,2})(\.\d{1,2})?$/.test(s) && Number(s) <= 100) out.push(at + n);
      }
      return out;
    }
    case 'money': {
      // an amount has at most 10 integer digits and 4 decimals
      const m = number.exec(rest);
      if (!m) return [];
      for (let n = 1; n <= Math.min(m[0].length, 15); n++)
        if (/^(0|[1-9]\d{0,9})(\.\d{1,4})?$/.test(rest.slice(0, n))) out.push(at + n);
      return out;
    }
    case 'percent': {
      const m = /^(0|[1-9]\d{0,5})(\.\d{1,2})?%/.exec(rest);
      return m ? [at + m[0].length] : [];
    }
    case 'value': {
      // a sign, a number and its unit (≥266米), or words (显著提升)
      const signed = /^(≥|≤|>=|<=|=|＝|>|<)?/.exec(rest)?.[0] ?? '';
      const m = number.exec(rest.slice(signed.length));
      if (m) {
        for (let n = 1; n <= Math.min(m[0].length, 15); n++) {
          const digits = rest.slice(signed.length, signed.length + n);
          if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(digits)) continue;
          const after = signed.length + n;
          const unit = /^[^\d≥≤=<>＝.]{0,6}/.exec(rest.slice(after))?.[0] ?? '';
          for (let u = 0; u <= unit.length; u++) out.push(at + after + u);
        }
        return out;
      }
      if (signed) return [];
      const words = /^[^\d≥≤=<>＝%.]+/.exec(rest)?.[0] ?? '';
      for (let n = 1; n <= words.length; n++) out.push(at + n);
      return out;
    }
    case 'level': {
      // a 三级指标 is words: no digit, no sign, no sentence punctuation
      const words = /^[^\d≥≤=<>＝%。；;，,]+/.exec(rest)?.[0] ?? '';
      for (let n = 2; n <= words.length; n++) if (/[\u4e00-\u9fff]/.test(rest[0])) out.push(at + n);
      return out;
    }
    case 'sign': {
      const m = /^(≥|≤|>=|<=|=|＝)/.exec(rest);
      return m ? [at + m[0].length] : [];
    }
    case 'unit': {
      const m = /^[^\d≥≤=<>＝]{1,6}/.exec(rest);
      if (!m) return [];
      for (let n = 1; n <= m[0].length; n++) out.push(at + n);
      return out;
    }
    case 'count': {
      const m = /^[1-9]\d*|^0/.exec(rest);
      return m ? [at + m[0].length] : [];
    }
    case 'text': {
      const m = /^[^\d]+/.exec(rest);
      if (!m) return [];
      for (let n = 1; n <= m[0].length; n++) out.push(at + n);
      return out;
    }
  }
}

/** A split: each cell's characters in the text, in the order of the types given. */
export type Split = Array<[number, number]>;

const MAX_SPLITS = 256;
/** steps a search may take before it gives up: cells run together that long are left unread */
const MAX_STEPS = 50_000;

/** Every way `text` reads as cells of `types` in order (null when there are too many to weigh). */
export function splits(text: string, types: CellType[], accept: (s: Split) => boolean = () => true): Split[] | null {
  const found: Split[] = [];
  let overflow = false;
  let steps = 0;
  const walk = (at: number, k: number, acc: Split) => {
    if (overflow || ++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (k === types.length) {
      if (at === text.length && accept(acc)) {
        found.push([...acc]);
        if (found.length > MAX_SPLITS) overflow = true;
      }
      return;
    }
    for (const end of ends(types[k], text, at)) {
      acc.push([at, end]);
      walk(end, k + 1, acc);
      acc.pop();
    }
  };
  walk(0, 0, []);
  return overflow ? null : found;
}

/** The rows a piece of run-together indicator rows holds (each a split of the row's types), or null. */
export function rowSplits(
  text: string,
  types: CellType[],
  accept: (row: Split) => boolean = () => true,
): Split[][] | null {
  const found: Split[][] = [];
  let overflow = false;
  let steps = 0;
  const walk = (at: number, acc: Split[]) => {
    if (overflow || ++steps > MAX_STEPS) {
      overflow = true;
      return;
    }
    if (at === text.length) {
      found.push(acc.map((r) => [...r]));
      if (found.length > MAX_SPLITS) overflow = true;
      return;
    }
    const row: Split = [];
    const cells = (pos: number, k: number) => {
      if (overflow || ++steps > MAX_STEPS) {
        overflow = true;
        return;
      }
      if (k === types.length) {
        if (!accept(row)) return;
        acc.push([...row]);
        walk(pos, acc);
        acc.pop();
        return;
      }
      for (const end of ends(types[k], text, pos)) {
        row.push([pos, end]);
        cells(end, k + 1);
        row.pop();
      }
    };
    cells(at, 0);
  };
  walk(0, []);
  return overflow ? null : found;
}

/** 执行率 agrees with 执行数 ÷ 预算数 (to the decimals it is written with), when both are there. */
export function rateAgrees(budget: string, executed: string, rate: string): boolean {
  const exact = percentOf(executed, budget);
  return exact === null ? dec(rate.replace('%', '')).isZero() : statedPercentAgrees(rate.replace('%', ''), exact);
}

/** The money row's 得分 as the form scores it: 执行率 × 分值, no more than the 分值. */
export function fundingScoreAgrees(weight: string, rate: string, score: string): boolean {
  const earned = dec(weight).times(rate.replace('%', '')).div(100);
  const capped = earned.greaterThan(weight) ? dec(weight) : earned;
  return statedPercentAgrees(score, capped);
}
