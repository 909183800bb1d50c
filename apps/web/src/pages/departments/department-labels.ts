import type { DepartmentKind } from '@evalflow/domain';

export const KIND_COLORS: Record<DepartmentKind, string> = { budget_department: 'blue', finance_bureau: 'gold' };

/** Optional descriptive fields of a department, with their glossary labels. */
export const DEPARTMENT_TEXT_FIELDS = [
  { name: 'budgetCode', label: '预算单位编码' },
  { name: 'unitNature', label: '单位性质' },
  { name: 'unitLevel', label: '单位规格' },
  { name: 'fundingForm', label: '经费保障形式' },
] as const;

export type DepartmentTextField = (typeof DEPARTMENT_TEXT_FIELDS)[number]['name'];
