import type { CellValue } from 'exceljs';

/** Up to six decimals: Number() of such a string is the closest double, and shows back exactly the same digits. */
const EXACT_DECIMAL = /^-?\d{1,9}(?:\.(\d{1,6}))?$/;

/**
 * A decimal string as a cell: a number shown with the string's own decimals ('0.00' for "95.00"), so that
 * the sheet sums and sorts; text when it could not be shown exactly (never the case for numeric(5,2) and
 * numeric(9,2); 万元 with more than nine whole digits stays text).
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
