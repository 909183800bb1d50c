import {
  BUILTIN_TEMPLATES,
  defaultBuiltin,
  emptyProjectContent,
  emptyReportContent,
  splitContent,
  type BuiltinTemplate,
  type ReportContent,
  type ReportKind,
  type ReportPart,
  type TemplateDefinition,
} from '@evalflow/domain';
import type {
  ChecksView,
  CommentThread,
  DocumentView,
  PartView,
  PinnedTemplateView,
  ReportView,
} from '../api/report-types';
import { TENANT, UNION } from './session-fixtures';

export const REPORT_ID = 'cccccccc-0000-4000-8000-000000000001';
export const PROJECT_REPORT_ID = 'cccccccc-0000-4000-8000-000000000002';

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

/** A built-in template as a report pins it (GET /api/reports/:id's template). */
export function pinnedTemplate(builtin: BuiltinTemplate, definition?: TemplateDefinition): PinnedTemplateView {
  return {
    versionId: builtin.id,
    templateId: builtin.templateId,
    version: builtin.version,
    name: builtin.definition.name,
    builtin: true,
    definition: JSON.parse(JSON.stringify(definition ?? builtin.definition)) as TemplateDefinition,
  };
}

/** The kind's default built-in (河北 部门整体 2024, the national 项目支出绩效自评表): what a report follows unless told. */
export const defaultPinnedTemplate = (kind: ReportKind) => pinnedTemplate(defaultBuiltin(kind));

/** The built-in 「第一部分」…「第八部分」 部门整体 template: another order, 执行率 worth 20, total capped below 80 %. */
export const EIGHT_PART_TEMPLATE = BUILTIN_TEMPLATES.find(
  (t) => t.definition.kind === 'department_overall' && !t.isDefault,
) as BuiltinTemplate;

/** A content's parts as GET /api/reports/:id lists them, each at version 1. */
function partsOf(content: ReportContent): Partial<Record<ReportPart, PartView>> {
  return Object.fromEntries(
    splitContent(content).map(({ part, content: value }): [ReportPart, PartView] => [
      part,
      { part, version: 1, content: value, updatedAt: '2025-04-01T08:00:00.000Z', updatedBy: '李编制' },
    ]),
  );
}

/** What every report of 赵县总工会 for 2024 shares, as GET /api/reports/:id answers it. */
function viewOf(content: ReportContent, overrides: Partial<ReportView>): ReportView {
  return {
    id: REPORT_ID,
    tenantId: TENANT.id,
    departmentId: UNION.id,
    departmentName: UNION.name,
    fiscalYear: 2024,
    kind: content.kind,
    projectCode: content.kind === 'project' ? content.projectInfo.code : null,
    projectName: content.kind === 'project' ? content.projectInfo.name : null,
    status: 'in_review',
    version: 7,
    schemaVersion: content.schemaVersion,
    totalScore: '95.00',
    grade: 'excellent',
    gradeLabel: '优秀',
    executionRate: '100.00',
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-04-01T08:00:00.000Z',
    deadline: { dueOn: '2025-04-30', state: 'met', daysLeft: 10 },
    openComments: 1,
    template: defaultPinnedTemplate(content.kind),
    parts: partsOf(content),
    prefilledFrom: null,
    carriedOver: [],
    availableActions: ['return', 'approve'],
    signOff: { required: false, head: null },
    canSignOff: false,
    ...overrides,
  };
}

/** A 2024 部门整体 report of 赵县总工会 with a few budget lines (schema version 2). */
export function reportView(overrides: Partial<ReportView> = {}): ReportView {
  const content = emptyReportContent({ departmentName: UNION.name, fiscalYear: 2024 });
  content.basicInfo.staffing.categories = [
    { category: '行政人员', authorized: 8, actual: 7 },
    { category: '工勤人员', authorized: 2, actual: 2 },
  ];
  content.budget.expenditure.project = { budget: '178.646', actual: '178.646' };
  content.budget.lines = [
    { name: '上解市总工会经费', amount: '47', spent: null, documentNumber: '' },
    { name: '劳模体检费', amount: '2.82', spent: null, documentNumber: '' },
    {
      name: '困难职工及劳模帮扶救助专项资金',
      amount: '10.336',
      spent: null,
      documentNumber: '冀财行【2023】98号',
    },
  ];
  return viewOf(content, overrides);
}

export const PROJECT = { code: '13013324T000000012345', name: '困难职工帮扶救助专项资金' };

/**
 * A 2024 项目支出绩效自评表 of 赵县总工会: its money, two indicators (the second not yet measured)
 * and 总分 as stated.
 */
export function projectReportView(overrides: Partial<ReportView> = {}): ReportView {
  const content = emptyProjectContent({ departmentName: UNION.name, project: PROJECT });
  content.objectives.items = [{ expected: '帮扶困难职工 300 户', actual: '帮扶困难职工 320 户' }];
  content.scoreTable.funding.total = { initialBudget: '50', adjustedBudget: '60', executed: '45' };
  content.scoreTable.funding.currentYearAppropriation = { initialBudget: '50', adjustedBudget: '60', executed: '45' };
  content.scoreTable.funding.executionRate = '75';
  content.scoreTable.funding.score = '7.5';
  content.scoreTable.indicators = [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '帮扶困难职工户数',
      nature: '>=',
      target: '300',
      unit: '户',
      actual: '320',
      weight: '50',
      score: '50',
      deviationNote: '',
      evidence: '帮扶台账',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '受助职工满意度',
      nature: '>=',
      target: '90',
      unit: '%',
      actual: '',
      weight: '40',
      score: null,
      deviationNote: '',
      evidence: '',
    },
  ];
  content.conclusion = { totalScore: '57.5', grade: 'poor', basis: '' };
  content.preparers = { preparer: '李编制', phone: '0311-84944000', filledOn: '', unitHead: '', financeHead: '' };
  return viewOf(content, {
    id: PROJECT_REPORT_ID,
    totalScore: '57.5',
    grade: 'poor',
    gradeLabel: '差',
    executionRate: '75.00',
    ...overrides,
  });
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
