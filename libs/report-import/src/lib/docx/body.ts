import type { SourceCell } from '../source-document';
import type { Numbering } from './numbering';
import { outlineLevelOf, type NumberingReference, type Styles } from './styles';
import { child, childrenNamed, elements, isOn, textOf, val, type XmlElement } from './xml';

/** A block before it gets its place in the document. */
export type ReadBlock =
  | { kind: 'paragraph'; text: string; style?: string; outlineLevel?: number }
  | { kind: 'table'; rows: SourceCell[][] };

/** Elements whose content is read as if they were not there (tracked insertions, custom XML, bidi runs). */
const TRANSPARENT = new Set([
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'w:hyperlink',
  'w:dir',
  'w:bdo',
  'w:fldSimple',
]);

/**
 * Walks a body (or a cell, a text box, a content control) in document order. What it leaves out, on purpose:
 * deleted text (w:del, w:moveFrom), field codes (the instructions between a field's begin and separate; the
 * result is kept), hidden text (w:vanish), a content control still showing its placeholder, note and comment
 * reference marks, page and column breaks. Text boxes are kept: their paragraphs follow the paragraph anchoring them.
 */
export class BodyReader {
  /** open fields, outermost first: inside a 'code' part nothing is visible text. Fields may span paragraphs (a TOC). */
  private readonly fields: Array<'code' | 'result'> = [];

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  blocks(container: XmlElement): ReadBlock[] {
    const out: ReadBlock[] = [];
    for (const node of elements(container)) {
      if (node.name === 'w:p') out.push(...this.paragraph(node));
      else if (node.name === 'w:tbl') out.push(this.table(node));
      else if (node.name === 'w:sdt') out.push(...this.blocks(contentOf(node)));
      else if (node.name === 'mc:AlternateContent') out.push(...this.blocks(chosen(node)));
      else if (TRANSPARENT.has(node.name)) out.push(...this.blocks(node));
    }
    return out;
  }

  private paragraph(p: XmlElement): ReadBlock[] {
    const pPr = child(p, 'w:pPr');
    const styleId = val(child(pPr, 'w:pStyle'));
    const marker = this.marker(pPr, styleId);
    const sink: Sink = { text: '', boxes: [] };
    this.inline(p, sink);
    const ownLevel = outlineLevelOf(val(child(pPr, 'w:outlineLvl')));
    const outlineLevel =
      ownLevel !== undefined ? (ownLevel < 9 ? ownLevel : undefined) : this.styles.outlineLevelOf(styleId);
    const style = this.styles.nameOf(styleId);
    // an empty paragraph (spacing, or a number with nothing after it) holds nothing to import
    const blocks: ReadBlock[] =
      sink.text.trim() === ''
        ? []
        : [
            {
              kind: 'paragraph',
              text: (marker ?? '') + sink.text,
              ...(style !== undefined ? { style } : {}),
              ...(outlineLevel !== undefined ? { outlineLevel } : {}),
            },
          ];
    return [...blocks, ...sink.boxes];
  }

  /** The list number Word draws for this paragraph, from its own w:numPr or its style's. */
  private marker(pPr: XmlElement | undefined, styleId: string | undefined): string | undefined {
    const numPr = child(pPr, 'w:numPr');
    const ownId = val(child(numPr, 'w:numId'));
    const ownLevel = val(child(numPr, 'w:ilvl'));
    const fromStyle = this.styles.numberingOf(styleId);
    const numId = ownId ?? fromStyle?.numId;
    if (numId === undefined) return undefined;
    const reference: NumberingReference = {
      numId,
      ilvl: ownLevel !== undefined ? Number(ownLevel) : ownId === undefined ? fromStyle?.ilvl : undefined,
    };
    return this.numbering.next(reference, styleId);
  }

  private inline(container: XmlElement, sink: Sink): void {
    for (const node of elements(container)) {
      if (node.name === 'w:r') this.run(node, sink);
      else if (node.name === 'w:sdt') this.inline(contentOf(node), sink);
      else if (node.name === 'mc:AlternateContent') this.inline(chosen(node), sink);
      else if (node.name === 'm:oMath' || node.name === 'm:oMathPara') sink.text += mathText(node);
      else if (TRANSPARENT.has(node.name)) this.inline(node, sink);
      // w:pPr, w:del, w:moveFrom, bookmarks, proofing marks: nothing to read
    }
  }

  private run(r: XmlElement, sink: Sink, hidden = isOn(child(child(r, 'w:rPr'), 'w:vanish'))): void {
    for (const node of elements(r)) {
      const visible = !hidden && !this.fields.includes('code');
      switch (node.name) {
        case 'w:fldChar':
          this.fieldChar(node.attrs['w:fldCharType']);
          break;
        case 'w:t':
          if (visible) sink.text += textOf(node);
          break;
        case 'w:tab':
        case 'w:ptab':
          if (visible) sink.text += '\t';
          break;
        case 'w:br': {
          const type = node.attrs['w:type'] ?? 'textWrapping';
          if (visible && type === 'textWrapping') sink.text += '\n';
          break;
        }
        case 'w:cr':
          if (visible) sink.text += '\n';
          break;
        case 'w:noBreakHyphen':
          if (visible) sink.text += '-';
          break;
        case 'mc:AlternateContent':
          this.run(chosen(node), sink, hidden);
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          if (visible) for (const box of textBoxes(node)) sink.boxes.push(...this.blocks(box));
          break;
        // w:instrText (field code), w:delText, w:sym (a symbol font's private character), note and comment marks
      }
    }
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') this.fields.push('code');
    else if (type === 'separate' && this.fields.length > 0) this.fields[this.fields.length - 1] = 'result';
    else if (type === 'end') this.fields.pop();
  }

  private table(tbl: XmlElement): ReadBlock {
    const gridColumns = childrenNamed(child(tbl, 'w:tblGrid') ?? EMPTY, 'w:gridCol').length;
    const rows = unwrap(tbl, 'w:tr')
      // a row deleted with changes tracked is gone from the document Word shows
      .filter((tr) => child(child(tr, 'w:trPr'), 'w:del') === undefined)
      .map((tr) => this.row(tr));
    return { kind: 'table', rows: layoutGrid(rows, gridColumns) };
  }

  private row(tr: XmlElement): RawRow {
    const trPr = child(tr, 'w:trPr');
    const cells = unwrap(tr, 'w:tc')
      .filter((tc) => child(child(tc, 'w:tcPr'), 'w:cellDel') === undefined)
      .map((tc): RawCell => {
        const tcPr = child(tc, 'w:tcPr');
        const vMerge = child(tcPr, 'w:vMerge');
        const hMerge = child(tcPr, 'w:hMerge');
        return {
          text: this.cellText(tc),
          span: Math.max(1, Number(val(child(tcPr, 'w:gridSpan')) ?? 1) || 1),
          // <w:vMerge/> without a value continues the merge above
          continuesAbove: vMerge !== undefined && (val(vMerge) ?? 'continue') === 'continue',
          continuesLeft: hMerge !== undefined && (val(hMerge) ?? 'continue') === 'continue',
        };
      });
    return {
      before: Number(val(child(trPr, 'w:gridBefore')) ?? 0) || 0,
      cells,
    };
  }

  /** A cell's paragraphs joined with '\n'; a nested table flattened to its rows (cells joined with '\t'). */
  private cellText(tc: XmlElement): string {
    return this.blocks(tc)
      .map((block) =>
        block.kind === 'paragraph'
          ? block.text
          : block.rows
              .map((row) =>
                row
                  .filter((cell) => !cell.covered)
                  .map((cell) => cell.text)
                  .join('\t'),
              )
              .join('\n'),
      )
      .join('\n');
  }
}

interface Sink {
  text: string;
  /** blocks of the text boxes anchored in the paragraph */
  boxes: ReadBlock[];
}

interface RawCell {
  text: string;
  span: number;
  continuesAbove: boolean;
  continuesLeft: boolean;
}
interface RawRow {
  before: number;
  cells: RawCell[];
}

const EMPTY: XmlElement = { name: '', attrs: {}, children: [] };

/**
 * Rows × grid columns: a cell spanning columns covers the places to its right; a vertical merge's continuation
 * covers its places and lengthens the cell it continues. Places no cell fills (w:gridBefore, short rows) are empty.
 */
export function layoutGrid(rows: RawRow[], gridColumns: number): SourceCell[][] {
  // a reduce, not Math.max(...rows): a table of 100 000 tiny rows fits in a small .docx
  const width = rows.reduce(
    (widest, r) => Math.max(widest, r.before + r.cells.reduce((n, c) => n + c.span, 0)),
    gridColumns,
  );
  const grid: SourceCell[][] = [];
  /** the top-left place of the cell covering each place */
  const owners: Array<Array<[number, number] | undefined>> = [];
  rows.forEach((raw, r) => {
    const row: SourceCell[] = [];
    const owner: Array<[number, number] | undefined> = [];
    const plain = () => {
      row.push({ text: '', colSpan: 1, rowSpan: 1, covered: false });
      owner.push(undefined);
    };
    for (let i = 0; i < raw.before; i++) plain();
    let lastOrigin: [number, number] | undefined;
    for (const cell of raw.cells) {
      const column = row.length;
      const above = r > 0 ? owners[r - 1][column] : undefined;
      let origin: [number, number] | undefined;
      if (cell.continuesAbove && above) {
        origin = above;
        const top = grid[above[0]][above[1]];
        top.rowSpan = Math.max(top.rowSpan, r - above[0] + 1);
      } else if (cell.continuesLeft && lastOrigin && lastOrigin[0] === r) {
        origin = lastOrigin;
        row[lastOrigin[1]].colSpan += cell.span;
      }
      if (origin) {
        // a continuation should be empty; if it is not, its text joins the merged cell's rather than being lost
        const target = origin[0] === r ? row[origin[1]] : grid[origin[0]][origin[1]];
        if (cell.text !== '') target.text = target.text === '' ? cell.text : `${target.text}\n${cell.text}`;
        for (let i = 0; i < cell.span; i++) {
          row.push({ text: '', colSpan: 1, rowSpan: 1, covered: true });
          owner.push(origin);
        }
        continue;
      }
      lastOrigin = [r, column];
      row.push({ text: cell.text, colSpan: cell.span, rowSpan: 1, covered: false });
      owner.push(lastOrigin);
      for (let i = 1; i < cell.span; i++) {
        row.push({ text: '', colSpan: 1, rowSpan: 1, covered: true });
        owner.push(lastOrigin);
      }
    }
    while (row.length < width) plain();
    grid.push(row);
    owners.push(owner);
  });
  return grid;
}

/** Children of that name, looking through content controls and custom XML wrapped around rows or cells. */
function unwrap(container: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const node of elements(container)) {
    if (node.name === name) out.push(node);
    else if (node.name === 'w:sdt') out.push(...unwrap(contentOf(node), name));
    else if (node.name === 'w:customXml' || node.name === 'w:ins' || node.name === 'w:moveTo')
      out.push(...unwrap(node, name));
  }
  return out;
}

/** A content control's content; none while it shows its placeholder (「单击此处输入文字」 is not the report's). */
function contentOf(sdt: XmlElement): XmlElement {
  if (child(child(sdt, 'w:sdtPr'), 'w:showingPlcHdr') !== undefined) return EMPTY;
  return child(sdt, 'w:sdtContent') ?? EMPTY;
}

/** Markup compatibility: the first choice (what Word itself shows), else the fallback — never both. */
function chosen(alternate: XmlElement): XmlElement {
  return child(alternate, 'mc:Choice') ?? child(alternate, 'mc:Fallback') ?? EMPTY;
}

/** The w:txbxContent of a drawing or VML shape, through mc:AlternateContent, outermost only. */
function textBoxes(node: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (n: XmlElement) => {
    if (n.name === 'w:txbxContent') out.push(n);
    else if (n.name === 'mc:AlternateContent') visit(chosen(n));
    else elements(n).forEach(visit);
  };
  visit(node);
  return out;
}

/** An equation's text (m:t), as it reads. */
function mathText(node: XmlElement): string {
  if (node.name === 'm:t') return textOf(node);
  return elements(node).map(mathText).join('');
}
