import { sum, type Dec } from '../money/decimal';
import type { BasicInfoPart, PlannedActual } from './schema';

/** Figures of the 部门整体 report that are computed from what is stored, never stored twice. */

/** 年末实有人数: the categories' 实有人数 added up; null while a category's is missing or there is none. */
export function yearEndHeadcount(staffing: BasicInfoPart['staffing']): number | null {
  if (staffing.categories.length === 0) return null;
  let total = 0;
  for (const c of staffing.categories) {
    if (c.actual === null) return null;
    total += c.actual;
  }
  return total;
}

/** 编制数 added up; null unless every category states one. */
export function authorizedHeadcount(staffing: BasicInfoPart['staffing']): number | null {
  if (staffing.categories.length === 0 || staffing.categories.some((c) => c.authorized === null)) return null;
  return staffing.categories.reduce((n, c) => n + (c.authorized as number), 0);
}

export const PLANNED_ACTUAL_COLUMNS = [
  { key: 'budget', label: '年初预算数' },
  { key: 'actual', label: '决算数' },
] as const satisfies ReadonlyArray<{ key: keyof PlannedActual; label: string }>;

/** The sum of the stated values of one column, or null when any is absent (a partial sum proves nothing). */
export function sumIfAll(values: Array<string | null>): Dec | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  return sum(values as string[]);
}
