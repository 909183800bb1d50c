import type { ReportContent } from '../schema';
import { assetChange, staffChange, type StructuredFigure } from './figures';
import { findNumbers, type ProseNumber } from './numbers';
import { CHANGE_SUBJECTS, TERMS, UNIT_NOUN, type Term, type TermSite } from './vocabulary';

/** A number of the prose that refers to a structured figure, with the span the message quotes. */
export interface ProseReference {
  number: ProseNumber;
  figure: StructuredFigure;
  /** the span from the words that name the figure to the number's unit */
  quoteStart: number;
  /** the end of the quoted span: the number's unit, or the noun after it (下设 3 个单位) */
  quoteEnd: number;
  /** the number's sign as the words give it: 减少 1.9% is −1.9 */
  signed: string;
}

const SENTENCE_END = /[。；;！!？?\n]/;
/** Between the words and the number: a few characters, no comma or enumeration (资产总额（账面净值）400.21 万元). */
const MAX_GAP = 12;
/** A comma ends the clause; a verb of change or comparison means the number is not the figure's level. */
const GAP_BREAK = /[，,、]|增加|增长|上升|提高|减少|下降|降低|超过|超出|低于|高于|不足/;
/** Units no figure is counted in. */
const NO_FIGURE_UNITS = new Set(['人次', '个百分点']);
const CHANGE = /(比|较|同比|与)([^。；，,]{0,14}?)(增加|增长|上升|提高|减少|下降|降低)了?\s*$/;
const DOWN = new Set(['减少', '下降', '降低']);

/** The term whose words end last in the lead (the longest at a tie), with where they start. */
function nearestTerm(lead: string, number: ProseNumber, after: string) {
  if (NO_FIGURE_UNITS.has(number.unit)) return null;
  let best: { term: Term; start: number; end: number } | null = null;
  for (const term of TERMS) {
    if (term.kind !== number.kind) continue;
    for (const word of term.words) {
      const start = lead.lastIndexOf(word);
      if (start < 0) continue;
      const end = start + word.length;
      if (!best || end > best.end || (end === best.end && start < best.start)) best = { term, start, end };
    }
  }
  if (!best) return null;
  const gap = lead.slice(best.end);
  if (gap.length > MAX_GAP || GAP_BREAK.test(gap)) return null;
  const site: TermSite = { before: lead.slice(0, best.start), window: lead, gap, after, number };
  if (best.term.fits && !best.term.fits(site)) return null;
  return { ...best, site };
}

/** Whether a 比上年/较上年/与2023年相比 names last year (another year's comparison is not checked). */
function namesLastYear(text: string, fiscalYear: number): boolean {
  const years = [...text.matchAll(/(\d{4})\s*年/g)].map((m) => Number(m[1]));
  if (years.length > 0) return years.every((y) => y === fiscalYear - 1);
  return /上年|去年|上一年|同期|同比|上年度/.test(text);
}

function changeFigure(c: ReportContent, topic: string, number: ProseNumber): StructuredFigure | null {
  if (c.kind !== 'department_overall') return null;
  const [family, key] = topic.split('.');
  if (family === 'assets' && (number.kind === 'percent' || number.kind === 'amount') && number.unit !== '个百分点')
    return assetChange(c, key as 'totalAssets' | 'totalLiabilities' | 'netAssets', number.kind);
  if (family === 'staffing' && number.unit === '人') return staffChange(c);
  return null;
}

/**
 * The numbers of a narrative text that refer to structured figures. A number refers to a figure
 * when the words naming it stand just before it in the same clause (净资产 400.21 万元), or, for a
 * 比上年增加/减少, when the sentence's figure so far is the subject (资产总额 400.21 万元，较上年减少 1.9%).
 */
export function referencesIn(text: string, c: ReportContent, fiscalYear: number): ProseReference[] {
  const numbers = findNumbers(text);
  const refs: ProseReference[] = [];
  let topic: { key: string; at: number } | null = null;
  let previousEnd = 0;
  for (const number of numbers) {
    const sentenceStart = lastSentenceEnd(text, number.start);
    const from = Math.max(previousEnd, sentenceStart);
    const lead = text.slice(from, number.start);
    const after = text.slice(number.end, number.end + 8);
    previousEnd = number.end;
    if (topic && topic.at < sentenceStart) topic = null;
    if (number.approximate) continue;

    const change = CHANGE.exec(lead);
    if (change) {
      if (!namesLastYear(change[2], fiscalYear) && !/同比/.test(change[0])) continue;
      const before = lead.slice(0, change.index);
      const subject = nearestSubject(before);
      const key = subject ?? topic?.key;
      const figure = key ? changeFigure(c, key, number) : null;
      if (figure) {
        const sign = DOWN.has(change[3]) ? '-' : '';
        refs.push({
          number,
          figure,
          quoteStart: from + change.index,
          quoteEnd: number.end,
          signed: `${sign}${number.value}`,
        });
      }
      continue;
    }

    const found = nearestTerm(lead, number, after);
    if (!found) continue;
    const figure = found.term.figure(c, found.site);
    if (!figure) continue;
    if (figure.topic) topic = { key: figure.topic, at: number.start };
    const noun = figure.family === 'orgUnits' ? (UNIT_NOUN.exec(after)?.[0].length ?? 0) : 0;
    refs.push({ number, figure, quoteStart: from + found.start, quoteEnd: number.end + noun, signed: number.value });
  }
  return refs;
}

function lastSentenceEnd(text: string, before: number): number {
  for (let i = before - 1; i >= 0; i--) if (SENTENCE_END.test(text[i])) return i + 1;
  return 0;
}

/** The subject named right before a 较上年 (净资产较上年减少 1.9%), if any. */
function nearestSubject(before: string): string | null {
  let best: { topic: string; end: number } | null = null;
  for (const s of CHANGE_SUBJECTS) {
    for (const word of s.words) {
      const at = before.lastIndexOf(word);
      if (at >= 0 && (!best || at + word.length > best.end)) best = { topic: s.topic, end: at + word.length };
    }
  }
  // the subject must be close: 净资产较上年, not a figure two clauses back
  return best && before.length - best.end <= 4 ? best.topic : null;
}
