export {
  TEMPLATE_VERSION,
  CONTENT_TYPES,
  documentFileName,
  documentSubject,
  type DocumentFormat,
  type RenderInput,
  type RenderOptions,
} from './lib/render-input';
export { findFonts, type FontFile, type FontPaths } from './lib/fonts';
export { renderDocx } from './lib/docx/render-docx';
export { renderPdf, uncoveredCharacters } from './lib/pdf/render-pdf';
export { renderDocument } from './lib/render';
