import { FOOT_LABEL, TOTAL_LABEL, isLevelWord, labelKey, type CellType } from './vocabulary';

/** What a cell holds, judged from its text alone. */

const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

/** 「—」「/」: the form's "not applicable". */
export const isPlaceholder = (text: string) => /^[—–\-/]+$/.test(plain(text));
/** 「……」: a row the form leaves for more, with nothing in it. */
export const isEllipsis = (text: string) => /^(…+|\.{3,}|。{3,})$/.test(plain(text));

const NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
export const isNumber = (text: string) => NUMBER.test(plain(text));
export const isPercent = (text: string) => /^-?\d+(\.\d+)?%$/.test(plain(text));
/** A score or weight: 0–100, at most two decimals, 分 allowed after it. */
export function isScore(text: string): boolean {
  const m = /^(\d{1,3}(\.\d{1,2})?)分?$/.exec(plain(text));
  return !!m && Number(m[1]) <= 100;
}
/** A number cell of any kind: an amount, a percent, a score, or the form's dash. */
export const isValue = (text: string) =>
  isNumber(text) ||
  isPercent(text) ||
  isScore(text) ||
  isPlaceholder(text) ||
  /^\d+(\.\d+)?(万元|元|人)$/.test(plain(text));

/** 指标性质 as the sheet reader takes it. */
const SIGN = /^(=|≥|≤|>=|<=|定性|定量)$/;
export const isSign = (text: string) => SIGN.test(plain(text));

/** A cell that ends a table's rows rather than filling one: the 总分 row, the notes and foot below. */
export const isStop = (text: string) => TOTAL_LABEL.test(labelKey(text)) || FOOT_LABEL.test(plain(text));

/** What a 度量单位 cell holds: a measure word (个, 万元, 人次, %), or one per another (元/人). */
const MEASURES = new Set(
  (
    '% ‰ 百分比 元 万元 亿元 千元 人 人次 名 个 次 项 户 户次 家 天 日 周 月 年 小时 件 份 场 所 台 套 ' +
    '公里 千米 米 厘米 平方米 平方公里 立方米 亩 公顷 吨 千克 分 辆 批 篇 期 处 座 条 张 册 本 间 棵 株 头 只 个单位'
  ).split(' '),
);
export const isMeasure = (text: string) => text.split('/').every((part) => MEASURES.has(part)) && text.length <= 8;

/** Sentence punctuation: a label or a 三级指标 has none. */
const SENTENCE = /[。；;，,！？!?]/;

/** Whether a non-empty cell may stand under a column of `type`. */
export function fits(type: CellType, text: string): boolean {
  const t = plain(text);
  if (!t) return false;
  switch (type) {
    // no longer than the sheet reader takes them: one cell too long would refuse the whole table
    case 'level':
      return (
        t.length <= 100 &&
        !isLevelWord(t) &&
        !isValue(t) &&
        !isSign(t) &&
        !isStop(t) &&
        !SENTENCE.test(t) &&
        !isEllipsis(t)
      );
    case 'sign':
      return isSign(t);
    case 'value':
      return t.length <= 100 && !isLevelWord(t) && !isStop(t) && !isEllipsis(t);
    case 'unit':
      return isMeasure(t);
    case 'score':
      return isScore(t) || isPlaceholder(t);
    case 'money':
      return isNumber(t) || isPlaceholder(t) || /^\d+(\.\d+)?(万元|元)$/.test(t);
    case 'percent':
      return isPercent(t) || isNumber(t) || isPlaceholder(t);
    case 'count':
      return /^\d+人?$/.test(t) || isPlaceholder(t);
    case 'text':
      return t.length <= 1000 && !isValue(t) && !isLevelWord(t) && !isStop(t);
  }
}

/** A short cell that names something (a row's label) rather than saying it: no sentence in it. */
export const isLabelLike = (text: string) => {
  const t = plain(text);
  return t.length > 0 && t.length <= 30 && !SENTENCE.test(t) && !isValue(t);
};

/** 「2.项目实施内容及过程概述」: a numbered label of the form, which starts a block of its own. */
export const isNumberedLabel = (text: string) => /^\d{1,2}[.、．]\s*\S{2,30}$/.test(text.trim()) && isLabelLike(text);
