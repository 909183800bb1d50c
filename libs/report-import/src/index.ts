export * from './lib/source-document';
export * from './lib/import-refused';
export * from './lib/figures';
export * from './lib/headings';
export * from './lib/txt';
export * from './lib/score-table';
export * from './lib/docx/read-docx';
export { DEFAULT_DOCX_LIMITS, type DocxLimits } from './lib/docx/docx-package';
export * from './lib/import-result';
export { importReport } from './lib/assemble/import-report';
export {
  matchSections,
  TITLE_MATCH_THRESHOLD,
  SECTION_KEYWORDS,
  type SectionMatch,
} from './lib/assemble/heading-match';
export { dice, normalizeTitle, cleanText, titleSimilarity } from './lib/assemble/text';
export {
  readOrgUnitTable,
  readStaffingTable,
  readBudgetLineTable,
  readTeamTable,
  readHeaderlessTeamTable,
} from './lib/assemble/tables';
export * from './lib/import-document';
