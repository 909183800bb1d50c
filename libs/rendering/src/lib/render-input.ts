import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_TEMPLATE_VERSION,
  documentFileName as domainDocumentFileName,
  type DocumentFormat as DomainDocumentFormat,
  type DocumentSubject,
  type DocumentWatermark,
  type GradeBand,
  type ReportContent,
  type TemplateDefinition,
} from '@evalflow/domain';
import type { FontPaths } from './fonts';
import type { RenderLimits } from './limits';

/**
 * The layout's version, part of every stored document's identity (a new layout renders anew). It is
 * the domain's DOCUMENT_TEMPLATE_VERSION, which the API uses without loading the renderers: bump that
 * one when the layout changes.
 */
export const TEMPLATE_VERSION: number = DOCUMENT_TEMPLATE_VERSION;

export type DocumentFormat = DomainDocumentFormat;

export const CONTENT_TYPES: Record<DocumentFormat, string> = DOCUMENT_CONTENT_TYPES;

/** What the template editor's preview is marked with: it is no report's document. */
export const TEMPLATE_PREVIEW_WATERMARK = '模板预览';

/** A stored document's watermark (the domain's), or the template preview's, which is never stored. */
export type RenderWatermark = DocumentWatermark | typeof TEMPLATE_PREVIEW_WATERMARK;

export interface RenderInput {
  /** either kind: a 部门整体 report or a 项目支出绩效自评表 (content.kind) */
  content: ReportContent;
  /**
   * The template version the report pins, of the content's kind: the outline (headings, their numbering,
   * which sections and in what order), the title pattern, the 附件 label and the 绩效自评表's title.
   */
  template: TemplateDefinition;
  fiscalYear: number;
  departmentName: string;
  /** the template's grade bands, else the county's */
  gradeBands: GradeBand[];
  /** null on an approved revision; otherwise 草稿 (draft content) or 送审稿 (a submitted revision) */
  watermark: RenderWatermark | null;
  /** the approval of an approved revision: who, when, and the 审批意见 the approver wrote (if any) */
  approval: { approverName: string; approvedAt: string /* ISO */; opinion?: string | null } | null;
  /** a line at the top of every page (the public version's 「公开版 · 随决算公开 · 2025年8月1日」); absent: none */
  notice?: string | null;
}

export interface RenderOptions {
  /** the faces the PDF uses; found on the system (findFonts) when absent. The DOCX names Windows fonts. */
  fonts?: FontPaths;
  /** 0–100, rising */
  onProgress?: (percent: number) => void;
  /**
   * Pages and bytes a document may have (DEFAULT_RENDER_LIMITS where absent); over either, the render
   * rejects with RenderLimitExceeded. Time and memory are bounded by running it in a thread (IsolatedRenderer).
   */
  limits?: Partial<RenderLimits>;
}

/** What a document's name is made of: the kind, the department, the year and, for a project table, the project. */
export function documentSubject(
  input: Pick<RenderInput, 'content' | 'departmentName' | 'fiscalYear'>,
): DocumentSubject {
  const { content, departmentName, fiscalYear } = input;
  return {
    kind: content.kind,
    departmentName,
    fiscalYear,
    projectName: content.kind === 'project' ? content.projectInfo.name : null,
  };
}

/**
 * As a county office names the file: 赵县总工会2024年度整体支出绩效自评报告.pdf, or for a project table
 * 赵县总工会2024年度…项目支出绩效自评表.pdf (the domain's documentFileName).
 */
export function documentFileName(
  input: Pick<RenderInput, 'content' | 'departmentName' | 'fiscalYear'>,
  format: DocumentFormat,
): string {
  return domainDocumentFileName(documentSubject(input), format);
}
