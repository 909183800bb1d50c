import type { TrafficLight } from '@evalflow/domain';
import type { DashboardDepartmentView, Progress } from '../../api/dashboard-api';

export type { Progress };

export const PROGRESS_ORDER: readonly Progress[] = [
  'missing',
  'draft',
  'submitted',
  'in_review',
  'returned',
  'approved',
];

export const PROGRESS_LABELS: Record<Progress, string> = {
  missing: '未创建',
  draft: '草稿',
  submitted: '已提交',
  in_review: '审核中',
  returned: '已退回',
  approved: '已通过',
};

/**
 * One line of the dashboard, as the server computed it: a budget department, its 部门整体 report of the
 * year (if any) and its project tables counted apart.
 */
export type DashboardRow = DashboardDepartmentView;

export const isOverdue = (row: DashboardRow) => row.deadline?.state === 'overdue';

/** The 预警灯 filter: a light, or 'none' for departments not judged (no 部门整体 report submitted). */
export type LightFilter = TrafficLight | 'none';

export const LIGHT_FILTER_LABELS: Record<LightFilter, string> = {
  red: '红灯',
  yellow: '黄灯',
  green: '绿灯',
  none: '未判断',
};

export interface RowFilter {
  progress?: Progress;
  overdueOnly: boolean;
  light?: LightFilter;
}

export function filterRows(rows: DashboardRow[], filter: RowFilter): DashboardRow[] {
  return rows.filter(
    (row) =>
      (filter.progress === undefined || row.progress === filter.progress) &&
      (!filter.overdueOnly || isOverdue(row)) &&
      (filter.light === undefined || (row.light ?? 'none') === filter.light),
  );
}

/** Years to choose from, newest first: this year back six years, and any year with a report or deadline. */
export function yearOptions(
  countyYears: number[],
  shown: number,
  now = new Date(),
): Array<{ value: number; label: string }> {
  const thisYear = now.getFullYear();
  const years = new Set<number>([...Array.from({ length: 7 }, (_, i) => thisYear - i), ...countyYears, shown]);
  return [...years].sort((a, b) => b - a).map((year) => ({ value: year, label: `${year} 年度` }));
}
