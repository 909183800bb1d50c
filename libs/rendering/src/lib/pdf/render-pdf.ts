import type { Content, ContentText, TableCell as PdfTableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { findFonts, type FontFile, type FontPaths } from '../fonts';
import {
  BODY_CHARACTER_SPACING,
  CELL_PADDING,
  FOOTER_GAP_MM,
  FORM_TITLE_PITCH,
  LINE_PITCH,
  MARGIN_MM,
  PT_PER_MM,
  SIZE,
  SPACE_BEFORE,
  TABLE_PITCH,
  TEXT_WIDTH_PT,
  TITLE_PITCH,
} from '../layout';
import {
  assertBytesWithin,
  assertPagesWithin,
  renderLimitsOf,
  RenderLimitExceeded,
  type RenderLimits,
} from '../limits';
import { buildReportDocument } from '../model/build';
import {
  blockTexts,
  type Block,
  type ReportDocument,
  type Span,
  type TableModel,
  type Typeface,
} from '../model/document';
import type { RenderInput, RenderOptions } from '../render-input';
import { faceDescriptor, loadFace, type CachedFace } from './font-cache';
import { PdfPrinter, URLResolver } from './pdfmake-internals';

/** pdfmake font names: one per typeface, then the fallbacks. */
const FAMILY: Record<Typeface, string> = { title: 'Title', body: 'Body', heading: 'Heading', kai: 'Kai' };
const fallbackFamily = (i: number) => `Fallback${i}`;

/** Nothing is fetched or read while a document is laid out: fonts come from the cache, there are no images. */
const denyAll = () => false;
const NO_FILES = {
  existsSync: () => false,
  readFileSync: () => {
    throw new Error('no file access while rendering');
  },
  writeFileSync: () => {
    throw new Error('no file access while rendering');
  },
};

/** The faces of one set of fonts: the four typefaces at once, each fallback when first needed. */
class Faces {
  readonly primary: Record<Typeface, CachedFace>;
  private readonly loaded: Array<CachedFace | undefined> = [];

  constructor(private readonly fonts: FontPaths) {
    this.primary = {
      title: loadFace(fonts.title),
      body: loadFace(fonts.body),
      heading: loadFace(fonts.heading),
      kai: loadFace(fonts.kai),
    };
  }

  get fallbackCount(): number {
    return this.fonts.fallbacks.length;
  }

  fallback(i: number): CachedFace {
    return (this.loaded[i] ??= loadFace(this.fonts.fallbacks[i]));
  }

  /** the index of the first fallback that has the character */
  fallbackFor(codePoint: number): number {
    for (let i = 0; i < this.fallbackCount; i++) if (this.fallback(i).hasGlyph(codePoint)) return i;
    return -1;
  }
}

const mm = (value: number) => value * PT_PER_MM;

/**
 * The PDF of a report: A4 after GB/T 9704, fonts embedded (subset), page numbers 「- 1 -」, the watermark.
 * Held to its limits: the estimate of its pages before anything is laid out, then each page as pdfmake
 * adds it (the layout stops at the first page over the limit), then the bytes as they are written.
 */
export async function renderPdf(input: RenderInput, options: RenderOptions = {}): Promise<Buffer> {
  const progress = progressReporter(options.onProgress);
  progress(0);
  const limits = renderLimitsOf(options.limits);
  // refused on its estimate before the fonts are even parsed
  const document = buildReportDocument(input);
  assertPagesWithin(document, limits);
  const fonts = options.fonts ?? findFonts();
  const faces = new Faces(fonts);
  progress(10);
  const definition = pdfDefinition(document, new Typesetter(faces), limits);
  const printer = new PdfPrinter(fontDescriptors(fonts), NO_FILES, urlResolver(), denyAll);
  const pdf = await printer.createPdfKitDocument(definition, {
    // pages are rendered after layout: 20–95 %
    progressCallback: (done) => progress(20 + done * 75),
  });
  const buffer = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    pdf.on('data', (chunk) => {
      if (over) return;
      size += chunk.length;
      if (size > limits.maxBytes) {
        over = true;
        chunks.length = 0;
        reject(new RenderLimitExceeded('bytes', limits.maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    pdf.on('end', () => {
      if (over) return;
      const whole = Buffer.concat(chunks);
      try {
        assertBytesWithin(whole.length, limits);
        resolve(whole);
      } catch (error) {
        reject(error);
      }
    });
    pdf.on('error', reject);
    pdf.end();
  });
  progress(100);
  return buffer;
}

/**
 * The characters of the report that no font of the PDF has (they would print as empty boxes): none for
 * text in GB 18030's common range; a rare character in a name may be one.
 */
export function uncoveredCharacters(input: RenderInput, options: Pick<RenderOptions, 'fonts'> = {}): string[] {
  const faces = new Faces(options.fonts ?? findFonts());
  const primary = Object.values(faces.primary);
  const missing = new Set<string>();
  for (const block of buildReportDocument(input).blocks) {
    for (const text of blockTexts(block)) {
      for (const char of text) {
        const codePoint = char.codePointAt(0) as number;
        if (/\s/.test(char) || primary.some((face) => face.hasGlyph(codePoint))) continue;
        if (faces.fallbackFor(codePoint) < 0) missing.add(char);
      }
    }
  }
  return [...missing];
}

function urlResolver(): InstanceType<typeof URLResolver> {
  const resolver = new URLResolver(NO_FILES);
  resolver.setUrlAccessPolicy(denyAll);
  return resolver;
}

function fontDescriptors(fonts: FontPaths): Record<string, { normal: string; bold: string }> {
  const entry = (file: FontFile) => ({ normal: faceDescriptor(file), bold: faceDescriptor(file) });
  const descriptors: Record<string, { normal: string; bold: string }> = {
    [FAMILY.title]: entry(fonts.title),
    [FAMILY.body]: entry(fonts.body),
    [FAMILY.heading]: entry(fonts.heading),
    [FAMILY.kai]: entry(fonts.kai),
  };
  fonts.fallbacks.forEach((file, i) => (descriptors[fallbackFamily(i)] = entry(file)));
  return descriptors;
}

function progressReporter(onProgress: RenderOptions['onProgress']): (percent: number) => void {
  let last = -1;
  return (percent) => {
    const rounded = Math.min(100, Math.round(percent));
    if (!onProgress || rounded <= last) return;
    last = rounded;
    onProgress(rounded);
  };
}

interface Style {
  size: number;
  /** the distance from one baseline to the next */
  pitch: number;
  characterSpacing?: number;
}

/** The middle of an ideograph above the baseline, in em: 0.36–0.38 in each face here (measured on 国). */
const IDEOGRAPH_MIDDLE = 0.365;

/**
 * Turns text into pdfmake inlines: each run in the first face that has its characters (the typeface's own,
 * else a fallback), every inline as tall as the line pitch so that lines keep the grid whatever their fonts.
 */
class Typesetter {
  constructor(private readonly faces: Faces) {}

  /**
   * How far to move lines of the typeface down (pt; negative is up) so that its ideographs sit in the middle
   * of the pitch: pdfkit puts the baseline one ascender below the line's top, and the faces' ascenders differ
   * (黑体's is 1.16 em, 仿宋's 0.9), so a 黑体 table head would otherwise sit on the cell's lower rule.
   */
  centring(typeface: Typeface, style: Style): number {
    const ascender = this.faces.primary[typeface].ascender / 1000;
    return style.pitch / 2 - (ascender - IDEOGRAPH_MIDDLE) * style.size;
  }

  inlines(spans: Span[], typeface: Typeface, style: Style): ContentText[] {
    return spans.flatMap((span) => this.runs(span.text, span.typeface ?? typeface, style));
  }

  private runs(text: string, typeface: Typeface, style: Style): ContentText[] {
    const primary = this.faces.primary[typeface];
    const runs: Array<{ face: CachedFace; family: string; text: string }> = [];
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      let face = primary;
      let family = FAMILY[typeface];
      if (!/\s/.test(char) && !primary.hasGlyph(codePoint)) {
        const i = this.faces.fallbackFor(codePoint);
        // a character no face has stays in the primary face (an empty box); uncoveredCharacters() lists them
        if (i >= 0) [face, family] = [this.faces.fallback(i), fallbackFamily(i)];
      }
      const last = runs[runs.length - 1];
      if (last && last.family === family) last.text += char;
      else runs.push({ face, family, text: char });
    }
    return runs.map(({ face, family, text: run }) => ({
      text: run,
      font: family,
      fontSize: style.size,
      lineHeight: style.pitch / face.lineHeight(style.size),
      characterSpacing: style.characterSpacing ?? 0,
    }));
  }
}

const BODY_STYLE: Style = { size: SIZE.body, pitch: LINE_PITCH, characterSpacing: BODY_CHARACTER_SPACING };
/** two characters of body text */
const INDENT = 2 * (SIZE.body + BODY_CHARACTER_SPACING);
const HEADING_TYPEFACE: Record<1 | 2 | 3, Typeface> = { 1: 'heading', 2: 'kai', 3: 'body' };
const PAGE_NUMBER_STYLE = 'pageNumber';
/** the disclosure line: 五号, 15 mm from the top edge (in the 37 mm margin) */
const NOTICE_SIZE = 10.5;
const NOTICE_TOP_MM = 15;

/**
 * Stops the layout at the first page over the limit: pdfmake asks for each page's background as it adds
 * the page (every pass of its layout starts again at page 1).
 */
function pageCounter(limits: RenderLimits): (page: number) => null {
  return (page) => {
    if (page > limits.maxPages) throw new RenderLimitExceeded('pages', limits.maxPages);
    return null;
  };
}

function pdfDefinition(document: ReportDocument, typesetter: Typesetter, limits: RenderLimits): TDocumentDefinitions {
  const content: Content[] = [];
  let breakBefore = false;
  /** headings and captions waiting for what follows them */
  let pending: Content[] = [];
  const emit = (nodes: Content[]) => {
    if (nodes.length === 0) return;
    if (breakBefore) (nodes[0] as { pageBreak?: string }).pageBreak = 'before';
    breakBefore = false;
    content.push(...nodes);
  };
  for (const block of document.blocks) {
    if (block.kind === 'pageBreak') {
      emit(pending);
      pending = [];
      breakBefore = true;
      continue;
    }
    const node = blockContent(block, typesetter);
    if (block.kind === 'heading' || isCaption(block)) {
      pending.push(node);
    } else if (block.kind === 'table' && block.table.keepTogether) {
      // a table sure to fit a page stays on one, with the headings above it (pdfmake drops what does not fit
      // of an unbreakable block, and reports its nodes on the page it started on: pageBreakBefore cannot help)
      emit([{ stack: [...pending, node], unbreakable: true }]);
      pending = [];
    } else {
      emit([...pending, node]);
      pending = [];
    }
  }
  emit(pending);
  const pageNumberStyle: Style = { size: SIZE.pageNumber, pitch: SIZE.pageNumber * 1.25 };
  const noticeStyle: Style = { size: NOTICE_SIZE, pitch: NOTICE_SIZE * 1.25 };
  return {
    pageSize: 'A4',
    pageMargins: [mm(MARGIN_MM.left), mm(MARGIN_MM.top), mm(MARGIN_MM.right), mm(MARGIN_MM.bottom)],
    language: 'zh-CN',
    info: {
      title: document.title,
      author: document.author,
      subject: document.subject,
      creator: 'EvalFlow',
      producer: 'EvalFlow (pdfmake)',
    },
    defaultStyle: { font: FAMILY.body, fontSize: SIZE.body },
    content,
    background: pageCounter(limits),
    // 「- 1 -」: odd pages to the right, even pages to the left, one character in from the text block
    footer: (page: number) => ({
      style: PAGE_NUMBER_STYLE,
      text: typesetter.inlines([{ text: `- ${page} -` }], 'body', pageNumberStyle),
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [mm(MARGIN_MM.left) + SIZE.pageNumber, mm(FOOTER_GAP_MM), mm(MARGIN_MM.right) + SIZE.pageNumber, 0],
    }),
    // the disclosure line of a public version, on every page above the text block
    ...(document.notice
      ? {
          header: () => ({
            style: PAGE_NUMBER_STYLE,
            text: typesetter.inlines([{ text: document.notice as string }], 'heading', noticeStyle),
            alignment: 'center',
            color: '#707070',
            margin: [mm(MARGIN_MM.left), mm(NOTICE_TOP_MM), mm(MARGIN_MM.right), 0],
          }),
        }
      : {}),
    ...(document.watermark
      ? {
          watermark: {
            text: document.watermark,
            font: FAMILY.heading,
            fontSize: document.watermark.length > 2 ? 110 : 150,
            color: '#9a9a9a',
            opacity: 0.18,
            angle: -45,
          },
        }
      : {}),
    // a heading or caption is never the last thing on a page (page numbers are not content)
    pageBreakBefore: (node, nodes) =>
      Boolean(node.headlineLevel) &&
      nodes.getFollowingNodesOnPage().every((following) => following.style === PAGE_NUMBER_STYLE),
    styles: { [PAGE_NUMBER_STYLE]: {} },
  };
}

/** a table's caption: a centred line in the heading face */
function isCaption(block: Block): boolean {
  return block.kind === 'line' && block.align === 'center' && block.spans.every((s) => s.typeface === 'heading');
}

function blockContent(block: Exclude<Block, { kind: 'pageBreak' }>, typesetter: Typesetter): Content {
  switch (block.kind) {
    case 'attachment':
      return { text: typesetter.inlines([{ text: block.text }], 'heading', { size: SIZE.body, pitch: LINE_PITCH }) };
    case 'title': {
      const main = block.size === 'main';
      const style: Style = main
        ? { size: SIZE.title, pitch: TITLE_PITCH }
        : { size: SIZE.formTitle, pitch: FORM_TITLE_PITCH };
      return {
        stack: block.lines.map((line) => ({
          text: typesetter.inlines([{ text: line }], 'title', style),
          alignment: 'center',
        })),
        // GB/T 9704: an empty line above and below the title
        margin: main ? [0, LINE_PITCH, 0, LINE_PITCH] : [0, 0, 0, 4],
      };
    }
    case 'heading':
      return {
        text: typesetter.inlines([{ text: block.text }], HEADING_TYPEFACE[block.level], BODY_STYLE),
        leadingIndent: INDENT,
        alignment: 'justify',
        headlineLevel: block.level,
      };
    case 'paragraph':
      return { text: typesetter.inlines(block.spans, 'body', BODY_STYLE), leadingIndent: INDENT, alignment: 'justify' };
    case 'line': {
      const style: Style = block.size === 'body' ? BODY_STYLE : { size: SIZE.table, pitch: TABLE_PITCH.normal };
      const indent = (block.indentChars ?? 0) * style.size;
      return {
        text: typesetter.inlines(block.spans, 'body', style),
        alignment: block.align,
        margin: [
          block.align === 'left' ? indent : 0,
          block.spaceBefore ? SPACE_BEFORE[block.size] : 0,
          block.align === 'right' ? indent : 0,
          0,
        ],
        ...(isCaption(block) ? { headlineLevel: 4 } : {}),
      };
    }
    case 'table':
      return tableContent(block.table, typesetter);
  }
}

const RULE = 0.5;

function tableContent(table: TableModel, typesetter: Typesetter): Content {
  const size = table.size === 'normal' ? SIZE.table : SIZE.small;
  const style: Style = { size, pitch: table.dense ? TABLE_PITCH.dense : TABLE_PITCH[table.size] };
  const padding = CELL_PADDING[table.dense ? 'dense' : 'normal'];
  const columns = table.widths.length;
  const available = TEXT_WIDTH_PT - columns * 2 * padding.x - (columns + 1) * RULE;
  const total = table.widths.reduce((a, b) => a + b, 0);
  const widths = table.widths.map((w) => (available * w) / total);
  const body: PdfTableCell[][] = table.rows.map((row) =>
    row.map((cell) => {
      if (!cell) return {};
      const typeface: Typeface = cell.head ? 'heading' : 'body';
      const shift = typesetter.centring(typeface, style);
      return {
        text: typesetter.inlines([{ text: cell.text }], typeface, style),
        alignment: cell.align ?? 'center',
        // as the DOCX centres its cells: a label merged down several rows sits in their middle
        verticalAlignment: 'middle',
        // the text moved, the cell's height kept
        margin: [0, shift, 0, -shift],
        ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
        ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
      };
    }),
  );
  return {
    table: {
      widths,
      headerRows: table.headerRows,
      dontBreakRows: true,
      body,
      ...(table.minRowHeight
        ? { heights: (row: number) => (row < table.headerRows ? 'auto' : (table.minRowHeight as number)) }
        : {}),
    },
    layout: {
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
      paddingLeft: () => padding.x,
      paddingRight: () => padding.x,
      paddingTop: () => padding.y,
      paddingBottom: () => padding.y,
    },
    margin: [0, 2, 0, 8],
  };
}
