import { dec, isContentEditable, roundHalfUp, sum, type GradeBand } from '@evalflow/domain';
import type { DashboardFigureRecord, DashboardWeekRecord } from '@evalflow/persistence';
import type { GradeCountView, ProgressWeekView, StatusCountView, YearFiguresView } from './dashboard.dto';

/** Bands best first, as the charts list them. */
export function bandsBestFirst(bands: GradeBand[]): GradeBand[] {
  return [...bands].sort((a, b) => dec(b.min).comparedTo(dec(a.min)));
}

/** sum ÷ count to two places, half up; null when nothing was counted. */
const meanOf = (sums: string[], count: number) => (count ? roundHalfUp(sum(sums).div(count), 2).toFixed(2) : null);

/**
 * A year's 部门整体 reports: how many, their average 执行率 (over those that have one, whatever their
 * status), and their average score and grades over the reports submitted to the finance bureau or
 * approved: a draft's (or a returned report's) score is its department's own and may still change, so it
 * is only counted apart (draftsScored).
 */
export function yearFigures(figures: DashboardFigureRecord[], fiscalYear: number, bands: GradeBand[]): YearFiguresView {
  const rows = figures.filter((f) => f.fiscalYear === fiscalYear && f.kind === 'department_overall');
  const handedIn = rows.filter((f) => !isContentEditable(f.status));
  const total = (pick: (f: DashboardFigureRecord) => number, of = rows) => of.reduce((n, f) => n + pick(f), 0);
  const scored = total((f) => f.scored, handedIn);
  const rated = total((f) => f.rated);
  const grades: GradeCountView[] = bandsBestFirst(bands).map((b) => ({
    grade: b.grade,
    label: b.label,
    min: b.min,
    count: handedIn.filter((f) => f.grade === b.grade).reduce((n, f) => n + f.reports, 0),
  }));
  return {
    fiscalYear,
    reports: total((f) => f.reports),
    scored,
    draftsScored: total((f) => f.scored) - scored,
    averageScore: meanOf(
      handedIn.map((f) => f.scoreSum),
      scored,
    ),
    rated,
    averageExecutionRate: meanOf(
      rows.map((f) => f.rateSum),
      rated,
    ),
    grades,
  };
}

/** Reports of the year per kind and status (statuses without reports left out). */
export function statusCounts(figures: DashboardFigureRecord[], fiscalYear: number): StatusCountView[] {
  const counts = new Map<string, StatusCountView>();
  for (const f of figures.filter((x) => x.fiscalYear === fiscalYear)) {
    const key = `${f.kind}/${f.status}`;
    const current = counts.get(key) ?? { kind: f.kind, status: f.status, count: 0 };
    counts.set(key, { ...current, count: current.count + f.reports });
  }
  return [...counts.values()].sort((a, b) => `${a.kind}/${a.status}`.localeCompare(`${b.kind}/${b.status}`));
}

const DAY_MS = 24 * 60 * 60 * 1000;
const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * 部门整体 reports first submitted and first approved, week by week from the first week with either to
 * the last, with running totals; weeks without an event are kept so that the line has no gaps.
 */
export function progressWeeks(weeks: DashboardWeekRecord[]): ProgressWeekView[] {
  const overall = new Map(weeks.filter((w) => w.kind === 'department_overall').map((w) => [w.weekStart, w]));
  const starts = [...overall.keys()].sort();
  if (!starts.length) return [];
  const result: ProgressWeekView[] = [];
  let submittedTotal = 0;
  let approvedTotal = 0;
  for (let week = starts[0]; week <= starts[starts.length - 1]; week = addDays(week, 7)) {
    const w = overall.get(week);
    submittedTotal += w?.submitted ?? 0;
    approvedTotal += w?.approved ?? 0;
    result.push({
      weekStart: week,
      submitted: w?.submitted ?? 0,
      approved: w?.approved ?? 0,
      submittedTotal,
      approvedTotal,
    });
  }
  return result;
}
