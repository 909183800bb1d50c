import { formatWan } from '@evalflow/domain';

/** A percentage with two decimals and thousands separators: 98.5 → 98.50%. */
export function formatPercent(value: string | null): string {
  return value === null ? '—' : `${formatWan(value, 2)}%`;
}

/** A score with two decimals: 95 → 95.00. */
export function formatScore(value: string | null): string {
  return value === null ? '—' : formatWan(value, 2);
}
