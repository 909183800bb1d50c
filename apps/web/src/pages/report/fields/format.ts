import { decimalsOf, formatWan, MONEY_PATTERN } from '@evalflow/domain';

/** Shown for a field left empty. */
export const EMPTY = '—';

/**
 * 万元 as a county office writes it: thousands separators and 2 to 4 decimals, keeping every
 * decimal the report states (178.646 stays 178.646; 47 becomes 47.00).
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (!MONEY_PATTERN.test(value)) return value;
  return formatWan(value, Math.min(4, Math.max(2, decimalsOf(value))));
}

export function formatPercent(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : `${value}%`;
}

export function textOrDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  const text = String(value);
  return text.trim() === '' ? EMPTY : text;
}
