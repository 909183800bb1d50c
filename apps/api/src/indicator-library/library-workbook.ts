import { Workbook } from 'exceljs';
import {
  AppError,
  LIBRARY_COLUMNS,
  LIBRARY_IMPORT_MAX_ROWS,
  LIBRARY_SHEET_NAME,
  type SheetCell,
} from '@evalflow/domain';
import { cellText, loadUploadedWorkbook } from '../spreadsheets/workbook-upload';
/** Rows with content looked at before the file is refused as too long (a title and the header above the entries). */
const MAX_SHEET_ROWS = LIBRARY_IMPORT_MAX_ROWS + 10;

/**
 * The 指标库 sheet of an uploaded workbook as text, row by row: `rows[n - 1]` is the sheet's row n
 * (rows without content are holes). The sheet named 指标库, else the first. Anything that is not a
 * readable .xlsx is refused with LIBRARY_FILE_INVALID, never an unexpected error.
 */
export async function readLibraryWorkbook(data: Buffer): Promise<Array<SheetCell[] | undefined>> {
  const workbook = await loadUploadedWorkbook(data, {
    invalid: 'LIBRARY_FILE_INVALID',
    tooLarge: 'LIBRARY_FILE_TOO_LARGE',
  });
  const sheet = workbook.getWorksheet(LIBRARY_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw new AppError('LIBRARY_FILE_INVALID', undefined, '文件中没有工作表，请上传指标库的 Excel 工作簿');

  const rows: Array<SheetCell[] | undefined> = [];
  let withContent = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (withContent > MAX_SHEET_ROWS) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell);
    });
    if (cells.some((c) => c !== undefined && c.trim() !== '')) withContent += 1;
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
  });
  if (withContent > MAX_SHEET_ROWS) {
    throw new AppError(
      'LIBRARY_FILE_TOO_LARGE',
      { maxRows: LIBRARY_IMPORT_MAX_ROWS },
      `文件过大：一次最多导入 ${LIBRARY_IMPORT_MAX_ROWS} 行指标`,
    );
  }
  return rows;
}

/**
 * The export: one sheet 指标库 with a bold, frozen header row, each column as wide as its content
 * needs, and every cell text (so that 100 stays "100" and a re-import reads back the same).
 */
export async function writeLibraryWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'EvalFlow';
  const sheet = workbook.addWorksheet(LIBRARY_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = LIBRARY_COLUMNS.map((c) => ({ key: c.field, width: c.width, style: { numFmt: '@' } }));
  for (const row of rows) sheet.addRow(row);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: LIBRARY_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
