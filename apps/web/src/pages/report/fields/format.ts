import { formatAmount, MONEY_PATTERN } from '@evalflow/domain';

/** Shown for a field left empty. */
export const EMPTY = '—';

/**
 * 万元 as a county office writes it: thousands separators and 2 to 4 decimals, no trailing zeros past
 * the second (178.646 and 178.6460 both read 178.646; 47 becomes 47.00), as the rules' messages print it.
 */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (!MONEY_PATTERN.test(value)) return value;
  return formatAmount(value);
}

export function formatPercent(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? EMPTY : `${value}%`;
}

export function textOrDash(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return EMPTY;
  const text = String(value);
  return text.trim() === '' ? EMPTY : text;
}
