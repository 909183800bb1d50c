import { emptyReportContent, REPORT_PARTS, type ReportContent, type ReportPart } from '@evalflow/domain';
import type { ChecksView, CommentThread, DocumentView, PartView, ReportView } from '../api/report-types';
import { TENANT, UNION } from './session-fixtures';

export const REPORT_ID = 'cccccccc-0000-4000-8000-000000000001';

/** The checks of that report: by default every rule passes. */
export function checksView(overrides: Partial<ChecksView> = {}): ChecksView {
  return {
    reportId: REPORT_ID,
    version: 7,
    previousYear: null,
    results: [],
    errors: 0,
    warnings: 0,
    blocking: false,
    ...overrides,
  };
}

/** A 2024 report of 赵县总工会 with a few budget lines, as GET /api/reports/:id answers it. */
export function reportView(overrides: Partial<ReportView> = {}): ReportView {
  const content: ReportContent = emptyReportContent({ departmentName: UNION.name, fiscalYear: 2024 });
  content.budget = {
    projectBudgetTotal: '178.646',
    lines: [
      { name: '上解市总工会经费', amount: '47', documentNumber: '' },
      { name: '劳模体检费', amount: '2.82', documentNumber: '' },
      { name: '困难职工及劳模帮扶救助专项资金', amount: '10.336', documentNumber: '冀财行【2023】98号' },
    ],
    projectSpent: '178.646',
  };
  const parts = Object.fromEntries(
    REPORT_PARTS.map((part): [ReportPart, PartView] => [
      part,
      { part, version: 1, content: content[part], updatedAt: '2025-04-01T08:00:00.000Z', updatedBy: '李编制' },
    ]),
  ) as Record<ReportPart, PartView>;
  return {
    id: REPORT_ID,
    tenantId: TENANT.id,
    departmentId: UNION.id,
    departmentName: UNION.name,
    fiscalYear: 2024,
    kind: 'department_overall',
    status: 'in_review',
    version: 7,
    schemaVersion: 1,
    totalScore: '95.00',
    grade: 'excellent',
    gradeLabel: '优秀',
    executionRate: '100.00',
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    deadline: { dueOn: '2025-04-30', state: 'met', daysLeft: 10 },
    openComments: 1,
    parts,
    prefilledFrom: null,
    carriedOver: [],
    availableActions: ['return', 'approve'],
    signOff: { required: false, head: null },
    canSignOff: false,
    ...overrides,
  };
}

/** An open thread on the third budget line's amount, started by the finance bureau. */
export function thread(overrides: Partial<CommentThread> = {}): CommentThread {
  return {
    id: 'dddddddd-0000-4000-8000-000000000001',
    reportId: REPORT_ID,
    part: 'budget',
    fieldPath: 'budget.lines.2.amount',
    revisionNumber: 1,
    status: 'open',
    version: 3,
    createdAt: '2025-04-02T08:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    comments: [
      {
        id: 'eeeeeeee-0000-4000-8000-000000000001',
        body: '请附上冀财行【2023】98号文件',
        authorName: '王审核',
        side: 'finance',
        createdAt: '2025-04-02T08:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

export const DOCUMENT_ID = 'ffffffff-0000-4000-8000-000000000001';

/** The PDF of the report's second submission, finished, as GET /api/documents/:id answers it. */
export function documentView(overrides: Partial<DocumentView> = {}): DocumentView {
  return {
    id: DOCUMENT_ID,
    reportId: REPORT_ID,
    format: 'pdf',
    edition: 'r2',
    revisionNumber: 2,
    templateVersion: 1,
    watermark: '送审稿',
    status: 'done',
    progress: 100,
    sha256: 'a'.repeat(64),
    sizeBytes: 48_230,
    fileName: `${UNION.name}2024年度整体支出绩效自评报告.pdf`,
    error: null,
    createdAt: '2025-04-03T04:00:00.000Z',
    finishedAt: '2025-04-03T04:00:05.000Z',
    ...overrides,
  };
}
