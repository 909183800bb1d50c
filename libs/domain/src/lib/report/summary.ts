import { roundHalfUp } from '../money/decimal';
import { REPORT_PARTS, type ReportPart } from './parts';
import { REPORT_SCHEMA_VERSION, type GradeKey, type ReportContent } from './schema';
import { executionRate } from './scoring';

/** What lists and dashboards show of a report without opening it. */
export interface ReportSummary {
  /** 总得分 as stated in 四、评价结论 */
  totalScore: string | null;
  grade: GradeKey | null;
  /** 执行率 (%) computed from the 绩效自评表, half-up to 2 places */
  executionRate: string | null;
}

const MAX_STORED_RATE = 9_999_999.99;

/** The parts the summary is computed from: a write to any other part leaves it as it is. */
export const SUMMARY_PARTS = ['conclusion', 'scoreTable'] as const satisfies readonly ReportPart[];

export function summarizeReport(content: Pick<ReportContent, (typeof SUMMARY_PARTS)[number]>): ReportSummary {
  const rate = executionRate(content.scoreTable);
  const rounded = rate === null ? null : roundHalfUp(rate, 2);
  return {
    totalScore: content.conclusion.totalScore,
    grade: content.conclusion.grade,
    executionRate: rounded === null || rounded.abs().greaterThan(MAX_STORED_RATE) ? null : rounded.toFixed(2),
  };
}

/** The stored parts of a report, put back together (each part is stored and versioned on its own). */
export function assembleContent(parts: Partial<Record<ReportPart, unknown>>, schemaVersion: number): ReportContent {
  const missing = REPORT_PARTS.filter((p) => parts[p] === undefined);
  if (missing.length) throw new Error(`report content lacks parts: ${missing.join(', ')}`);
  if (schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new Error(`report schema version ${schemaVersion} has no upgrade to ${REPORT_SCHEMA_VERSION}`);
  }
  return { schemaVersion, ...parts } as ReportContent;
}

export function splitContent(content: ReportContent): Array<{ part: ReportPart; content: unknown }> {
  return REPORT_PARTS.map((part) => ({ part, content: content[part] }));
}
