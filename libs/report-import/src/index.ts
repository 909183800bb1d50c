export * from './lib/source-document';
export * from './lib/import-refused';
export * from './lib/figures';
export * from './lib/headings';
export * from './lib/txt';
export * from './lib/score-table';
export * from './lib/docx/read-docx';
export { DEFAULT_DOCX_LIMITS, type DocxLimits } from './lib/docx/docx-package';
export * from './lib/import-result';
