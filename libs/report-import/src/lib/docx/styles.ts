import { child, childrenNamed, val, type XmlElement } from './xml';

export interface NumberingReference {
  numId: string;
  ilvl?: number;
}

interface ParagraphStyle {
  name?: string;
  basedOn?: string;
  outlineLevel?: number;
  numbering?: NumberingReference;
}

/** Word's built-in heading styles are outline levels even where a producer leaves w:outlineLvl out. */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;

/** Paragraph styles of word/styles.xml: ids to names, and what a paragraph inherits through w:basedOn. */
export class Styles {
  private constructor(
    private readonly byId: Map<string, ParagraphStyle>,
    readonly defaultId: string | undefined,
    /** numbering styles (w:type="numbering") to their numId, for numbering.xml's w:numStyleLink */
    readonly numberingStyles: Map<string, string>,
  ) {}

  static empty(): Styles {
    return new Styles(new Map(), undefined, new Map());
  }

  static from(root: XmlElement): Styles {
    const byId = new Map<string, ParagraphStyle>();
    const numberingStyles = new Map<string, string>();
    let defaultId: string | undefined;
    for (const style of childrenNamed(root, 'w:style')) {
      const type = style.attrs['w:type'] ?? 'paragraph';
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      if (type === 'numbering') {
        const numId = val(child(child(child(style, 'w:pPr'), 'w:numPr'), 'w:numId'));
        if (numId !== undefined) numberingStyles.set(id, numId);
      }
      if (type !== 'paragraph') continue;
      if (['1', 'true', 'on'].includes(style.attrs['w:default'] ?? '')) defaultId = id;
      const pPr = child(style, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const numId = val(child(numPr, 'w:numId'));
      const ilvl = val(child(numPr, 'w:ilvl'));
      byId.set(id, {
        name: val(child(style, 'w:name')),
        basedOn: val(child(style, 'w:basedOn')),
        outlineLevel: outlineLevelOf(val(child(pPr, 'w:outlineLvl'))),
        numbering: numId !== undefined ? { numId, ilvl: ilvl !== undefined ? Number(ilvl) : undefined } : undefined,
      });
    }
    return new Styles(byId, defaultId, numberingStyles);
  }

  /** The style's name as stored ("heading 1", "标题 1"); the id itself when styles.xml does not name it. */
  nameOf(id: string | undefined): string | undefined {
    const styleId = id ?? this.defaultId;
    if (styleId === undefined) return undefined;
    return this.byId.get(styleId)?.name ?? styleId;
  }

  /** The first outline level up the w:basedOn chain; a built-in heading's by its name when none is written. */
  outlineLevelOf(id: string | undefined): number | undefined {
    for (const style of this.chain(id)) {
      if (style.outlineLevel !== undefined) return style.outlineLevel < 9 ? style.outlineLevel : undefined;
      const heading = HEADING_NAME.exec(style.name ?? '');
      if (heading) return Number(heading[1]) - 1;
    }
    return undefined;
  }

  /** The numbering a style gives its paragraphs (numId "0" switches it off), up the w:basedOn chain. */
  numberingOf(id: string | undefined): NumberingReference | undefined {
    for (const style of this.chain(id)) if (style.numbering) return style.numbering;
    return undefined;
  }

  private *chain(id: string | undefined): Generator<ParagraphStyle> {
    const seen = new Set<string>();
    let current = id ?? this.defaultId;
    // a cycle in w:basedOn (a broken file) ends the walk
    while (current !== undefined && !seen.has(current)) {
      seen.add(current);
      const style = this.byId.get(current);
      if (!style) return;
      yield style;
      current = style.basedOn;
    }
  }
}

/** w:outlineLvl 0–8; 9 is body text. */
export function outlineLevelOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const level = Number(value);
  return Number.isInteger(level) && level >= 0 && level <= 9 ? level : undefined;
}
