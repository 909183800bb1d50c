import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  Header,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import {
  BODY_CHARACTER_SPACING,
  CELL_PADDING,
  DOCX_FONTS,
  FOOTER_GAP_MM,
  FORM_TITLE_PITCH,
  LINE_PITCH,
  MARGIN_MM,
  PAGE_MM,
  SIZE,
  SPACE_BEFORE,
  TABLE_PITCH,
  TITLE_PITCH,
} from '../layout';
import { assertBytesWithin, assertPagesWithin, renderLimitsOf } from '../limits';
import { buildReportDocument } from '../model/build';
import type { Align, Block, ReportDocument, Span, TableModel, Typeface } from '../model/document';
import type { RenderInput, RenderOptions } from '../render-input';

/** twentieths of a point (twips) */
const twips = (pt: number) => Math.round(pt * 20);
const twipsFromMm = (mm: number) => Math.round((mm * 1440) / 25.4);
/** half-points, the unit of run sizes */
const halfPoints = (pt: number) => Math.round(pt * 2);

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
};
const HEADING_TYPEFACE: Record<1 | 2 | 3, Typeface> = { 1: 'heading', 2: 'kai', 3: 'body' };

/** The editable DOCX of a report: the same blocks as the PDF, in the fonts county offices have. */
export async function renderDocx(input: RenderInput, options: RenderOptions = {}): Promise<Buffer> {
  options.onProgress?.(0);
  const limits = renderLimitsOf(options.limits);
  const document = buildReportDocument(input);
  // the reader's word processor lays the DOCX out: held to the estimate of its pages
  assertPagesWithin(document, limits);
  options.onProgress?.(20);
  const docx = new Document({
    title: document.title,
    creator: document.author,
    description: document.subject,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf('body'), size: halfPoints(SIZE.body), language: { eastAsia: 'zh-CN' } },
        },
      },
    },
    sections: sections(document),
  });
  options.onProgress?.(50);
  const buffer = await Packer.toBuffer(docx);
  assertBytesWithin(buffer.length, limits);
  options.onProgress?.(100);
  return buffer;
}

function fontOf(typeface: Typeface) {
  const name = DOCX_FONTS[typeface];
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

interface RunStyle {
  size: number;
  characterSpacing?: number;
}

function runs(spans: Span[], typeface: Typeface, style: RunStyle): TextRun[] {
  return spans.map(
    (span) =>
      new TextRun({
        text: span.text,
        font: fontOf(span.typeface ?? typeface),
        size: halfPoints(style.size),
        language: { eastAsia: 'zh-CN' },
        ...(style.characterSpacing ? { characterSpacing: twips(style.characterSpacing) } : {}),
      }),
  );
}

const exactly = (pitch: number, before = 0, after = 0) => ({
  line: twips(pitch),
  lineRule: LineRuleType.EXACT,
  before: twips(before),
  after: twips(after),
});
const BODY_RUN: RunStyle = { size: SIZE.body, characterSpacing: BODY_CHARACTER_SPACING };
/** two characters: Word's own unit (hundredths of a character), with the width in twips for other readers */
const FIRST_LINE_INDENT = { firstLineChars: 200, firstLine: twips(2 * SIZE.body) };

function sections(document: ReportDocument): ISectionOptions[] {
  const chunks: Array<Array<Exclude<Block, { kind: 'pageBreak' }>>> = [[]];
  for (const block of document.blocks) {
    if (block.kind === 'pageBreak') chunks.push([]);
    else chunks[chunks.length - 1].push(block);
  }
  return chunks.map((blocks) => ({
    properties: {
      page: {
        size: { width: twipsFromMm(PAGE_MM.width), height: twipsFromMm(PAGE_MM.height) },
        margin: {
          top: twipsFromMm(MARGIN_MM.top),
          bottom: twipsFromMm(MARGIN_MM.bottom),
          left: twipsFromMm(MARGIN_MM.left),
          right: twipsFromMm(MARGIN_MM.right),
          header: twipsFromMm(15),
          // the page number's line ends about 7 mm + one line below the text block
          footer: twipsFromMm(MARGIN_MM.bottom - FOOTER_GAP_MM) - twips(SIZE.pageNumber * 1.4),
        },
      },
      // the 22-line grid is the body text's; a page of forms has none (LibreOffice would stretch table lines to it)
      ...(blocks.some((b) => b.kind === 'paragraph' || b.kind === 'heading')
        ? { grid: { type: DocumentGridType.LINES, linePitch: twips(LINE_PITCH) } }
        : {}),
    },
    headers:
      document.watermark || document.notice
        ? {
            default: watermarkHeader(document.watermark, document.notice),
            even: watermarkHeader(document.watermark, document.notice),
          }
        : undefined,
    footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
    children: blocks.flatMap(blockContent),
  }));
}

/** points */
const WATERMARK_CHARACTER = 150;

function watermarkHeader(text: string | null, notice?: string | null): Header {
  return new Header({
    children: [
      ...(notice
        ? [
            new Paragraph({
              alignment: AlignmentType.CENTER,
              children: [
                new TextRun({ text: notice, font: fontOf('heading'), size: halfPoints(10.5), color: '707070' }),
              ],
            }),
          ]
        : []),
      ...(text ? [watermarkParagraph(text)] : []),
    ],
  });
}

function watermarkParagraph(text: string): Paragraph {
  return new Paragraph({
    // CJK characters are square: a shape one character high keeps them in proportion
    children: [
      new TextWatermark({
        text,
        font: DOCX_FONTS.heading,
        color: 'C0C0C0',
        opacity: 0.4,
        width: WATERMARK_CHARACTER * text.length,
        height: WATERMARK_CHARACTER,
      }),
    ],
  });
}

/** 「- 1 -」 in 四号: odd pages to the right, even pages to the left, one character in from the text block. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: twips(SIZE.pageNumber) } : { left: twips(SIZE.pageNumber) },
        children: [
          new TextRun({
            children: ['- ', PageNumber.CURRENT, ' -'],
            font: fontOf('body'),
            size: halfPoints(SIZE.pageNumber),
          }),
        ],
      }),
    ],
  });
}

function blockContent(block: Exclude<Block, { kind: 'pageBreak' }>): Array<Paragraph | Table> {
  switch (block.kind) {
    case 'attachment':
      return [
        new Paragraph({
          spacing: exactly(LINE_PITCH),
          children: runs([{ text: block.text }], 'heading', { size: SIZE.body }),
        }),
      ];
    case 'title': {
      const main = block.size === 'main';
      const size = main ? SIZE.title : SIZE.formTitle;
      const pitch = main ? TITLE_PITCH : FORM_TITLE_PITCH;
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            // GB/T 9704: an empty line above and below the title
            spacing: exactly(
              pitch,
              main && i === 0 ? LINE_PITCH : 0,
              main && i === block.lines.length - 1 ? LINE_PITCH : 0,
            ),
            children: runs([{ text: line }], 'title', { size }),
          }),
      );
    }
    case 'heading':
      return [
        new Paragraph({
          alignment: AlignmentType.BOTH,
          indent: FIRST_LINE_INDENT,
          keepNext: true,
          spacing: exactly(LINE_PITCH),
          children: runs([{ text: block.text }], HEADING_TYPEFACE[block.level], BODY_RUN),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.BOTH,
          indent: FIRST_LINE_INDENT,
          spacing: exactly(LINE_PITCH),
          children: runs(block.spans, 'body', BODY_RUN),
        }),
      ];
    case 'line': {
      const body = block.size === 'body';
      const size = body ? SIZE.body : SIZE.table;
      const indent = twips((block.indentChars ?? 0) * size);
      const isCaption = block.align === 'center' && block.spans.every((s) => s.typeface === 'heading');
      return [
        new Paragraph({
          alignment: ALIGN[block.align],
          keepNext: isCaption,
          indent: block.align === 'right' ? { right: indent } : block.align === 'left' ? { left: indent } : undefined,
          spacing: exactly(body ? LINE_PITCH : TABLE_PITCH.normal, block.spaceBefore ? SPACE_BEFORE[block.size] : 0),
          children: runs(block.spans, 'body', body ? BODY_RUN : { size }),
        }),
      ];
    }
    case 'table':
      // an empty paragraph after a table keeps the next one from joining it
      return [tableContent(block.table), new Paragraph({ spacing: exactly(6), children: [] })];
  }
}

/** The text block's width: 156 mm. */
const TEXT_WIDTH_TWIPS = twipsFromMm(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function tableContent(table: TableModel): Table {
  const size = table.size === 'normal' ? SIZE.table : SIZE.small;
  const pitch = table.dense ? TABLE_PITCH.dense : TABLE_PITCH[table.size];
  const padding = CELL_PADDING[table.dense ? 'dense' : 'normal'];
  const total = table.widths.reduce((a, b) => a + b, 0);
  // as the PDF shares them out: the relative widths are the text's, each column's margins come on top
  const margins = 2 * twips(padding.x);
  const available = TEXT_WIDTH_TWIPS - table.widths.length * margins;
  const columnWidths = table.widths.map((w) => Math.floor((available * w) / total) + margins);
  const widthOf = (column: number, span: number) =>
    columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    borders: {
      top: RULE,
      bottom: RULE,
      left: RULE,
      right: RULE,
      insideHorizontal: RULE,
      insideVertical: RULE,
    },
    rows: table.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r < table.headerRows,
          cantSplit: true,
          ...(table.minRowHeight && r >= table.headerRows
            ? { height: { value: twips(table.minRowHeight), rule: HeightRule.ATLEAST } }
            : {}),
          children: row.flatMap((cell, column) =>
            cell
              ? [
                  new TableCell({
                    width: { size: widthOf(column, cell.colSpan ?? 1), type: WidthType.DXA },
                    columnSpan: cell.colSpan,
                    rowSpan: cell.rowSpan,
                    verticalAlign: VerticalAlignTable.CENTER,
                    margins: {
                      left: twips(padding.x),
                      right: twips(padding.x),
                      top: twips(padding.y),
                      bottom: twips(padding.y),
                    },
                    children: [
                      new Paragraph({
                        alignment: ALIGN[cell.align ?? 'center'],
                        // Word keeps a table together when each row but the last keeps with the next
                        keepNext: table.keepTogether && r < table.rows.length - 1,
                        spacing: exactly(pitch),
                        children: runs([{ text: cell.text }], cell.head ? 'heading' : 'body', { size }),
                      }),
                    ],
                  }),
                ]
              : [],
          ),
        }),
    ),
  });
}
