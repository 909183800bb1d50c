import type { Writable } from 'node:stream';
import { stream as excelStream, type CellValue, type Style } from 'exceljs';
import { dateCell, decimalCell } from '../spreadsheets/cell-values';
import {
  SUMMARY_COLUMNS,
  SUMMARY_SHEET_NAME,
  type SummaryColumn,
  type SummaryRow,
  type SummarySheet,
} from './summary-sheet';

const TITLE_ROW = 1;
const HEADER_ROW = 2;

function cellOf(column: SummaryColumn, row: SummaryRow): { value: CellValue; numFmt?: string } {
  const value = row[column.key];
  if (column.type === 'decimal') return decimalCell(value as string | null);
  if (column.type === 'date') return dateCell(value as string | null);
  return { value };
}

const THIN = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const BORDER: Partial<Style['border']> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes the 汇总表 to `out` with exceljs's streaming writer: each row is committed (serialised into the zip)
 * as soon as it is added, so the file is never held whole in memory. One sheet 汇总表: the title (county and
 * year) across the columns, the header row under it, both frozen, with a filter on the header.
 * Resolves when the workbook is finished and handed to `out`.
 */
export async function writeSummaryWorkbook(sheet: SummarySheet, out: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'EvalFlow';
  const width = SUMMARY_COLUMNS.length;
  const ws = workbook.addWorksheet(SUMMARY_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = SUMMARY_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: width } };

  const title = ws.getRow(TITLE_ROW);
  title.getCell(1).value = sheet.title;
  title.height = 28;
  title.font = { bold: true, size: 14 };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  ws.mergeCells(TITLE_ROW, 1, TITLE_ROW, width);
  title.commit();

  const header = ws.getRow(HEADER_ROW);
  SUMMARY_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });
  header.commit();

  sheet.rows.forEach((row, n) => {
    const line = ws.getRow(HEADER_ROW + 1 + n);
    SUMMARY_COLUMNS.forEach((c, i) => {
      const cell = line.getCell(i + 1);
      const { value, numFmt } = cellOf(c, row);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      if (c.key === 'flags') cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = BORDER;
    });
    line.commit();
  });
  ws.commit();
  await workbook.commit();
}
