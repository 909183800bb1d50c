import { roundHalfUp } from '../money/decimal';
import { partsOf, type ReportKind, type ReportPart } from './parts';
import { SCHEMA_VERSIONS, type ConclusionPart, type GradeKey, type ReportContent, type ScoreTablePart } from './schema';
import { executionRate } from './scoring';
import { upcastPart } from './upcast';

/** What lists and dashboards show of a report without opening it. */
export interface ReportSummary {
  /** 总得分 as stated in the conclusion */
  totalScore: string | null;
  grade: GradeKey | null;
  /** 执行率 (%) computed from the 绩效自评表, half-up to 2 places */
  executionRate: string | null;
}

const MAX_STORED_RATE = 9_999_999.99;

/** The parts the summary is computed from (every kind has both): a write to any other part leaves it as it is. */
export const SUMMARY_PARTS = ['conclusion', 'scoreTable'] as const satisfies readonly ReportPart[];

export function summarizeReport(content: { conclusion: ConclusionPart; scoreTable: ScoreTablePart }): ReportSummary {
  const rate = executionRate(content.scoreTable);
  const rounded = rate === null ? null : roundHalfUp(rate, 2);
  return {
    totalScore: content.conclusion.totalScore,
    grade: content.conclusion.grade,
    executionRate: rounded === null || rounded.abs().greaterThan(MAX_STORED_RATE) ? null : rounded.toFixed(2),
  };
}

/**
 * The stored parts of a report, put back together (each part is stored and versioned on its own);
 * parts stored under an older schema version are brought to the current one.
 */
export function assembleContent(
  kind: ReportKind,
  parts: Partial<Record<ReportPart, unknown>>,
  schemaVersion: number,
): ReportContent {
  const missing = partsOf(kind).filter((p) => parts[p] === undefined);
  if (missing.length) throw new Error(`report content lacks parts: ${missing.join(', ')}`);
  const current = Object.fromEntries(partsOf(kind).map((p) => [p, upcastPart(kind, schemaVersion, p, parts[p])]));
  return { kind, schemaVersion: SCHEMA_VERSIONS[kind], ...current } as ReportContent;
}

/** The parts of a content, in its kind's order, to be stored one row each. */
export function splitContent(content: ReportContent): Array<{ part: ReportPart; content: unknown }> {
  const record = content as unknown as Record<ReportPart, unknown>;
  return partsOf(content.kind).map((part) => ({ part, content: record[part] }));
}
