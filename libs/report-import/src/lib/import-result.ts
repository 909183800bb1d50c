import type { ProjectIdentity, ReportContent, ReportKind, TemplateDefinition } from '@evalflow/domain';
import type { SourceDocument, SourceSpan } from './source-document';

/**
 * What an import makes of a document: a whole content of the chosen kind (the parts it could fill, the
 * rest as an empty report has them), where each filled value came from, which values were inferred rather
 * than read, and what could not be placed — never dropped silently.
 */
export interface ImportInput {
  document: SourceDocument;
  kind: ReportKind;
  /** the template the draft follows: its outline names the parts the document's headings are matched to */
  template: TemplateDefinition;
  fiscalYear: number;
  departmentName: string;
  /** for a 项目 report: the project it is about (its code and name are the report's key, never read from the file) */
  project?: ProjectIdentity;
}

export interface UnplacedBlock {
  /** the block of the document (a paragraph or a table) */
  block: number;
  /** its first characters, for the list the clerk reads */
  excerpt: string;
  /** why it was left out, in Chinese: 「未归入任何部分的文字」, 「未识别的表格」… */
  reason: string;
}

export interface ImportResult {
  content: ReportContent;
  /** value path in the content (e.g. scoreTable.indicators.0.weight, basicInfo.functions.0) → its source */
  sources: Record<string, SourceSpan>;
  /** value paths filled by inference (a sum, a unit assumed from a header, a part matched by content only) */
  inferred: string[];
  unplaced: UnplacedBlock[];
  /** the parts that received anything from the document */
  filledParts: string[];
}
