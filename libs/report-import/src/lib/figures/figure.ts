/**
 * A figure found in a report's text: an amount, a percentage, a count, a score, a date or a document
 * number, with its exact span. `value` is in the form the report schema stores (amounts as exact 万元
 * decimal strings, percentages without the sign "%", dates as YYYY-MM-DD); it is null when the text is
 * clearly a figure the schema cannot hold (e.g. 万元 with more than 4 decimals), and `problem` says why:
 * such a figure is reported, never rounded and never dropped.
 */
export type FigureKind = 'amount' | 'percent' | 'count' | 'score' | 'date' | 'docNumber';

export type FigureProblem =
  /** more decimals than the schema keeps (万元: 4; percent, score: 2) */
  | 'too_precise'
  /** more integer digits than the schema keeps (万元: 10) */
  | 'too_large'
  /** a negative amount (the schema's money is never negative) */
  | 'negative'
  /** a date that is not on the calendar (2024年2月30日) */
  | 'invalid_date'
  /** a score over 100 */
  | 'out_of_range';

export interface Figure {
  kind: FigureKind;
  value: string | null;
  problem?: FigureProblem;
  /** 万元 for amounts (after conversion), '%' for percentages, the count's unit (人, 个单位…), '分', '' otherwise */
  unit: string;
  /** for amounts: the unit as written (元, 万元, 亿元, 千元) */
  writtenUnit?: string;
  /** character offsets in the searched text, end exclusive */
  start: number;
  end: number;
  text: string;
}

/** The result of parsing one string that should hold exactly one figure. */
export type ParseResult =
  | { ok: true; value: string; unit: string; writtenUnit?: string }
  | { ok: false; problem: FigureProblem | 'not_a_figure' };
