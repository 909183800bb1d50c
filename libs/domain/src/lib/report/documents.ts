/**
 * The official documents rendered from a report: formats, the template's version (part of every
 * document's identity, so a new layout renders anew), editions and file names.
 */
export const DOCUMENT_FORMATS = ['docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];
export const DOCUMENT_TEMPLATE_VERSION = 1;
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
export type DocumentWatermark = '草稿' | '送审稿';

export function isDocumentFormat(value: unknown): value is DocumentFormat {
  return typeof value === 'string' && (DOCUMENT_FORMATS as readonly string[]).includes(value);
}

/** As a county office names the file: 赵县总工会2024年度整体支出绩效自评报告.pdf */
export function documentFileName(departmentName: string, fiscalYear: number, format: DocumentFormat): string {
  return `${departmentName}${fiscalYear}年度整体支出绩效自评报告.${format}`;
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
