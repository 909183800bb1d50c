import type { ParseResult } from './figure';
import { normalizeWidth } from './normalize';

/** 2024年12月31日 (spaces allowed, 号 for 日), 2024-12-31, 2024.12.31, 2024/12/31. */
export const DATE_SOURCES = [
  String.raw`(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]`,
  String.raw`(?<![\d.])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(?![\d]|\.\d)`,
];

/** The ISO date, or invalid_date when the day is not on the calendar. */
export function toDate(year: string, month: string, day: string): ParseResult {
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return { ok: false, problem: 'invalid_date' };
  }
  return { ok: true, value: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`, unit: '' };
}

const WHOLE = DATE_SOURCES.map((s) => new RegExp(`^${s}$`));

export function parseDate(text: string): ParseResult {
  const normalized = normalizeWidth(text).trim();
  const cn = WHOLE[0].exec(normalized);
  if (cn) return toDate(cn[1], cn[2], cn[3]);
  const iso = WHOLE[1].exec(normalized);
  if (iso) return toDate(iso[1], iso[3], iso[4]);
  return { ok: false, problem: 'not_a_figure' };
}
