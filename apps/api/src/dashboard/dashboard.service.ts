import { Injectable } from '@nestjs/common';
import { isContentEditable, type AppAbility, type GradeBand, type InflationThresholds } from '@evalflow/domain';
import {
  loadDashboardRecords,
  loadDashboardYears,
  loadPinnedTemplate,
  tenantOf,
  TenantDb,
  type DashboardRecords,
  type TenantTx,
} from '@evalflow/persistence';
import { assertCan } from '../access/object-checks';
import { assertFiscalYearNotLater } from '../http/fiscal-year';
import { loadSettings } from '../settings/grade-bands.store';
import { departmentFlags } from './dashboard-flags';
import { bandsBestFirst, progressWeeks, statusCounts, yearFigures } from './dashboard-figures';
import { departmentRows, summarise, toReportView } from './dashboard-rows';
import type { DashboardView, ScatterPointView } from './dashboard.dto';
import { summarySheet, type SummarySheet } from './summary-sheet';

/**
 * 县级概览 of a county's year, computed on the server in one tenant transaction (row-level security
 * applies): SQL aggregates the counts, grades and weeks and reads the indicator rows the score-inflation
 * flags need (this year's and last year's only); this assembles them with the departments' rows.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly db: TenantDb) {}

  get(ability: AppAbility, fiscalYear: number | undefined, now = new Date()): Promise<DashboardView> {
    return this.read(ability, fiscalYear, now, (view) => view);
  }

  /**
   * The 汇总表 of a year: every report of the county as 县级概览 shows it (the same statements, the same
   * transaction), one row per report, with its dates; `countyName` names the sheet and the file.
   */
  summary(
    ability: AppAbility,
    fiscalYear: number | undefined,
    countyName: string,
    now = new Date(),
  ): Promise<SummarySheet> {
    return this.read(ability, fiscalYear, now, (view, records) => summarySheet(view, records.reports, countyName));
  }

  /** The county's year read in one tenant transaction and assembled, then shaped by `shape`. */
  private read<T>(
    ability: AppAbility,
    fiscalYear: number | undefined,
    now: Date,
    shape: (view: DashboardView, records: DashboardRecords) => T,
  ): Promise<T> {
    if (fiscalYear !== undefined) assertFiscalYearNotLater(fiscalYear, now);
    return this.db.tx(async (tx) => {
      // every report of the county, whatever its department: the finance bureau's view
      assertCan(ability, 'read', 'Report', { tenantId: tenantOf(tx) });
      const { gradeBands, inflationThresholds } = await loadSettings(tx);
      const years = await loadDashboardYears(tx);
      // without a year asked: the newest with reports, else last year
      const year = fiscalYear ?? years.find((y) => y.hasReports)?.fiscalYear ?? now.getFullYear() - 1;
      const records = await loadDashboardRecords(tx, year, gradeBands);
      const bandsOf = await templateBands(tx, records, gradeBands);
      const view = {
        ...assemble(records, year, { countyBands: gradeBands, bandsOf, thresholds: inflationThresholds }, now),
        years: years.map((y) => y.fiscalYear),
      };
      return shape(view, records);
    });
  }
}

/** The bands each pinned template grades by (its own, else the county's), read once per template version. */
async function templateBands(
  tx: TenantTx,
  records: DashboardRecords,
  countyBands: GradeBand[],
): Promise<Map<string, GradeBand[]>> {
  const bands = new Map<string, GradeBand[]>();
  for (const id of new Set(records.reports.map((r) => r.templateVersionId))) {
    bands.set(id, (await loadPinnedTemplate(tx, id)).definition.gradeBands ?? countyBands);
  }
  return bands;
}

/** What the figures are judged by: the county's bands, each template's bands, the flags' thresholds. */
interface Measures {
  countyBands: GradeBand[];
  bandsOf: Map<string, GradeBand[]>;
  thresholds: InflationThresholds;
}

function assemble(
  records: DashboardRecords,
  fiscalYear: number,
  { countyBands, bandsOf, thresholds }: Measures,
  now: Date,
): Omit<DashboardView, 'years'> {
  const reports = records.reports.map((r) => ({
    departmentId: r.departmentId,
    view: toReportView(r, bandsOf.get(r.templateVersionId) ?? countyBands, records.dueOn, now),
  }));
  const flags = departmentFlags(records.flagReports, fiscalYear, thresholds);
  const rectifications = new Map(
    records.rectifications.map((r) => [r.departmentId, { open: r.open, overdue: r.overdue }]),
  );
  const departments = departmentRows(records.departments, reports, records.dueOn, now, flags, rectifications);
  const names = new Map(records.departments.map((d) => [d.id, d.name]));
  const scatter: ScatterPointView[] = reports.flatMap(({ departmentId, view }) =>
    view.totalScore !== null && view.executionRate !== null
      ? [
          {
            reportId: view.id,
            departmentName: names.get(departmentId) ?? '',
            kind: view.kind,
            projectName: view.projectName,
            totalScore: view.totalScore,
            executionRate: view.executionRate,
            // a draft's or a returned report's score is the department's own, not yet handed in
            selfScored: isContentEditable(view.status),
          },
        ]
      : [],
  );
  return {
    fiscalYear,
    dueOn: records.dueOn,
    gradeBands: bandsBestFirst(countyBands).map(({ grade, label, min }) => ({ grade, label, min })),
    summary: summarise(departments),
    statusCounts: statusCounts(records.figures, fiscalYear),
    departments,
    scatter,
    progress: progressWeeks(records.weeks),
    current: yearFigures(records.figures, fiscalYear, countyBands),
    previous: yearFigures(records.figures, fiscalYear - 1, countyBands),
  };
}
