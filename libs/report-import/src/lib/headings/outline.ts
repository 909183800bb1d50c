import type { SourceDocument, SourceParagraph, SourceSpan } from '../source-document';
import { parseHeadingNumbering, styleHeadingLevel, type HeadingNumbering } from './numbering';

/**
 * The outline of a document: which paragraphs are headings, how they nest, and the blocks under each.
 * Numbering decides first; a Word heading style or outline level stands in when there is none.
 */
export interface OutlineHeading {
  block: number;
  level: number;
  /** null for a heading known only by its style */
  ordinal: number | null;
  marker: string;
  title: string;
  titleSpan: SourceSpan;
  /** body text on the heading's own line, after its title */
  body: SourceSpan | null;
  source: 'numbering' | 'style';
  children: OutlineHeading[];
  /** the blocks directly under this heading, before its first child heading */
  content: number[];
}

/** A numbered paragraph judged to be body text (an item of a list), not a heading. */
export interface NumberedItem {
  block: number;
  level: number;
  ordinal: number;
  marker: string;
}

export interface Outline {
  /** blocks before the first heading (the report's title, its preface) */
  preamble: number[];
  headings: OutlineHeading[];
  items: NumberedItem[];
}

interface Candidate {
  paragraph: SourceParagraph;
  numbering: HeadingNumbering | null;
  styleLevel: number | null;
  level: number;
}

export function buildOutline(document: SourceDocument): Outline {
  const candidates = new Map<number, Candidate>();
  for (const block of document.blocks) {
    if (block.kind !== 'paragraph') continue;
    const numbering = parseHeadingNumbering(block.text);
    const styleLevel = styleHeadingLevel(block.style, block.outlineLevel);
    if (numbering || styleLevel !== null) {
      candidates.set(block.index, {
        paragraph: block,
        numbering,
        styleLevel,
        level: numbering?.level ?? (styleLevel as number),
      });
    }
  }
  const headingBlocks = decideHeadings(document, candidates);
  return assemble(document, candidates, headingBlocks);
}

/**
 * Numbered paragraphs are headings or list items by their sibling group: the run of same-level numbered
 * paragraphs between two higher headings, with ordinals rising. When most of a group are sentences
 * (long, with clause commas) the whole group is a list in the body; a heading style always makes a heading.
 */
function decideHeadings(document: SourceDocument, candidates: Map<number, Candidate>): Set<number> {
  const headings = new Set<number>();
  // first guess: title-like numbering or a style
  for (const c of candidates.values())
    if (c.styleLevel !== null || c.numbering?.titleLike) headings.add(c.paragraph.index);

  const groups: Candidate[][] = [];
  const open = new Map<number, Candidate[]>(); // level → its current group
  for (const block of document.blocks) {
    const c = candidates.get(block.index);
    if (!c || !c.numbering) {
      if (c && headings.has(block.index)) closeBelow(open, c.level);
      continue;
    }
    const group = open.get(c.level);
    const previous = group?.[group.length - 1];
    if (group && previous?.numbering && c.numbering.ordinal > previous.numbering.ordinal) group.push(c);
    else {
      const fresh = [c];
      groups.push(fresh);
      open.set(c.level, fresh);
    }
    if (headings.has(block.index)) closeBelow(open, c.level);
  }

  for (const group of groups) {
    const sentences = group.filter((c) => !c.numbering?.titleLike).length;
    const asItems = sentences * 2 > group.length;
    for (const c of group) {
      if (c.styleLevel !== null) continue;
      if (asItems) headings.delete(c.paragraph.index);
      else headings.add(c.paragraph.index);
    }
  }
  return headings;
}

/** A heading closes every group deeper than itself: a new 二、 starts its （一） afresh. */
function closeBelow(open: Map<number, Candidate[]>, level: number): void {
  for (const l of [...open.keys()]) if (l > level) open.delete(l);
}

function assemble(document: SourceDocument, candidates: Map<number, Candidate>, headingBlocks: Set<number>): Outline {
  const outline: Outline = { preamble: [], headings: [], items: [] };
  const stack: OutlineHeading[] = [];
  for (const block of document.blocks) {
    const c = candidates.get(block.index);
    if (c && headingBlocks.has(block.index)) {
      const heading = toHeading(c);
      while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
      const parent = stack[stack.length - 1];
      (parent ? parent.children : outline.headings).push(heading);
      stack.push(heading);
      continue;
    }
    if (c?.numbering) {
      outline.items.push({
        block: block.index,
        level: c.level,
        ordinal: c.numbering.ordinal,
        marker: c.numbering.marker,
      });
    }
    // the top of the stack is the latest heading, which has no children yet: the block is its content
    const owner = stack[stack.length - 1];
    if (owner) owner.content.push(block.index);
    else outline.preamble.push(block.index);
  }
  return outline;
}

function toHeading(c: Candidate): OutlineHeading {
  const { paragraph, numbering } = c;
  const span = (start: number, end: number): SourceSpan => ({
    block: paragraph.index,
    start,
    end,
    text: paragraph.text.slice(start, end),
  });
  if (numbering) {
    return {
      block: paragraph.index,
      level: numbering.level,
      ordinal: numbering.ordinal,
      marker: numbering.marker,
      title: numbering.title,
      titleSpan: span(numbering.titleStart, numbering.titleEnd),
      body: numbering.body ? span(numbering.body.start, numbering.body.end) : null,
      source: 'numbering',
      children: [],
      content: [],
    };
  }
  const start = paragraph.text.length - paragraph.text.trimStart().length;
  const end = paragraph.text.trimEnd().length;
  return {
    block: paragraph.index,
    level: c.level,
    ordinal: null,
    marker: '',
    title: paragraph.text.slice(start, end),
    titleSpan: span(start, end),
    body: null,
    source: 'style',
    children: [],
    content: [],
  };
}
