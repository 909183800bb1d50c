import { parseAmount, parseDocNumber, parsePercent } from '../figures';
import { cleanText } from './text';

/**
 * Figures the schema has as fields, read from sentences that state them plainly. Each reader takes a
 * paragraph's text and returns values with their offsets in it; a sentence it does not recognise gives
 * nothing (an empty field beats a wrong one).
 */
export interface Found<T = string> {
  value: T;
  start: number;
  end: number;
}

const NUM = String.raw`\d+(?:\.\d+)?`;

function figure(text: string, re: RegExp, group = 1): Found | null {
  const m = re.exec(text);
  if (!m || m[group] === undefined) return null;
  const start = m.index + m[0].indexOf(m[group]);
  return { value: m[group], start, end: start + m[group].length };
}

const wan = (f: Found | null): Found | null => {
  if (!f) return null;
  const p = parseAmount(`${f.value}万元`);
  return p.ok ? { ...f, value: p.value } : null;
};

/** 「资产总额（账面净值）400.21万元，较上年减少1.9%」: the amount, its basis and the signed change. */
export function readAssetSentence(text: string, label: '资产总额' | '负债总额' | '净资产') {
  const re = new RegExp(
    String.raw`${label}(?:（([^）]{1,15})）)?\s*(${NUM})\s*万元\s*[,，]?\s*(?:较上年(减少|下降|增加|增长)\s*(${NUM})\s*%)?`,
  );
  const m = re.exec(text);
  if (!m) return null;
  const at = (g: number) => {
    const start = m.index + m[0].indexOf(m[g], label.length);
    return { start, end: start + m[g].length };
  };
  const amount = wan({ value: m[2], ...at(2) });
  let yoy: Found | null = null;
  if (m[4] !== undefined) {
    const sign = /减少|下降/.test(m[3]) && Number(m[4]) !== 0 ? '-' : '';
    const p = parsePercent(`${sign}${m[4]}%`);
    if (p.ok) yoy = { value: p.value, ...at(4) };
  }
  return { amount, basis: m[1] ?? null, yoy };
}

/** 「实有行政人员4人」 and 「与2023年相比较减少1人」: the category's headcount and last year's, computed. */
export function readStaffSentence(text: string) {
  const actual = /实有(行政|事业|工勤|在编|在职)?人员\s*(\d+)\s*人/.exec(text);
  if (!actual) return null;
  const count = Number(actual[2]);
  const start = actual.index + actual[0].lastIndexOf(actual[2]);
  const change = /相比较?(减少|增加)\s*(\d+)\s*人|(持平|无变化)/.exec(text);
  let previous: number | null = null;
  if (change)
    previous = change[3] ? count : change[1] === '减少' ? count + Number(change[2]) : count - Number(change[2]);
  const asOf = /截至\s*(\d{4})\s*年\s*年底/.exec(text);
  return {
    category: actual[1] ? `${actual[1]}人员` : null,
    actual: { value: count, start, end: start + actual[2].length },
    previous: previous !== null && previous >= 0 ? previous : null,
    asOf: asOf ? `${asOf[1]}年年底` : null,
  };
}

/** A label as a PDF's text may print it: a line break left as a space between any two of its characters. */
const spaced = (word: string) => [...word].join(String.raw`\s*`);

/** labels of the staff a department is allowed (编制) and of those it has at the year's end */
const AUTHORIZED = ['实有编制数', '核定编制数', '核定编制', '核定人数', '编制人数', '编制数'];
const ACTUAL = ['年末在职人数', '在职人数', '实有人数', '在职人员'];

function headcount(text: string, labels: string[]): Found<number> | null {
  const re = new RegExp(String.raw`(?:${labels.map(spaced).join('|')})\s*(?:为|是|[:：])?\s*(\d+)\s*[人名]`);
  const m = re.exec(text);
  if (!m) return null;
  const start = m.index + m[0].lastIndexOf(m[1]);
  return { value: Number(m[1]), start, end: start + m[1].length };
}

/**
 * 「实有编制数 63 人,2021 年末在职人数 57 人」, 「核定人数96人、年末在职人数86人」: the 编制数 and the 实有人数 of one
 * category the sentence does not name. Both must be stated, so that a lone count said of something else is not taken.
 */
export function readHeadcountSentence(text: string) {
  const authorized = headcount(text, AUTHORIZED);
  const actual = headcount(text, ACTUAL);
  return authorized && actual ? { authorized, actual } : null;
}

export const yearEnd = (text: string) => {
  const m = /截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : null;
};

export const projectBudget = (text: string) =>
  wan(figure(text, new RegExp(String.raw`年初项目预算\s*(${NUM})\s*万元`)));
export const projectSpent = (text: string) => wan(figure(text, new RegExp(String.raw`当年项目支出\s*(${NUM})\s*万元`)));

/**
 * 「其中上解市总工会经费47万元，…，关于…的通知（冀财行【2023】98号）10.336万元」: the project lines a
 * sentence lists after 其中, each 「name amount万元」, a funding document number in brackets before it.
 */
export function readLineList(text: string) {
  const at = text.indexOf('其中');
  if (at === -1) return [];
  const lines: Array<{ name: string; amount: string; documentNumber: string; start: number; end: number }> = [];
  const re = new RegExp(String.raw`([^，,。；]+?)\s*(?:（([^）]+号)）)?\s*(${NUM})\s*万元`, 'gy');
  re.lastIndex = at + 2;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const name = cleanText(m[1]);
    if (/^当年|合计|支出$/.test(name)) break;
    const doc = m[2] ? parseDocNumber(cleanText(m[2])) : null;
    const amount = parseAmount(`${m[3]}万元`);
    if (!amount.ok || (doc && !doc.ok)) return [];
    lines.push({
      name,
      amount: amount.value,
      documentNumber: doc?.ok ? cleanText(m[2]).replace(/\s+/g, '') : '',
      start: m.index,
      end: re.lastIndex,
    });
    const sep = /^\s*[，,]\s*/.exec(text.slice(re.lastIndex));
    if (!sep) break;
    re.lastIndex += sep[0].length;
  }
  return lines;
}

export const GRADES: Record<string, 'excellent' | 'good' | 'fair' | 'poor'> = {
  优秀: 'excellent',
  优: 'excellent',
  良好: 'good',
  良: 'good',
  中: 'fair',
  合格: 'fair',
  一般: 'fair',
  差: 'poor',
  较差: 'poor',
  不合格: 'poor',
};

/** 「根据…，总得分95分，等级为优秀。」: the basis before the score, the score, the grade. */
export function readConclusion(text: string) {
  const score = figure(text, new RegExp(String.raw`总得分\s*[为是：:]?\s*(${NUM})\s*分`));
  const grade = /等级\s*[为是：:]\s*(优秀|良好|较差|不合格|合格|一般|优|良|中|差)/.exec(text);
  const basisEnd = text.search(/[，,]\s*总得分/);
  return {
    score: score && Number(score.value) <= 100 ? score : null,
    grade: grade ? GRADES[grade[1]] : null,
    basis: basisEnd > 0 ? cleanText(text.slice(0, basisEnd)) : null,
  };
}

/** 「…。总体完成率100%。」 at a result item's end: the rate and the text without it. */
export function readCompletion(text: string) {
  const m = new RegExp(String.raw`总体完成率\s*[为是：:]?\s*(${NUM})\s*%\s*[。；;]?\s*$`).exec(text);
  if (!m) return { text, rate: null };
  const p = parsePercent(`${m[1]}%`);
  return {
    text: text.slice(0, m.index).trim(),
    rate: p.ok ? { value: p.value, start: m.index, end: m.index + m[0].length } : null,
  };
}

/** 「贯彻落实县委、县政府《全面落实预算绩效管理的实施意见》（[2019]77）…遵循“科学性…”的原则」 */
export function readPolicySentence(text: string) {
  const m = /贯彻(?:落实)?([^《》，。]{2,40}?)《([^》]{2,100})》(?:（([^）]{1,40})）)?/.exec(text);
  const p = /遵循\s*[“"]([^”"]{2,100})[”"]\s*的?原则/.exec(text);
  return {
    issuer: m ? cleanText(m[1]) : null,
    title: m ? cleanText(m[2]) : null,
    number: m?.[3] ? cleanText(m[3]) : null,
    principles: p ? cleanText(p[1]) : null,
  };
}

/** A paragraph that numbers its items inline (「…；2.保证…；3.劳模…」): split where 2., 3., … follow a 。 or ；. */
export function splitInlineList(text: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let n = 2; ; n++) {
    const m = new RegExp(String.raw`(?<=[。；;])\s*${n}\s*[.．、]`).exec(rest);
    if (!m) break;
    parts.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(rest);
  return parts;
}

/**
 * 「…项目绩效目标为做好…用水的工作。」: a project report's 年度总体目标 said in one sentence (为, 是 or a colon after
 * 绩效目标), up to the sentence's end. A heading (「一、绩效目标分解下达情况」) says no target and is not taken.
 */
export function readProjectGoal(text: string): Found | null {
  const m = /(?:年度)?(?:总体)?绩效目标\s*(?:为|是|[:：])\s*([^。；;]{4,500})[。；;]?/.exec(text);
  if (!m) return null;
  const value = cleanText(m[1]);
  const start = m.index + m[0].indexOf(m[1]);
  return value ? { value, start, end: start + m[1].length } : null;
}
