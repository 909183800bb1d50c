import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_TEMPLATE_VERSION,
  documentFileName as domainDocumentFileName,
  type DocumentFormat as DomainDocumentFormat,
  type DocumentWatermark,
  type GradeBand,
  type ReportContent,
} from '@evalflow/domain';
import type { FontPaths } from './fonts';

/**
 * The layout's version, part of every stored document's identity (a new layout renders anew). It is
 * the domain's DOCUMENT_TEMPLATE_VERSION, which the API uses without loading the renderers: bump that
 * one when the layout changes.
 */
export const TEMPLATE_VERSION: number = DOCUMENT_TEMPLATE_VERSION;

export type DocumentFormat = DomainDocumentFormat;

export const CONTENT_TYPES: Record<DocumentFormat, string> = DOCUMENT_CONTENT_TYPES;

export interface RenderInput {
  content: ReportContent;
  fiscalYear: number;
  departmentName: string;
  gradeBands: GradeBand[];
  /** null on an approved revision; otherwise 草稿 (draft content) or 送审稿 (a submitted revision) */
  watermark: DocumentWatermark | null;
  approval: { approverName: string; approvedAt: string /* ISO */ } | null;
}

export interface RenderOptions {
  /** the faces the PDF uses; found on the system (findFonts) when absent. The DOCX names Windows fonts. */
  fonts?: FontPaths;
  /** 0–100, rising */
  onProgress?: (percent: number) => void;
}

/** As a county office names the file: 赵县总工会2024年度整体支出绩效自评报告.pdf */
export function documentFileName(
  input: Pick<RenderInput, 'departmentName' | 'fiscalYear'>,
  format: DocumentFormat,
): string {
  return domainDocumentFileName(input.departmentName, input.fiscalYear, format);
}
