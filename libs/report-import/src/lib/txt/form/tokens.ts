import { columnsNamed, isLevelWord, SECTIONS, type SectionId, type SectionSpec } from './vocabulary';

/**
 * A text's cells in reading order, whatever the layout the page left them in: one cell a line ended by
 * 「|」 (empty cells kept as empty lines), a pipe table (a row a line, its empty cells lost), cells separated
 * by spaces, or cells run together with nothing between them. Each token knows where it stands in its line,
 * so a table read from them can give every value its own text.
 */
export interface Token {
  text: string;
  /** index of its line in the list given */
  line: number;
  /** its characters in that line, end exclusive */
  start: number;
  end: number;
  /**
   * how the page laid it out: `bar` one cell a line ended by 「|」 (empty cells kept, so a cell's place says its
   * column), `box` a cell of a pipe table's row (a row a line, its empty cells lost), `space` cells separated
   * by spaces, `joined` cells run together, `line` a line of its own (a paragraph, or a cell a paragraph)
   */
  layout: 'bar' | 'box' | 'space' | 'joined' | 'line';
  /** the first cell of a row the layout shows (a line of a pipe table) */
  rowStart: boolean;
  /** text between header words of cells run together: it may hold several cells */
  piece: boolean;
  /** a header word of cells run together: the section whose header it is part of */
  section?: SectionId;
}

const BAR_CELL = /^[^|｜]*[|｜]\s*$/;
/** cells a stretch of lines must hold to be read as one cell a line */
const MIN_BAR_CELLS = 8;

/**
 * The lines that are cells of a table a page laid out one cell a line, each ended by 「|」 (an empty cell
 * a lone 「|」): stretches of at least a few such lines, blank lines aside.
 */
function barCellLines(lines: string[]): Set<number> {
  const out = new Set<number>();
  let run: number[] = [];
  const flush = () => {
    if (run.length >= MIN_BAR_CELLS) for (const n of run) out.add(n);
    run = [];
  };
  lines.forEach((l, n) => {
    if (l.trim() === '') return;
    if (BAR_CELL.test(l.trim())) run.push(n);
    else flush();
  });
  flush();
  return out;
}

const BOX = /[|｜│┃]/;
/** A row of a pipe table: two or more cells between bars. */
function boxCells(line: string): Array<{ text: string; start: number; end: number }> | null {
  if ((line.match(/[|｜│┃]/g) ?? []).length < 2 || !BOX.test(line)) return null;
  const cells: Array<{ text: string; start: number; end: number }> = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || BOX.test(line[i])) {
      const raw = line.slice(from, i);
      const text = raw.trim();
      if (text) {
        const start = from + raw.indexOf(text);
        cells.push({ text, start, end: start + text.length });
      }
      from = i + 1;
    }
  }
  return cells.length >= 2 ? cells : null;
}

function spaceTokens(line: string): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  const re = /\S+/g;
  for (let m = re.exec(line); m; m = re.exec(line))
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/** A run of header words of one section that has what that section needs (一级指标 二级指标 三级指标 …). */
export function headerRunSection(words: string[]): SectionSpec | null {
  for (const section of SECTIONS) {
    const keys = words.map((w) => columnsNamed(w).find((c) => c.section === section)?.column.key);
    if (keys.some((k) => k === undefined)) continue;
    if (!section.repeats && new Set(keys).size !== keys.length) continue;
    if (section.needs.every((n) => keys.includes(n))) return section;
  }
  return null;
}

/** Whether some stretch of these words is a section's header. */
function holdsHeaderRun(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (j < words.length && columnsNamed(words[j]).length) j++;
    for (let k = j; k >= i + 2; k--) if (headerRunSection(words.slice(i, k))) return true;
  }
  return false;
}

/** Header words in `text` with nothing between them, each perhaps followed by a bracketed note. */
export function joinedHeaderRuns(
  text: string,
): Array<{ start: number; end: number; words: Array<[number, number]>; section: SectionId }> {
  const names = [...new Set(SECTIONS.flatMap((s) => s.columns.flatMap((c) => c.names)))].sort(
    (a, b) => b.length - a.length,
  );
  const runs: Array<{ start: number; end: number; words: Array<[number, number]>; section: SectionId }> = [];
  let i = 0;
  while (i < text.length) {
    const words: Array<[number, number]> = [];
    let at = i;
    for (;;) {
      const name = names.find((n) => text.startsWith(n, at));
      if (!name) break;
      let end = at + name.length;
      const note = /^[(（][^()（）]{1,8}[)）]/.exec(text.slice(end));
      if (note) end += note[0].length;
      words.push([at, end]);
      at = end;
    }
    const section = words.length >= 2 ? headerRunSection(words.map(([s, e]) => text.slice(s, e))) : null;
    if (section) {
      runs.push({ start: i, end: at, words, section: section.id });
      i = at;
    } else i++;
  }
  return runs;
}

/** The tokens of `lines` (blank lines are breaks between paragraphs and make no token). */
export function tokenize(lines: string[]): Token[] {
  const tokens: Token[] = [];
  const push = (
    line: number,
    cell: { text: string; start: number; end: number },
    layout: Token['layout'],
    more: Partial<Token> = {},
  ) => tokens.push({ ...cell, line, layout, rowStart: false, piece: false, ...more });
  const barred = barCellLines(lines);
  let spaced = false;
  lines.forEach((l, line) => {
    if (l.trim() === '') return;
    if (barred.has(line)) {
      // the cell is the whole line, its bar included
      push(line, { text: l.replace(/[|｜]\s*$/, '').trim(), start: 0, end: l.length }, 'bar');
      return;
    }
    const box = boxCells(l);
    if (box) {
      box.forEach((cell, i) => push(line, cell, 'box', { rowStart: i === 0 }));
      spaced = false;
      return;
    }
    const words = spaceTokens(l);
    // a line of space-separated cells holding a header, and the lines of cells after it
    if (words.length >= 2 && (holdsHeaderRun(words.map((w) => w.text)) || (spaced && words.length >= 2))) {
      words.forEach((w) => push(line, w, 'space'));
      spaced = true;
      return;
    }
    spaced = false;
    const runs = joinedHeaderRuns(l);
    if (runs.length) {
      let from = 0;
      const piece = (start: number, end: number) => {
        const raw = l.slice(start, end);
        const text = raw.trim();
        const at = start + raw.indexOf(text);
        if (text) push(line, { text, start: at, end: at + text.length }, 'joined', { piece: true });
      };
      for (const run of runs) {
        piece(from, run.start);
        for (const [s, e] of run.words)
          push(line, { text: l.slice(s, e), start: s, end: e }, 'joined', { section: run.section });
        from = run.end;
      }
      piece(from, l.length);
      return;
    }
    const text = l.trim();
    const start = l.indexOf(text);
    push(line, { text, start, end: start + text.length }, 'line');
  });
  return joinSplitHeaders(tokens);
}

/** the longest part of a header word a form splits over two paragraphs (「年初」 / 「预算数」) */
const SPLIT_HEAD = 4;

/**
 * A header cell printed over two paragraphs (「年初」 then 「预算数」, 「全年」 then 「执行数」) as one cell: two cells
 * a line each, the first no header word alone and short, that together are a header word.
 */
function joinSplitHeaders(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (
      b &&
      a.layout === 'line' &&
      b.layout === 'line' &&
      a.text.length <= SPLIT_HEAD &&
      !columnsNamed(a.text).length &&
      (columnsNamed(a.text + b.text).length || (isLevelWord(a.text + b.text) && !isLevelWord(a.text)))
    ) {
      out.push({ ...a, text: a.text + b.text });
      i++;
      continue;
    }
    out.push(a);
  }
  return dropFormPlaceholders(out);
}

/** the row label the form prints in its 三级指标 cells (指标1, 指标2, …) */
const ROW_LABEL = /^指标\s*\d{1,2}\s*[:：.、]?\s*/;
const ELLIPSIS = /^(…+|\.{3,}|。{3,})$/;

/**
 * The old 绩效自评表 prints a row label before each indicator's name (「指标1工程资金金额」) and keeps its empty
 * rows (「指标2」 then 「……」): the label is no part of the name (the cell starts after it), an empty row no cell.
 */
function dropFormPlaceholders(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.layout !== 'line') {
      out.push(t);
      continue;
    }
    const label = ROW_LABEL.exec(t.text);
    if (label && label[0].length === t.text.length) {
      // an empty row of the form: its label, and the 「……」 after it
      if (tokens[i + 1] && ELLIPSIS.test(tokens[i + 1].text)) i++;
      continue;
    }
    if (label) {
      const at = t.start + label[0].length;
      out.push({ ...t, text: t.text.slice(label[0].length), start: at });
      continue;
    }
    if (ELLIPSIS.test(t.text) && out.length && ROW_LABEL.test(tokens[i - 1]?.text ?? '')) continue;
    out.push(t);
  }
  return out;
}
