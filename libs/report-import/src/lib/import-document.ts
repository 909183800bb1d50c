import type { ProjectInfoPart, ReportContent, ReportKind, TemplateDefinition } from '@evalflow/domain';
import { importReport } from './assemble/import-report';
import { DEFAULT_DOCX_LIMITS, DocxPackage } from './docx/docx-package';
import type { ImportResult } from './import-result';
import type { SourceDocument } from './source-document';
import { readTxt } from './txt';

/**
 * A document made into a whole content of the report's kind by importReport: parts matched to the template's
 * headings, tables by their header words, the 绩效自评表 by the sheet reader, each value with its source, and
 * every block it could not place listed. The import replaces the draft's content (the job keeps the draft
 * as a revision first); a project table keeps its own 项目编码 and name, never read from the file.
 */
export function importDocument(
  document: SourceDocument,
  kind: ReportKind,
  template: TemplateDefinition,
  context: { fiscalYear: number; departmentName: string; current: ReportContent },
): ImportResult {
  const info = kind === 'project' ? (context.current as { projectInfo?: ProjectInfoPart }).projectInfo : undefined;
  return importReport({
    document,
    kind,
    template,
    fiscalYear: context.fiscalYear,
    departmentName: context.departmentName,
    ...(info
      ? {
          project: {
            code: info.code,
            name: info.name,
            supervisingDepartment: info.supervisingDepartment,
            implementingUnit: info.implementingUnit,
          },
        }
      : {}),
  });
}

/** The formats an import takes, by the upload's media type. */
export const IMPORT_MEDIA_TYPES = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
} as const;
export type ImportFormat = (typeof IMPORT_MEDIA_TYPES)[keyof typeof IMPORT_MEDIA_TYPES];

/**
 * What can be checked of an upload at once, without parsing it: the size, a .doc or a password-protected
 * file (OLE magic), a zip that is not one or would inflate too far (its central directory), text that does
 * not decode or is over the line limits. Throws ImportRefused; parsing is left to the job.
 */
export async function precheckImportFile(format: ImportFormat, data: Buffer): Promise<void> {
  // an .xlsx is a zip too: the same bounds before anything is inflated
  if (format === 'docx' || format === 'xlsx') await DocxPackage.open(data, DEFAULT_DOCX_LIMITS);
  else readTxt(data);
}
