import type { Writable } from 'node:stream';
import { stream as excelStream, type CellValue, type Style } from 'exceljs';
import {
  SUMMARY_COLUMNS,
  SUMMARY_SHEET_NAME,
  type SummaryColumn,
  type SummaryRow,
  type SummarySheet,
} from './summary-sheet';

/** Up to six decimals: Number() of such a string is the closest double, and shows back exactly the same digits. */
const EXACT_DECIMAL = /^-?\d{1,9}(?:\.(\d{1,6}))?$/;
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/**
 * A decimal string as a cell: a number shown with the string's own decimals ('0.00' for "95.00"), so that
 * the sheet sums and sorts; text when it could not be shown exactly (never the case for numeric(5,2) and
 * numeric(9,2), kept for safety).
 */
export function decimalCell(value: string | null): { value: CellValue; numFmt?: string } {
  if (value === null) return { value: null };
  const match = EXACT_DECIMAL.exec(value);
  if (!match) return { value };
  const decimals = match[1]?.length ?? 0;
  return { value: Number(value), numFmt: decimals ? `0.${'0'.repeat(decimals)}` : '0' };
}

/** A calendar day as an Excel date (UTC midnight of that day, so it shows as the same day everywhere). */
export function dateCell(day: string | null): { value: CellValue; numFmt?: string } {
  return day === null ? { value: null } : { value: new Date(`${day}T00:00:00Z`), numFmt: 'yyyy-mm-dd' };
}

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
