import type {
  CheckSummary,
  CommentSide,
  CommentThreadStatus,
  DeadlineState,
  DelegableRole,
  DocumentFormat,
  DocumentStatus,
  DocumentWatermark,
  GradeKey,
  ReportKind,
  ReportPart,
  ReportStatus,
  TemplateDefinition,
  TransitionAction,
} from '@evalflow/domain';

export interface ReportDeadline {
  /** YYYY-MM-DD */
  dueOn: string;
  state: DeadlineState;
  /** Days until the due date; negative once it has passed. */
  daysLeft: number;
}

/** A report as lists show it (GET /api/reports). */
export interface ReportSummaryView {
  id: string;
  tenantId: string;
  departmentId: string;
  departmentName: string;
  fiscalYear: number;
  kind: ReportKind;
  /** 项目编码 and 项目名称 of a 项目支出绩效自评表; null for a 部门整体 report. */
  projectCode: string | null;
  projectName: string | null;
  status: ReportStatus;
  /** Bumped by every part write and transition; transitions name it as expectedVersion. */
  version: number;
  schemaVersion: number;
  totalScore: string | null;
  grade: GradeKey | null;
  gradeLabel: string | null;
  executionRate: string | null;
  createdAt: string;
  updatedAt: string;
  /** null when the county has set no deadline for the year. */
  deadline: ReportDeadline | null;
  /** Open comment threads. */
  openComments: number;
}

export interface ReportPage {
  items: ReportSummaryView[];
  nextCursor: string | null;
}

export interface PartView {
  part: ReportPart;
  version: number;
  content: unknown;
  updatedAt: string;
  updatedBy: string | null;
}

export interface HeadSignOff {
  name: string;
  at: string;
  /** Signed the content as it is now (no edit since). */
  current: boolean;
}

/** The template version a report pinned when it was created: its outline, framework, scoring, rules and bands. */
export interface PinnedTemplateView {
  versionId: string;
  templateId: string;
  version: number;
  name: string;
  /** One of the built-in templates every county starts from. */
  builtin: boolean;
  definition: TemplateDefinition;
}

/** The whole report (GET /api/reports/:id). */
export interface ReportView extends ReportSummaryView {
  /** The county's form the report follows (its parts, their headings, the checks and the scoring). */
  template: PinnedTemplateView;
  /** The parts of the report's kind (partsOf), by part. */
  parts: Partial<Record<ReportPart, PartView>>;
  prefilledFrom: string | null;
  carriedOver: Array<{ path: string; note: string }>;
  /** What the caller may do now (buttons). */
  availableActions: TransitionAction[];
  /** Offered actions the API would refuse for who the caller is (四眼原则), with the reason. */
  actionBlocks?: Partial<Record<TransitionAction, string>>;
  /** Whom the caller may act for today as a stand-in (代理人). */
  standInFor?: Array<{ userId: string; name: string; role: DelegableRole }>;
  signOff: { required: boolean; head: HeadSignOff | null };
  /** The caller is the department's head and the report is a draft or returned. */
  canSignOff: boolean;
}

/** GET /api/reports/:id/checks */
export interface ChecksView extends CheckSummary {
  reportId: string;
  version: number;
  previousYear: { reportId: string; fiscalYear: number } | null;
}

/** The first comment of an open thread, as listed with a return. */
export interface OpenComment {
  id: string;
  part: ReportPart;
  fieldPath: string | null;
  body: string;
}

export interface TransitionResult {
  report: ReportSummaryView;
  transition: { id: string; action: TransitionAction; from: ReportStatus; to: ReportStatus; reason: string | null };
  revision: { id: string; number: number } | null;
  openComments?: OpenComment[];
}

/** One entry of GET /api/reports/:id/history. */
export interface HistoryEntry {
  id: string;
  action: TransitionAction;
  from: ReportStatus;
  to: ReportStatus;
  reason: string | null;
  actorName: string;
  /** The principal a stand-in acted for (代理), if one did. */
  onBehalfOfName?: string | null;
  /** Who acted as shown: 「张三（代李四）」 for a stand-in. */
  actorLabel?: string;
  occurredAt: string;
  /** The revision a submission froze. */
  revision: number | null;
  /** The open threads that went with a return. */
  openComments: OpenComment[];
}

export interface RevisionView {
  id: string;
  /** one sequence for submissions and imports */
  number: number;
  /** submit: the content a submission froze; import: the draft's content an import replaced */
  reason: 'submit' | 'import';
  reportVersion: number;
  createdAt: string;
  createdBy: string | null;
  signOffs: {
    head: { name: string; at: string } | null;
    team: { members: string[]; confirmedBy: string; at: string } | null;
  };
}

export type DiffChange =
  | { kind: 'changed'; path: string; from: unknown; to: unknown }
  | { kind: 'added'; path: string; to: unknown }
  | { kind: 'removed'; path: string; from: unknown };

export interface DiffView {
  from: number;
  to: number;
  changes: DiffChange[];
}

export type ThreadStatus = CommentThreadStatus;

export interface CommentView {
  id: string;
  body: string;
  authorName: string;
  side: CommentSide;
  createdAt: string;
}

/** A comment thread anchored to a part and optionally to a field path inside it. */
export interface CommentThread {
  id: string;
  reportId: string;
  part: ReportPart;
  /** e.g. budget.lines.2.amount; null for the part as a whole */
  fieldPath: string | null;
  /** The revision under review when the thread was started. */
  revisionNumber: number | null;
  status: ThreadStatus;
  version: number;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  /** Oldest first; the first one opened the thread. */
  comments: CommentView[];
}

/** An official document (DOCX or PDF) of a report, as GET /api/documents/:id answers it. */
export interface DocumentView {
  id: string;
  reportId: string;
  format: DocumentFormat;
  /** r<n>: submitted revision n; r<n>-approved: revision n with the approval; v<n>: the draft at version n. */
  edition: string;
  revisionNumber: number | null;
  templateVersion: number;
  watermark: DocumentWatermark | null;
  status: DocumentStatus;
  /** 0–100 */
  progress: number;
  sha256: string | null;
  sizeBytes: number | null;
  /** As the county names it: 赵县总工会2024年度整体支出绩效自评报告.pdf */
  fileName: string;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}
