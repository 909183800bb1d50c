import type { BasicInfoPart, BudgetPart, PlannedActual } from '../schema';

/**
 * Version 1 of the 部门整体 report (stored until the report-kinds migration), as far as version 2
 * changed it. Frozen: these shapes describe data that exists, so they never change.
 */
export interface OverallV1Staffing {
  category: string;
  asOf: string;
  headcount: number | null;
  previousHeadcount: number | null;
  changeReason: string;
}
export type OverallV1BasicInfo = Omit<BasicInfoPart, 'staffing'> & { staffing: OverallV1Staffing };
export interface OverallV1Budget {
  /** 年初项目预算 */
  projectBudgetTotal: string | null;
  lines: Array<{ name: string; amount: string; documentNumber: string }>;
  /** 当年项目支出 */
  projectSpent: string | null;
}

const nothing = (): PlannedActual => ({ budget: null, actual: null });

/** Version 1 → 2, part by part: the one category of staff becomes a list, the project figures move into 支出. */
export function upcastOverallPartV1(part: string, content: unknown): unknown {
  if (part === 'basicInfo') {
    const v1 = content as OverallV1BasicInfo;
    const { category, asOf, headcount, previousHeadcount, changeReason } = v1.staffing;
    const staffing: BasicInfoPart['staffing'] = {
      asOf,
      categories:
        category.trim() !== '' || headcount !== null ? [{ category, authorized: null, actual: headcount }] : [],
      previousHeadcount,
      changeReason,
    };
    return { ...v1, staffing } satisfies BasicInfoPart;
  }
  if (part === 'budget') {
    const v1 = content as OverallV1Budget;
    return {
      income: { appropriation: nothing(), other: nothing(), total: nothing() },
      carryover: null,
      expenditure: {
        personnel: nothing(),
        publicExpense: nothing(),
        basic: nothing(),
        project: { budget: v1.projectBudgetTotal, actual: v1.projectSpent },
        total: nothing(),
      },
      lines: v1.lines.map((l) => ({ name: l.name, amount: l.amount, spent: null, documentNumber: l.documentNumber })),
    } satisfies BudgetPart;
  }
  return content;
}

/** Where a version-1 field lives in version 2 (comment anchors follow their field). */
const MOVED_V1_PATHS: Record<string, string> = {
  'basicInfo.staffing.category': 'basicInfo.staffing.categories.0.category',
  'basicInfo.staffing.headcount': 'basicInfo.staffing.categories.0.actual',
  'budget.projectBudgetTotal': 'budget.expenditure.project.budget',
  'budget.projectSpent': 'budget.expenditure.project.actual',
};

export function upcastOverallPathV1(path: string): string {
  return MOVED_V1_PATHS[path] ?? path;
}
