export {
  TEMPLATE_VERSION,
  CONTENT_TYPES,
  documentFileName,
  documentSubject,
  type DocumentFormat,
  TEMPLATE_PREVIEW_WATERMARK,
  type RenderInput,
  type RenderOptions,
  type RenderWatermark,
} from './lib/render-input';
export { findFonts, type FontFile, type FontPaths } from './lib/fonts';
export { renderDocx } from './lib/docx/render-docx';
export { renderPdf, uncoveredCharacters } from './lib/pdf/render-pdf';
export { renderDocument } from './lib/render';
export {
  DEFAULT_RENDER_LIMITS,
  estimatePages,
  RenderLimitExceeded,
  type RenderLimitKind,
  type RenderLimits,
} from './lib/limits';
export {
  IsolatedRenderer,
  RendererClosed,
  RenderThreadFailed,
  type IsolatedRendererOptions,
  type IsolationLimits,
  type RenderThreadEntry,
} from './lib/isolation/isolated-renderer';
export { serveRenderRequests, type RenderThreadHooks } from './lib/isolation/render-thread';
export {
  renderTemplatePreview,
  previewInput,
  TemplatePreviewRefused,
  TEMPLATE_PREVIEW_LIMITS,
  type TemplatePreviewOptions,
} from './lib/preview';
export { dateCell, decimalCell } from './lib/xlsx/cell-values';
