import { AMOUNT_UNIT_SOURCE, NUMBER_SOURCE, amountUnitOf, toWan } from './amount';
import { COUNT_UNIT_SOURCE, INTEGER_SOURCE, toCount, toScore } from './counts';
import { DATE_SOURCES, toDate } from './dates';
import { DOC_NUMBER_SOURCE, issuerOf, toDocNumber } from './doc-numbers';
import type { Figure, FigureKind, ParseResult } from './figure';
import { normalizeWidth } from './normalize';
import { CHINESE_PERCENT_SOURCE, chinesePercent, toPercent } from './percent';

/** Not inside another number, nor an ordinal (第3名). */
const NUMBER_START = String.raw`(?<![\d.,])(?<!第\s*)`;

interface Matcher {
  kind: FigureKind;
  pattern: RegExp;
  /** the parse of a match, and how many characters at its start are not part of the figure */
  read(match: RegExpExecArray): { result: ParseResult; skip?: number };
}

/** In priority order: where two matches overlap, the earlier matcher wins (a date's digits are no count). */
const MATCHERS: Matcher[] = [
  {
    kind: 'docNumber',
    pattern: new RegExp(DOC_NUMBER_SOURCE, 'g'),
    read: (m) => {
      const issuer = issuerOf(m[1]);
      return { result: toDocNumber(issuer, m[2], m[3]), skip: m[1].length - issuer.length };
    },
  },
  { kind: 'date', pattern: new RegExp(DATE_SOURCES[0], 'g'), read: (m) => ({ result: toDate(m[1], m[2], m[3]) }) },
  { kind: 'date', pattern: new RegExp(DATE_SOURCES[1], 'g'), read: (m) => ({ result: toDate(m[1], m[3], m[4]) }) },
  {
    kind: 'amount',
    pattern: new RegExp(String.raw`${NUMBER_START}(-\s?)?(${NUMBER_SOURCE})\s*(${AMOUNT_UNIT_SOURCE})`, 'g'),
    read: (m) => ({ result: toWan(`${m[1] ? '-' : ''}${m[2]}`, amountUnitOf(m[3])) }),
  },
  {
    kind: 'percent',
    pattern: new RegExp(String.raw`${NUMBER_START}(-)?(${NUMBER_SOURCE})\s*%`, 'g'),
    read: (m) => ({ result: toPercent(`${m[1] ?? ''}${m[2]}`) }),
  },
  {
    kind: 'percent',
    pattern: new RegExp(CHINESE_PERCENT_SOURCE, 'g'),
    read: (m) => ({ result: chinesePercent(m[1], m[2]) }),
  },
  {
    kind: 'score',
    pattern: new RegExp(String.raw`${NUMBER_START}(${NUMBER_SOURCE})\s*分(?![钟之别期类])`, 'g'),
    read: (m) => ({ result: toScore(m[1]) }),
  },
  {
    kind: 'count',
    pattern: new RegExp(String.raw`${NUMBER_START}(${INTEGER_SOURCE})(?![\d.,])\s*(${COUNT_UNIT_SOURCE})`, 'g'),
    read: (m) => ({ result: toCount(m[1], m[2]) }),
  },
];

/**
 * Every figure in a text, in order, each with its exact span in `text` (offsets are the same in the
 * original and in its width-normalised form). Figures the schema cannot hold are kept with value null.
 */
export function findFigures(text: string): Figure[] {
  const normalized = normalizeWidth(text);
  const taken: Figure[] = [];
  for (const matcher of MATCHERS) {
    matcher.pattern.lastIndex = 0;
    for (let m = matcher.pattern.exec(normalized); m !== null; m = matcher.pattern.exec(normalized)) {
      const { result, skip = 0 } = matcher.read(m);
      if (!result.ok && result.problem === 'not_a_figure') continue;
      const start = m.index + skip;
      const end = m.index + m[0].length;
      if (taken.some((f) => f.start < end && start < f.end)) continue;
      taken.push(toFigure(matcher.kind, result, start, end, text));
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

function toFigure(kind: FigureKind, result: ParseResult, start: number, end: number, text: string): Figure {
  const span = { start, end, text: text.slice(start, end) };
  if (result.ok) {
    return {
      kind,
      value: result.value,
      unit: result.unit,
      ...(result.writtenUnit ? { writtenUnit: result.writtenUnit } : {}),
      ...span,
    };
  }
  return {
    kind,
    value: null,
    problem: result.problem as Exclude<typeof result.problem, 'not_a_figure'>,
    unit: '',
    ...span,
  };
}
