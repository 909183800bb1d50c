import { dec, roundHalfUp, SCORE_PATTERN, type Dec } from '../money/decimal';
import type { RescoringRule } from '../template/definition';
import type { Role } from '../tenancy/roles';
import type { ReportStatus } from './parts';
import { bandFor, type GradeBand } from './grades';
import type { GradeKey, ScoreTablePart } from './schema';

/**
 * 财政复核评分: the finance bureau scores each row of the 绩效自评表 (the 预算执行率 row and every indicator)
 * beside the department's own score, which is never changed. The final score follows the template's rule:
 *
 * - replace: a row's re-score replaces its self-score where given; final = Σ (re-score ?? self-score).
 * - weighted: final = w × Σ (re-score ?? self-score) + (1 − w) × Σ self-score, w an exact decimal in (0, 1].
 *
 * Rounding: every sum is exact (scores have at most 2 places); only a weighted product has more, so each
 * weighted final — of a row and of the total — is rounded once, half-up to 2 places. The total is computed
 * from the exact sums, not from the rounded rows, so the rows' finals may differ from it by a cent.
 * Differences are self − re-score (positive: the department scored itself higher).
 */

/** Re-score rows are keyed by their path in the score table: the 执行率 row, or an indicator by position. */
export const FUNDING_ROW = 'funding';
export const indicatorRow = (index: number) => `indicators.${index}`;
export const MAX_RESCORE_NOTE = 500;

export const DEFAULT_RESCORING: RescoringRule = { mode: 'replace', weight: null };

/** The rule a template version re-scores by; versions frozen before the setting existed replace. */
export function rescoringRuleOf(definition: { rescoring?: RescoringRule | null }): RescoringRule {
  return definition.rescoring ?? DEFAULT_RESCORING;
}

/** Where the finance bureau may re-score: once submitted, until it decides (content is frozen meanwhile). */
export const RESCORABLE_STATUSES: readonly ReportStatus[] = ['submitted', 'in_review'];

/**
 * Who sees the re-scores: the finance bureau always; the department only once its report is approved (before,
 * its answer is that of a report nobody re-scored). A reopened report is no longer approved: hidden again.
 */
export function rescoresVisible(roles: readonly Role[], status: ReportStatus): boolean {
  if (roles.includes('finance_reviewer') || roles.includes('finance_approver')) return true;
  return status === 'approved';
}

/** One stored re-score: the row it scores (with the row's 三级指标 as it was, so a changed row is not matched). */
export interface RescoreEntry {
  row: string;
  /** the row's level3 when re-scored ('' for the 执行率 row) */
  level3: string;
  /** null: only a note */
  score: string | null;
  note: string;
}

export interface RescoreInputEntry {
  row: string;
  score: string | null;
  note?: string;
}

export type RescoreProblemCode = 'RESCORE_ROW_UNKNOWN' | 'RESCORE_SCORE_INVALID' | 'RESCORE_ABOVE_WEIGHT';

export interface RescoreProblem {
  code: RescoreProblemCode;
  row: string;
  /** names the row, in Chinese */
  message: string;
}

export type RescoreCheck = { ok: true; entries: RescoreEntry[] } | { ok: false; problems: RescoreProblem[] };

interface TableRow {
  row: string;
  label: string;
  level1: string;
  level2: string;
  level3: string;
  weight: string | null;
  score: string | null;
}

function rowsOf(table: ScoreTablePart): TableRow[] {
  return [
    {
      row: FUNDING_ROW,
      label: '预算执行率',
      level1: '',
      level2: '',
      level3: '',
      weight: table.funding.weight,
      score: table.funding.score,
    },
    ...table.indicators.map((ind, i) => ({
      row: indicatorRow(i),
      label: ind.level3.trim() ? `第 ${i + 1} 项指标「${ind.level3.trim()}」` : `第 ${i + 1} 项指标`,
      level1: ind.level1,
      level2: ind.level2,
      level3: ind.level3,
      weight: ind.weight,
      score: ind.score,
    })),
  ];
}

/** What is wrong with a row's re-score (null: nothing): a decimal string of 0 to the row's 分值, at most 2 places. */
export function rescoreScoreProblem(
  row: { row: string; label: string; weight: string | null },
  score: unknown,
): RescoreProblem | null {
  if (score === null) return null;
  if (typeof score !== 'string' || !SCORE_PATTERN.test(score)) {
    return {
      code: 'RESCORE_SCORE_INVALID',
      row: row.row,
      message: `${row.label}的复核得分应为不小于 0 的数，最多 2 位小数`,
    };
  }
  if (row.weight === null) {
    return { code: 'RESCORE_SCORE_INVALID', row: row.row, message: `${row.label}没有分值，不能复核评分` };
  }
  if (dec(score).greaterThan(row.weight)) {
    return {
      code: 'RESCORE_ABOVE_WEIGHT',
      row: row.row,
      message: `${row.label}的复核得分 ${score} 超过分值 ${row.weight}`,
    };
  }
  return null;
}

/**
 * The re-scores a reviewer sends, checked against the table: each row known and named once, each score a
 * number of 0 to the row's 分值 with at most 2 decimals. Entries with neither score nor note are dropped.
 */
export function checkRescores(table: ScoreTablePart, input: RescoreInputEntry[]): RescoreCheck {
  const rows = new Map(rowsOf(table).map((r) => [r.row, r]));
  const problems: RescoreProblem[] = [];
  const seen = new Set<string>();
  const entries: RescoreEntry[] = [];
  for (const e of input) {
    const row = rows.get(e.row);
    if (!row) {
      problems.push({ code: 'RESCORE_ROW_UNKNOWN', row: e.row, message: `自评表中没有「${e.row}」这一行` });
      continue;
    }
    if (seen.has(e.row)) {
      problems.push({ code: 'RESCORE_ROW_UNKNOWN', row: e.row, message: `${row.label}重复给出` });
      continue;
    }
    seen.add(e.row);
    const note = (e.note ?? '').trim();
    const problem = rescoreScoreProblem({ row: e.row, label: row.label, weight: row.weight }, e.score);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (e.score === null && !note) continue;
    entries.push({ row: e.row, level3: row.level3, score: e.score, note });
  }
  return problems.length ? { ok: false, problems } : { ok: true, entries };
}

export interface RescoreRowResult {
  row: string;
  label: string;
  level1: string;
  level2: string;
  level3: string;
  weight: string | null;
  selfScore: string | null;
  reScore: string | null;
  note: string;
  /** the score that counts, by the rule (2 places) */
  final: string | null;
  /** self − re-score; null where not re-scored */
  difference: string | null;
}

export interface RescoreTotals {
  weight: string;
  self: string;
  /** Σ (re-score ?? self-score); null while no row is re-scored */
  reScore: string | null;
  final: string;
  /** self − re-score; null while no row is re-scored */
  difference: string | null;
  finalGrade: GradeKey;
  finalGradeLabel: string;
}

export interface RescoreSheet {
  rows: RescoreRowResult[];
  totals: RescoreTotals;
  /** stored entries that no longer match a row (the row was changed or removed after a return) */
  outdated: number;
}

const two = (v: Dec) => roundHalfUp(v, 2).toFixed(2);

/** The final score of one row or of the total: by the rule, from the effective score (re-score ?? self) and the self-score. */
export function finalScore(rule: RescoringRule, effective: Dec, self: Dec): Dec {
  if (rule.mode === 'replace' || rule.weight === null) return effective;
  const w = dec(rule.weight);
  return roundHalfUp(w.times(effective).plus(dec(1).minus(w).times(self)), 2);
}

/** A row's final score and difference from its self-score and re-score (what the editor shows as one types). */
export function rowOutcome(
  rule: RescoringRule,
  selfScore: string | null,
  reScore: string | null,
): Pick<RescoreRowResult, 'final' | 'difference'> {
  const own = dec(selfScore ?? 0);
  return {
    final:
      selfScore === null && reScore === null ? null : two(finalScore(rule, reScore === null ? own : dec(reScore), own)),
    difference: reScore === null ? null : two(own.minus(reScore)),
  };
}

/** The totals of rows as they stand, the final score by the rule and its grade by the bands. */
export function rescoreTotals(
  rows: ReadonlyArray<Pick<RescoreRowResult, 'weight' | 'selfScore' | 'reScore'>>,
  rule: RescoringRule,
  bands: GradeBand[],
): RescoreTotals {
  let self = dec(0);
  let effective = dec(0);
  let weight = dec(0);
  let rescored = false;
  for (const r of rows) {
    const own = dec(r.selfScore ?? 0);
    self = self.plus(own);
    effective = effective.plus(r.reScore === null ? own : r.reScore);
    weight = weight.plus(r.weight ?? 0);
    if (r.reScore !== null) rescored = true;
  }
  const final = finalScore(rule, effective, self);
  const band = bandFor(final.toString(), bands);
  return {
    weight: two(weight),
    self: two(self),
    reScore: rescored ? two(effective) : null,
    final: two(final),
    difference: rescored ? two(self.minus(effective)) : null,
    finalGrade: band.grade,
    finalGradeLabel: band.label,
  };
}

/** The self-scores beside the re-scores, each row's final score and difference, and the totals graded by the bands. */
export function rescoreSheet(
  table: ScoreTablePart,
  entries: RescoreEntry[],
  rule: RescoringRule,
  bands: GradeBand[],
): RescoreSheet {
  const byRow = new Map(entries.map((e) => [e.row, e]));
  let matched = 0;
  const rows = rowsOf(table).map((r): RescoreRowResult => {
    const stored = byRow.get(r.row);
    // a row changed since it was re-scored (another indicator now, or a lower 分值) is not matched
    const entry =
      stored &&
      stored.level3 === r.level3 &&
      (stored.score === null || (r.weight !== null && dec(stored.score).lessThanOrEqualTo(r.weight)))
        ? stored
        : undefined;
    if (entry) matched++;
    const reScore = entry?.score ?? null;
    return {
      row: r.row,
      label: r.label,
      level1: r.level1,
      level2: r.level2,
      level3: r.level3,
      weight: r.weight,
      selfScore: r.score,
      reScore,
      note: entry?.note ?? '',
      ...rowOutcome(rule, r.score, reScore),
    };
  });
  return { rows, totals: rescoreTotals(rows, rule, bands), outdated: entries.length - matched };
}
