import type { Writable } from 'node:stream';
import { stream as excelStream, type Worksheet } from 'exceljs';
import {
  AppError,
  SCORE_SHEET_MAX_ROWS,
  SCORE_SHEET_NAME,
  SCORE_SHEET_WIDTH,
  type ScoreSheetGrid,
  type ScoreSheetReadCell,
  type ScoreSheetRows,
} from '@evalflow/domain';
import { decimalCell } from '../spreadsheets/cell-values';
import { cellText, loadUploadedWorkbook } from '../spreadsheets/workbook-upload';

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * Writes one report's 绩效自评表 grid as a workbook to `out`: the form's cells with their merges, borders on
 * the table, money and scores as numbers with their stored decimals (万元 as the header says), the rows
 * down to the indicator header frozen. Rows are committed as written (streamed).
 */
export async function writeScoreSheetWorkbook(grid: ScoreSheetGrid, out: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'EvalFlow';
  const ws = workbook.addWorksheet(SCORE_SHEET_NAME, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = grid.columnWidths.map((width) => ({ width }));
  // merges are declared before their rows are committed
  for (const m of grid.merges) ws.mergeCells(m.top, m.left, m.bottom, m.right);
  grid.rows.forEach((cells, index) => {
    const row = ws.getRow(index + 1);
    const titleRow = index < 2;
    for (let c = 1; c <= SCORE_SHEET_WIDTH; c++) {
      const cell = row.getCell(c);
      const spec = cells[c - 1];
      if (spec) {
        const { value, numFmt } =
          spec.type === 'text' ? { value: spec.value, numFmt: undefined } : decimalCell(spec.value);
        cell.value = value;
        if (numFmt) cell.numFmt = numFmt;
        cell.alignment = { vertical: 'middle', horizontal: spec.align ?? 'left', wrapText: true };
        if (spec.head) cell.font = { bold: true, size: titleRow ? (index === 0 ? 16 : 12) : 11 };
      }
      if (!titleRow) cell.border = BORDER;
    }
    if (index === 0) row.height = 30;
    row.commit();
  });
  ws.commit();
  await workbook.commit();
}

/** The sheet to import: the one named 绩效自评表, else the first. */
function sheetOf(worksheets: Worksheet[], named: Worksheet | undefined): Worksheet {
  const sheet = named ?? worksheets[0];
  if (!sheet)
    throw new AppError('SCORE_SHEET_FILE_INVALID', undefined, '文件中没有工作表，请上传绩效自评表的 Excel 工作簿');
  return sheet;
}

/**
 * An uploaded workbook's 绩效自评表 as the domain reads it: each cell's shown text, whether it is a number,
 * and whether it lies inside a merge without being its first cell (it then shows the merge's text).
 * Zip bombs and unreadable files are refused before this; a sheet longer than the form can be is refused.
 */
export async function readScoreSheetWorkbook(data: Buffer): Promise<ScoreSheetRows> {
  const workbook = await loadUploadedWorkbook(data, {
    invalid: 'SCORE_SHEET_FILE_INVALID',
    tooLarge: 'SCORE_SHEET_FILE_TOO_LARGE',
  });
  const sheet = sheetOf(workbook.worksheets, workbook.getWorksheet(SCORE_SHEET_NAME));
  if (sheet.rowCount > SCORE_SHEET_MAX_ROWS) {
    throw new AppError('SCORE_SHEET_FILE_TOO_LARGE', { maxRows: SCORE_SHEET_MAX_ROWS });
  }
  const rows: Array<ScoreSheetReadCell[] | undefined> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: ScoreSheetReadCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column > 64) return; // the form is a dozen columns wide; stray far cells are not read
      const master = cell.isMerged ? cell.master : cell;
      const value = master.value;
      cells[column - 1] = {
        text: cellText(master),
        numeric:
          typeof value === 'number' ||
          (typeof value === 'object' && value !== null && 'result' in value && typeof value.result === 'number'),
        mergedInto: cell.isMerged && master.address !== cell.address,
      };
    });
    rows[rowNumber - 1] = cells;
  });
  return rows;
}
