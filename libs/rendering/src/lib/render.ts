import { renderDocx } from './docx/render-docx';
import { renderPdf } from './pdf/render-pdf';
import type { DocumentFormat, RenderInput, RenderOptions } from './render-input';

/** The document of a report in the format asked for. */
export function renderDocument(format: DocumentFormat, input: RenderInput, options?: RenderOptions): Promise<Buffer> {
  switch (format) {
    case 'docx':
      return renderDocx(input, options);
    case 'pdf':
      return renderPdf(input, options);
    default:
      return Promise.reject(new Error(`unknown document format: ${String(format)}`));
  }
}
