import {
  inflationFlags,
  trafficLight,
  type FlagReport,
  type InflationFlag,
  type InflationThresholds,
  type TrafficLight,
} from '@evalflow/domain';
import type { DashboardFlagReportRecord } from '@evalflow/persistence';

/** A department's score-inflation flags on 县级概览; no light while it has no submitted 部门整体 report of the year. */
export interface DepartmentFlags {
  flags: InflationFlag[];
  light: TrafficLight | null;
}

export const UNJUDGED: DepartmentFlags = { flags: [], light: null };

const asFlagReport = (r: DashboardFlagReportRecord): FlagReport => ({
  totalScore: r.totalScore,
  executionRate: r.executionRate,
  reScore: r.reScore,
  indicators: r.indicators,
});

/**
 * Each department's flags from its submitted 部门整体 report of the year and of the year before (the records
 * the dashboard read in SQL), by the county's thresholds.
 */
export function departmentFlags(
  records: DashboardFlagReportRecord[],
  fiscalYear: number,
  thresholds: InflationThresholds,
): Map<string, DepartmentFlags> {
  const lastYear = new Map(
    records.filter((r) => r.fiscalYear === fiscalYear - 1).map((r) => [r.departmentId, asFlagReport(r)]),
  );
  const judged = new Map<string, DepartmentFlags>();
  for (const r of records.filter((x) => x.fiscalYear === fiscalYear)) {
    const flags = inflationFlags(
      { current: asFlagReport(r), previous: lastYear.get(r.departmentId) ?? null },
      thresholds,
    );
    judged.set(r.departmentId, { flags, light: trafficLight(flags) });
  }
  return judged;
}
