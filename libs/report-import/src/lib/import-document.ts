import type { ConclusionPart, ReportContent, ReportKind, TemplateDefinition } from '@evalflow/domain';
import { DEFAULT_DOCX_LIMITS, DocxPackage } from './docx/docx-package';
import type { ImportResult, UnplacedBlock } from './import-result';
import { readScoreTables } from './score-table';
import type { SourceBlock, SourceDocument } from './source-document';
import { readTxt } from './txt';

/** Why a block is listed as not placed while only the 绩效自评表 is mapped. */
export const NOT_YET_PLACED = '尚未自动归入';
const EXCERPT_LENGTH = 60;

function excerptOf(block: SourceBlock): string {
  const text =
    block.kind === 'paragraph'
      ? block.text
      : block.rows
          .flat()
          .filter((c) => !c.covered && c.text.trim())
          .map((c) => c.text.trim())
          .join(' | ');
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH)}…` : flat;
}

/**
 * A document made into a whole content of the report's kind. Today it fills what the 绩效自评表 gives
 * (项目资金 and indicator rows, a project's 年度总体目标, 总分), keeps every other part as the draft has it,
 * and lists every other block as not placed, so nothing is dropped silently. When importReport (the mapping
 * of the whole document) lands, this becomes `return importReport({ document, kind, template, ...context })`.
 */
export function importDocument(
  document: SourceDocument,
  kind: ReportKind,
  template: TemplateDefinition,
  context: { fiscalYear: number; departmentName: string; current: ReportContent },
): ImportResult {
  void template; // matched against headings once importReport lands
  const read = readScoreTables(document, kind);
  const used = new Set(read?.ok ? read.tables : []);
  const unplaced: UnplacedBlock[] = [];
  for (const block of document.blocks) {
    if (used.has(block.index)) continue;
    const excerpt = excerptOf(block);
    if (!excerpt) continue;
    const failed = read && !read.ok && read.tables.includes(block.index);
    unplaced.push({
      block: block.index,
      excerpt,
      reason:
        failed && read && !read.ok ? `绩效自评表未能读取：${read.errors[0]?.message ?? '格式不符'}` : NOT_YET_PLACED,
    });
  }
  if (!read?.ok) {
    return { content: context.current, sources: {}, inferred: [], unplaced, filledParts: [] };
  }
  const { scoreTable, objectives, totalScore } = read.value;
  const current = context.current as ReportContent & { conclusion: ConclusionPart };
  const content = {
    ...current,
    scoreTable,
    ...(objectives ? { objectives } : {}),
    conclusion: totalScore === undefined ? current.conclusion : { ...current.conclusion, totalScore },
  } as ReportContent;
  const filledParts = ['scoreTable', ...(objectives ? ['objectives'] : []), ...(totalScore ? ['conclusion'] : [])];
  return { content, sources: read.sources, inferred: [], unplaced, filledParts };
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
