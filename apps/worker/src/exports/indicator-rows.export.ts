import { Injectable } from '@nestjs/common';
import { indicatorSheetRows, type ExportLimits, type ExportParams } from '@evalflow/domain';
import {
  countYearReports,
  cursorAfter,
  indicatorPage,
  TenantDb,
  type IndicatorPageCursor,
} from '@evalflow/persistence';
import { ExportLimitExceeded } from './export-limits';
import { IndicatorRowsWorkbook } from './indicator-rows-workbook';

export interface ExportRun {
  tenantId: string;
  params: ExportParams;
  /** reports done / reports total, in percent (awaited: a stored step lands before the next page is read) */
  progress: (percent: number) => Promise<void>;
  /** when the attempt must have finished (epoch ms) */
  deadline: number;
  limits: ExportLimits;
}

/**
 * The 指标明细 of a county's year into `workbook`: the reports read a page at a time (each page its own
 * tenant transaction, keyset by the sheet's order) and written as they come, so a county's rows are never
 * in memory together. Answers the number of rows written; a bound passed throws ExportLimitExceeded.
 */
@Injectable()
export class IndicatorRowsExport {
  constructor(private readonly db: TenantDb) {}

  async write(run: ExportRun, workbook: IndicatorRowsWorkbook): Promise<number> {
    const { tenantId, params, limits } = run;
    const total = await this.db.tx((tx) => countYearReports(tx, params.fiscalYear), tenantId);
    let cursor: IndicatorPageCursor | null = null;
    let reports = 0;
    let rows = 0;
    for (;;) {
      if (Date.now() > run.deadline) throw new ExportLimitExceeded('EXPORT_TIMEOUT', limits);
      const page = await this.db.tx(
        (tx) => indicatorPage(tx, params.fiscalYear, cursor, limits.reportsPerPage),
        tenantId,
      );
      if (!page.length) return rows;
      for (const report of page) {
        const lines = indicatorSheetRows(report, report.scoreTable, rows + 1);
        if (rows + lines.length > limits.maxRows) throw new ExportLimitExceeded('EXPORT_TOO_MANY_ROWS', limits);
        workbook.add(lines);
        rows += lines.length;
      }
      reports += page.length;
      cursor = cursorAfter(page[page.length - 1]);
      // reports added while the export runs may take it past the count it began with
      await run.progress(total ? Math.min(99, Math.floor((reports / total) * 100)) : 99);
    }
  }
}
