import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/*
 * The parts of pdfmake 0.3 (and of the pdfkit document under it) the PDF renderer uses beyond the
 * documented `pdfmake.createPdf`: the printer (fonts and progress per document, no global state) and
 * pdfmake's PDFDocument, whose font loading is cached per process (font-cache.ts). pdfmake ships these
 * modules without types; the interfaces below are as much of them as is used.
 */

/** fontkit's font, as far as it is used here */
export interface FontkitFont {
  readonly postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** pdfkit's EmbeddedFont: a font as one document uses it (its own subset and ids) */
export interface EmbeddedFont {
  readonly font: FontkitFont;
  /** 1/1000 em */
  readonly ascender: number;
  readonly descender: number;
  readonly name: string;
}

export type FontDescriptor = Partial<Record<'normal' | 'bold' | 'italics' | 'bolditalics', unknown>>;

/** pdfmake's PDFDocument (a pdfkit document) */
export interface PdfmakeDocument {
  fonts: Record<string, FontDescriptor>;
  fontCache: Record<string, Partial<Record<string, EmbeddedFont>>>;
  /** pdfkit: the fonts finalised (subset and embedded) when the document ends */
  _fontFamilies: Record<string, EmbeddedFont>;
  _fontCount: number;
  _font: EmbeddedFont | null;
  font(src: Uint8Array, family?: string): PdfmakeDocument;
  getFontType(bold: boolean, italics: boolean): string;
  provideFont(familyName: string, bold: boolean, italics: boolean): EmbeddedFont;
}

export interface PdfmakeDocumentClass {
  new (
    fonts: Record<string, FontDescriptor>,
    images: Record<string, unknown>,
    patterns: Record<string, unknown>,
    attachments: Record<string, unknown>,
    options: Record<string, unknown>,
    virtualfs: unknown,
    localAccessPolicy?: (path: string) => boolean,
  ): PdfmakeDocument;
  prototype: PdfmakeDocument;
}

export interface PdfKitStream {
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  end(): void;
}

export interface PdfPrinterClass {
  new (
    fontDescriptors: Record<string, { normal: string; bold?: string; italics?: string; bolditalics?: string }>,
    virtualfs: unknown,
    urlResolver: unknown,
    localAccessPolicy?: (path: string) => boolean,
  ): {
    createPdfKitDocument(
      docDefinition: TDocumentDefinitions,
      options?: { progressCallback?: (progress: number) => void },
    ): Promise<PdfKitStream>;
  };
}

export interface UrlResolverClass {
  new (virtualfs: unknown): { setUrlAccessPolicy(callback: (url: string) => boolean): void };
}

// untyped modules of pdfmake, typed above
export const PdfmakeDocument: PdfmakeDocumentClass = require('pdfmake/js/PDFDocument').default;
export const PdfPrinter: PdfPrinterClass = require('pdfmake/js/Printer').default;
export const URLResolver: UrlResolverClass = require('pdfmake/js/URLResolver').default;
