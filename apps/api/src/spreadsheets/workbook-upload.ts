import { Workbook, type Cell, type CellValue } from 'exceljs';
import { AppError, type ErrorCode } from '@evalflow/domain';
import { inflatedSize, ZipRefused } from './zip-bounds';

/** An upload of at most 2 MB may inflate to this much; a genuine sheet is a small part of it. */
export const MAX_INFLATED_BYTES = 24 * 1024 * 1024;

/**
 * Opens an uploaded .xlsx after its zip has been measured (a zip bomb is refused before anything is
 * inflated into memory): `tooLarge` beyond the inflated limit, `invalid` for anything that is not a
 * readable workbook — never an unexpected error.
 */
export async function loadUploadedWorkbook(
  data: Buffer,
  codes: { invalid: ErrorCode; tooLarge: ErrorCode },
): Promise<Workbook> {
  try {
    inflatedSize(data, MAX_INFLATED_BYTES);
  } catch (error) {
    if (error instanceof ZipRefused && error.reason === 'too_large') {
      throw new AppError(codes.tooLarge, { maxInflatedBytes: MAX_INFLATED_BYTES });
    }
    throw new AppError(codes.invalid);
  }
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(codes.invalid);
  }
  return workbook;
}

/** A cell as the text it shows: numbers without float noise (percent formats as 95%), rich text joined, formulas' results. */
export function cellText(cell: Pick<Cell, 'value' | 'numFmt'>): string {
  return valueText(cell.value, cell.numFmt);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (numFmt?.includes('%')) return `${plainNumber(value * 100)}%`;
    // a fixed-decimals format pads to its decimals (95.00 stays "95.00"), but never rounds the value away
    const plain = plainNumber(value);
    const places = /^0(?:\.(0{1,6}))?$/.exec(numFmt ?? '')?.[1]?.length ?? 0;
    return places > (plain.split('.')[1]?.length ?? 0) ? value.toFixed(places) : plain;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      return valueText((value as { result?: CellValue }).result ?? null, numFmt);
    }
    if ('hyperlink' in value) return valueText((value as { text?: CellValue }).text ?? '', numFmt);
    if ('error' in value) return '';
  }
  return String(value);
}

function plainNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}
