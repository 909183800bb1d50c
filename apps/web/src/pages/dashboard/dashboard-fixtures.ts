import type { ReportSummaryView } from '../../api/report-types';
import type { DepartmentView } from '../../api/types';
import { TENANT, UNION } from '../../test/session-fixtures';

/** A budget department of 赵县 (test data). */
export function department(id: string, name: string, overrides: Partial<DepartmentView> = {}): DepartmentView {
  return { ...UNION, id, name, ...overrides };
}

/** A 2024 report of a department as GET /api/reports lists it (test data). */
export function summary(
  departmentId: string,
  departmentName: string,
  overrides: Partial<ReportSummaryView> = {},
): ReportSummaryView {
  return {
    id: `report-${departmentId}`,
    tenantId: TENANT.id,
    departmentId,
    departmentName,
    fiscalYear: 2024,
    kind: 'department_overall',
    projectCode: null,
    projectName: null,
    status: 'draft',
    version: 1,
    schemaVersion: 2,
    totalScore: null,
    grade: null,
    gradeLabel: null,
    executionRate: null,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    deadline: { dueOn: '2025-04-30', state: 'open', daysLeft: 10 },
    openComments: 0,
    ...overrides,
  };
}
