import type { Writable } from 'node:stream';
import { stream as excelStream, type Style, type Worksheet } from 'exceljs';
import {
  INDICATOR_ROW_COLUMNS,
  INDICATOR_ROWS_SHEET_NAME,
  type IndicatorRowColumn,
  type IndicatorSheetRow,
} from '@evalflow/domain';
import { decimalCell } from '@evalflow/rendering';

const TITLE_ROW = 1;
const HEADER_ROW = 2;
const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<Style['border']> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WRAPPED = new Set<IndicatorRowColumn['key']>(['level3', 'deviationNote', 'evidence']);

/**
 * The 指标明细 written with exceljs's streaming writer: each row is committed (zipped into `out`) as it is
 * added, so only the page being written is ever in memory. One sheet: the title (county and year) merged
 * across the columns, the Chinese header row under it, both frozen, with a filter on the header.
 */
export class IndicatorRowsWorkbook {
  private readonly workbook: excelStream.xlsx.WorkbookWriter;
  private readonly sheet: Worksheet;
  private next = HEADER_ROW + 1;

  constructor(out: Writable, title: string) {
    this.workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    this.workbook.creator = 'EvalFlow';
    const width = INDICATOR_ROW_COLUMNS.length;
    const ws = this.workbook.addWorksheet(INDICATOR_ROWS_SHEET_NAME, {
      views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.columns = INDICATOR_ROW_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
    ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: width } };
    const titleRow = ws.getRow(TITLE_ROW);
    titleRow.getCell(1).value = title;
    titleRow.height = 28;
    titleRow.font = { bold: true, size: 14 };
    titleRow.alignment = { vertical: 'middle', horizontal: 'center' };
    ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
    titleRow.commit();
    const header = ws.getRow(HEADER_ROW);
    INDICATOR_ROW_COLUMNS.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.value = c.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
      cell.border = BORDER;
    });
    header.commit();
    this.sheet = ws;
  }

  /** Writes and commits rows: 分值 and 得分 as numbers shown with their stored decimals. */
  add(rows: readonly IndicatorSheetRow[]): void {
    for (const row of rows) {
      const line = this.sheet.getRow(this.next++);
      INDICATOR_ROW_COLUMNS.forEach((c, i) => {
        const cell = line.getCell(i + 1);
        const { value, numFmt } =
          c.type === 'decimal' ? decimalCell(row[c.key] as string | null) : { value: row[c.key] };
        cell.value = value === '' ? null : value;
        if (numFmt) cell.numFmt = numFmt;
        if (WRAPPED.has(c.key)) cell.alignment = { wrapText: true, vertical: 'top' };
        cell.border = BORDER;
      });
      line.commit();
    }
  }

  /** Finishes the sheet and the zip; resolves when the whole file has been handed to `out`. */
  async finish(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }
}
