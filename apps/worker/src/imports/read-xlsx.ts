import type { SourceBlock, SourceCell, SourceDocument } from '@evalflow/report-import';
import { Workbook } from 'exceljs';

/** The most rows and columns of one sheet read (a 绩效自评表 is far smaller; the rest is never a report). */
const MAX_ROWS = 1000;
const MAX_COLUMNS = 50;

/**
 * A workbook as a SourceDocument: each sheet one table, each cell the text it shows, merged places covered.
 * The upload's zip was bounded before it was stored (precheckImportFile), so loading it is bounded too.
 */
export async function readXlsx(data: Buffer): Promise<SourceDocument> {
  const workbook = new Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const blocks: SourceBlock[] = [];
  workbook.eachSheet((sheet) => {
    const rowCount = Math.min(sheet.rowCount, MAX_ROWS);
    const columnCount = Math.min(sheet.columnCount, MAX_COLUMNS);
    if (!rowCount || !columnCount) return;
    const rows: SourceCell[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const row: SourceCell[] = [];
      for (let c = 1; c <= columnCount; c++) {
        const cell = sheet.getCell(r, c);
        const covered = cell.isMerged && cell.master.address !== cell.address;
        row.push({ text: covered ? '' : (cell.text ?? '').trim(), colSpan: 1, rowSpan: 1, covered });
      }
      rows.push(row);
    }
    blocks.push({ kind: 'table', index: blocks.length, rows });
  });
  return { format: 'xlsx', blocks };
}
