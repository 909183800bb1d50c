import { formatListNumber } from './number-formats';
import type { NumberingReference } from './styles';
import { child, childrenNamed, isOn, val, type XmlElement } from './xml';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** legal numbering: every placeholder in decimal */
  isLgl: boolean;
  /** w:lvlRestart: 0 never restarts; n restarts after a level up to n (1-based) is used; absent: after any higher */
  restart?: number;
  suffix: 'tab' | 'space' | 'nothing';
  /** the paragraph style this level is linked to */
  pStyle?: string;
}

interface AbstractNum {
  levels: Map<number, Level>;
  /** w:numStyleLink: the levels are those of the numbering style's list */
  styleLink?: string;
}

interface Num {
  abstractId: string;
  levels: Map<number, Level>;
  startOverrides: Map<number, number>;
}

/**
 * word/numbering.xml: the list numbers Word draws in front of a paragraph (一、（一）1.) but does not store in its
 * text. Counters are kept per numId and level, in the order paragraphs are read.
 */
export class Numbering {
  private readonly counters = new Map<string, Array<number | undefined>>();

  private constructor(
    private readonly abstracts: Map<string, AbstractNum>,
    private readonly nums: Map<string, Num>,
    /** numbering styles (w:type="numbering") to the numId they carry, for w:numStyleLink */
    private readonly numberingStyles: Map<string, string>,
  ) {}

  static empty(): Numbering {
    return new Numbering(new Map(), new Map(), new Map());
  }

  static from(root: XmlElement, numberingStyles: Map<string, string>): Numbering {
    const abstracts = new Map<string, AbstractNum>();
    for (const abstract of childrenNamed(root, 'w:abstractNum')) {
      const id = abstract.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const lvl of childrenNamed(abstract, 'w:lvl')) levels.set(Number(lvl.attrs['w:ilvl'] ?? 0), levelOf(lvl));
      abstracts.set(id, { levels, styleLink: val(child(abstract, 'w:numStyleLink')) });
    }
    const nums = new Map<string, Num>();
    for (const num of childrenNamed(root, 'w:num')) {
      const id = num.attrs['w:numId'];
      const abstractId = val(child(num, 'w:abstractNumId'));
      if (id === undefined || abstractId === undefined) continue;
      const levels = new Map<number, Level>();
      const startOverrides = new Map<number, number>();
      for (const override of childrenNamed(num, 'w:lvlOverride')) {
        const ilvl = Number(override.attrs['w:ilvl'] ?? 0);
        const start = val(child(override, 'w:startOverride'));
        if (start !== undefined) startOverrides.set(ilvl, Number(start));
        const lvl = child(override, 'w:lvl');
        if (lvl) levels.set(ilvl, levelOf(lvl));
      }
      nums.set(id, { abstractId, levels, startOverrides });
    }
    return new Numbering(abstracts, nums, numberingStyles);
  }

  /**
   * The marker Word shows for the next paragraph of this list at this level ("一、", "（二）", "1."), with the
   * counter moved on; undefined for no numbering, a bullet, or a list the file does not define.
   */
  next(reference: NumberingReference, paragraphStyle: string | undefined): string | undefined {
    const num = this.nums.get(reference.numId);
    if (!num || reference.numId === '0') return undefined;
    const levelAt = (ilvl: number) => num.levels.get(ilvl) ?? this.abstractLevels(num.abstractId).get(ilvl);
    const ilvl = reference.ilvl ?? this.levelLinkedTo(num, paragraphStyle) ?? 0;
    const level = levelAt(ilvl);
    if (!level) return undefined;

    const counters = this.counters.get(reference.numId) ?? [];
    this.counters.set(reference.numId, counters);
    const startOf = (k: number) => num.startOverrides.get(k) ?? levelAt(k)?.start ?? 1;
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : (counters[ilvl] as number) + 1;
    for (let deeper = ilvl + 1; deeper < counters.length; deeper++) {
      const restart = levelAt(deeper)?.restart;
      if (restart === undefined || (restart > 0 && ilvl < restart)) counters[deeper] = undefined;
    }

    if (level.numFmt === 'bullet') return undefined;
    const marker = level.lvlText.replace(/%([1-9])/g, (_, digit: string) => {
      const k = Number(digit) - 1;
      const value = counters[k] ?? startOf(k);
      return formatListNumber(value, level.isLgl ? 'decimal' : (levelAt(k)?.numFmt ?? 'decimal'));
    });
    if (marker === '') return undefined;
    // a tab only aligns the text; 「1」 followed by text still needs a space to read as a number
    const separator = level.suffix === 'space' || (level.suffix === 'tab' && /[0-9A-Za-z]$/.test(marker)) ? ' ' : '';
    return marker + separator;
  }

  private abstractLevels(abstractId: string, depth = 0): Map<number, Level> {
    const abstract = this.abstracts.get(abstractId);
    if (!abstract) return new Map();
    if (abstract.styleLink !== undefined && depth < 2) {
      const numId = this.numberingStyles.get(abstract.styleLink);
      const linked = numId !== undefined ? this.nums.get(numId) : undefined;
      if (linked && linked.abstractId !== abstractId) return this.abstractLevels(linked.abstractId, depth + 1);
    }
    return abstract.levels;
  }

  /** A heading style linked to a level (w:lvl/w:pStyle) numbers its paragraphs at that level. */
  private levelLinkedTo(num: Num, paragraphStyle: string | undefined): number | undefined {
    if (paragraphStyle === undefined) return undefined;
    for (const [ilvl, level] of this.abstractLevels(num.abstractId)) if (level.pStyle === paragraphStyle) return ilvl;
    return undefined;
  }
}

function levelOf(lvl: XmlElement): Level {
  const restart = val(child(lvl, 'w:lvlRestart'));
  const suffix = val(child(lvl, 'w:suff'));
  return {
    start: Number(val(child(lvl, 'w:start')) ?? 1),
    numFmt: numFmtOf(lvl),
    lvlText: val(child(lvl, 'w:lvlText')) ?? '',
    isLgl: isOn(child(lvl, 'w:isLgl')),
    restart: restart !== undefined ? Number(restart) : undefined,
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    pStyle: val(child(lvl, 'w:pStyle')),
  };
}

/** Word 2010+ may write a custom format as mc:Choice with a classic one in mc:Fallback: the classic one is read. */
function numFmtOf(lvl: XmlElement): string {
  const direct = val(child(lvl, 'w:numFmt'));
  if (direct !== undefined) return direct;
  const fallback = child(child(lvl, 'mc:AlternateContent'), 'mc:Fallback');
  return val(child(fallback, 'w:numFmt')) ?? 'decimal';
}
