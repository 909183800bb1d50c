import type { ReportKind } from './parts';

/**
 * The official documents rendered from a report: formats, the template's version (part of every
 * document's identity, so a new layout renders anew), editions and file names.
 */
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
/**
 * What a submission or an approval files, in the order its renders are queued: the PDF first (what the
 * submitter waits for and the bureau opens), then the DOCX — one worker renders them one after the other.
 */
export const FILED_DOCUMENT_FORMATS: readonly DocumentFormat[] = ['pdf', 'docx'];
/**
 * The queue's priority of each format's render (BullMQ: a job without one runs before every prioritized job): a
 * DOCX, the editable copy, waits behind every PDF, which users wait for. Under a deadline's load this keeps the PDFs'
 * wait short while the DOCXs catch up (bench:peak).
 */
export const DOCUMENT_RENDER_PRIORITY: Record<DocumentFormat, number | undefined> = { pdf: undefined, docx: 10 };
export const DOCUMENT_TEMPLATE_VERSION = 2;
export const DOCUMENT_STATUSES = ['queued', 'rendering', 'done', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];
export const DOCUMENT_STATUS_LABELS: Record<DocumentStatus, string> = {
  queued: '排队中',
  rendering: '生成中',
  done: '已生成',
  failed: '生成失败',
};
export const DOCUMENT_CONTENT_TYPES: Record<DocumentFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};
/** 公开版: the public version of an approved report (随决算公开) */
export type DocumentWatermark = '草稿' | '送审稿' | '公开版';

/**
 * Why a document failed, kept on its row beside the Chinese message its users see: a limit of the
 * renderer (pages, size, time, memory), a render given up after its job was lost too often, or any
 * other failure of its last attempt. Stable once deployed.
 */
export const DOCUMENT_FAILURE_CODES = [
  'DOCUMENT_TOO_MANY_PAGES',
  'DOCUMENT_TOO_LARGE',
  'DOCUMENT_RENDER_TIMEOUT',
  'DOCUMENT_RENDER_OUT_OF_MEMORY',
  'DOCUMENT_RENDER_ABANDONED',
  'DOCUMENT_RENDER_FAILED',
] as const;
export type DocumentFailureCode = (typeof DOCUMENT_FAILURE_CODES)[number];

/** 50 MB, 1.5 MB, 200 KB */
function byteSize(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Math.round(mb * 10) / 10} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The message a failed document shows, by its code (the bound it passed, where it has one). */
export const DOCUMENT_FAILURE_MESSAGES = {
  DOCUMENT_TOO_MANY_PAGES: (maxPages: number) => `文档超过 ${maxPages} 页，请精简内容后重试`,
  DOCUMENT_TOO_LARGE: (maxBytes: number) => `文档超过 ${byteSize(maxBytes)}，请精简内容后重试`,
  DOCUMENT_RENDER_TIMEOUT: (seconds: number) => `文档生成超时（${seconds} 秒），请稍后重试或精简内容`,
  DOCUMENT_RENDER_OUT_OF_MEMORY: () => '文档生成所需内存超过上限，请精简内容后重试',
  DOCUMENT_RENDER_ABANDONED: () => '文档生成多次中断，已停止；请稍后重新生成',
  DOCUMENT_RENDER_FAILED: (reason: string) => `生成失败：${reason}`,
} as const satisfies Record<DocumentFailureCode, (...args: never[]) => string>;

export function isDocumentFormat(value: unknown): value is DocumentFormat {
  return typeof value === 'string' && (DOCUMENT_FORMATS as readonly string[]).includes(value);
}

/** The report a document is of, as far as its name goes. */
export interface DocumentSubject {
  kind: ReportKind;
  departmentName: string;
  fiscalYear: number;
  /** the project's name, for a 项目支出绩效自评表 */
  projectName?: string | null;
}

/**
 * How messages name a report: 赵县总工会2024年度自评报告, or for a project table
 * 赵县总工会2024年度「困难职工帮扶救助专项资金」项目自评表.
 */
export function reportDisplayName(subject: DocumentSubject): string {
  const { kind, departmentName, fiscalYear } = subject;
  return kind === 'project'
    ? `${departmentName}${fiscalYear}年度「${(subject.projectName ?? '').trim()}」项目自评表`
    : `${departmentName}${fiscalYear}年度自评报告`;
}

/** Characters no file system takes in a name (control characters are dropped as well). */
const UNSAFE_IN_FILE_NAMES = /[\\/:*?"<>|]/g;
const isControl = (c: string) => c.charCodeAt(0) < 0x20;

/**
 * As a county office names the file: 赵县总工会2024年度整体支出绩效自评报告.pdf, or for a project
 * 赵县总工会2024年度困难职工帮扶救助项目支出绩效自评表.pdf.
 */
export function documentFileName(subject: DocumentSubject, format: DocumentFormat): string {
  const { kind, departmentName, fiscalYear } = subject;
  const project = (subject.projectName ?? '').trim();
  const name =
    kind === 'project'
      ? `${departmentName}${fiscalYear}年度${project}${project.endsWith('项目') ? '' : '项目'}支出绩效自评表`
      : `${departmentName}${fiscalYear}年度整体支出绩效自评报告`;
  const safe = [...name.replace(UNSAFE_IN_FILE_NAMES, '_')].filter((c) => !isControl(c)).join('');
  return `${safe.slice(0, 180)}.${format}`;
}

/** An edition of the approved result (with the approval block): what systems pulling results may take. */
export function isApprovedEdition(edition: string): boolean {
  return /^r\d+-approved$/.test(edition);
}

/**
 * Which content a document of a report in this state shows: the latest revision while the finance
 * bureau has it (送审稿), the latest revision with the approval block once approved, the current
 * content of a draft or returned report (草稿).
 */
export function documentEdition(
  status: string,
  latestRevision: number | null,
  reportVersion: number,
): { edition: string; fromRevision: boolean; watermark: DocumentWatermark | null } {
  if (latestRevision && (status === 'submitted' || status === 'in_review')) {
    return { edition: `r${latestRevision}`, fromRevision: true, watermark: '送审稿' };
  }
  if (latestRevision && status === 'approved') {
    return { edition: `r${latestRevision}-approved`, fromRevision: true, watermark: null };
  }
  return { edition: `v${reportVersion}`, fromRevision: false, watermark: '草稿' };
}
