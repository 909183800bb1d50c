import { dec, sum } from '@evalflow/domain';
import { fits, isEllipsis } from './cells';
import { rowSplits, type Split } from './joined';
import type { Token } from './tokens';
import { isLevel1, isLevel2, isLevelWord, levelShare, type CellType, type ColumnSpec } from './vocabulary';

/**
 * The indicator rows of a 绩效自评表 laid out as text, read row by row against the header's columns: a row
 * is its 一级 and 二级指标 when it starts them (told by the form's own names — 产出指标, 数量指标 …; merged
 * down, they are missing from the rows below), its 三级指标, then one cell per column. How sure a row is
 * depends on the layout: with every cell kept (one a line) the places say the columns; otherwise a row is
 * taken only when its cells fit the columns in exactly one way, and where a level states its share
 * (产出指标（50分）) its rows' 分值 must add up to it.
 */

export interface IndicatorRow {
  /** the tokens it took */
  from: number;
  to: number;
  /** its own 一级/二级指标 cells, when it starts them */
  level1?: string;
  level2?: string;
  /** 三级指标; '' for a 二级指标 with no rows under it */
  level3: string;
  /** a cell per column after 三级指标: its text, or undefined when empty or not known for certain */
  cells: Array<string | undefined>;
  /** text of the row that could not be split into its cells (cells run together): kept beside the row */
  unsplit?: string;
}

export interface IndicatorRead {
  rows: IndicatorRow[];
  /** the token after the last row taken */
  end: number;
}

type Levels = { level1?: number; level2?: number; next: number; empty?: number } | null;

/**
 * The level cells a row starts with. A 一级指标 is one when it states its share or a 二级指标 follows; a
 * 二级指标 straight followed by another level word has no rows under it.
 */
function levelsAt(tokens: Token[], i: number, stop: number): Levels {
  const text = (j: number) => (j < stop ? tokens[j].text : '');
  let j = i;
  let level1: number | undefined;
  if (isLevel1(text(j)) && (levelShare(text(j)) !== null || isLevel2(text(j + 1)))) level1 = j++;
  if (isLevel2(text(j))) {
    if (isLevelWord(text(j + 1))) return { level1, empty: j, next: j + 1 };
    return { level1, level2: j, next: j + 1 };
  }
  if (isLevelWord(text(j))) return null;
  return { level1, next: j };
}

const emptyRow = (tokens: Token[], l: NonNullable<Levels>, from: number): IndicatorRow => ({
  from,
  to: l.next,
  level1: l.level1 !== undefined ? tokens[l.level1].text : undefined,
  level2: tokens[l.empty as number].text,
  level3: '',
  cells: [],
});

function levelsOf(tokens: Token[], l: NonNullable<Levels>) {
  return {
    level1: l.level1 !== undefined ? tokens[l.level1].text : undefined,
    level2: l.level2 !== undefined ? tokens[l.level2].text : undefined,
  };
}

/** Every cell kept, one a line: each row has exactly one cell per column after its level cells. */
export function explicitRows(tokens: Token[], a: number, stop: number, rest: ColumnSpec[]): IndicatorRead {
  const rows: IndicatorRow[] = [];
  let i = a;
  while (i < stop) {
    const l = levelsAt(tokens, i, stop);
    if (!l) break;
    if (l.empty !== undefined) {
      rows.push(emptyRow(tokens, l, i));
      i = l.next;
      continue;
    }
    const j = l.next;
    const end = j + 1 + rest.length;
    if (end > stop) break;
    const cells = tokens.slice(j + 1, end).map((t) => t.text);
    if (l.level2 !== undefined && tokens[j].text === '' && cells.every((c) => c === '')) {
      // a 二级指标 with no indicator under it: its row is empty
      rows.push({ from: i, to: end, ...levelsOf(tokens, l), level3: '', cells: [] });
      i = end;
      continue;
    }
    if (!fits('level', tokens[j].text)) break;
    // an empty cell is an empty value; 指标性质 is never empty in a filled row
    if (!cells.every((c, k) => (c === '' ? rest[k].type !== 'sign' : fits(rest[k].type, c)))) break;
    // the next row starts where this one ends: a cell missing in it would leave the next one's cells here
    const next = tokens[end]?.text ?? '';
    if (end < stop && !isLevelWord(next) && !fits('level', next)) break;
    rows.push({
      from: i,
      to: end,
      ...levelsOf(tokens, l),
      level3: tokens[j].text,
      cells: cells.map((c) => c || undefined),
    });
    i = end;
  }
  return { rows, end: i };
}

/** The columns a row's cells may stand under, in order: every placement that fits, up to a few. */
function placements(texts: string[], rest: ColumnSpec[], required: Set<number>, prefixOnly: boolean): number[][] {
  const out: number[][] = [];
  const walk = (m: number, from: number, acc: number[]) => {
    if (out.length > 8) return;
    if (m === texts.length) {
      const used = new Set(acc);
      if (prefixOnly || [...required].every((r) => used.has(r))) out.push([...acc]);
      return;
    }
    for (let p = from; p < rest.length; p++) {
      if (prefixOnly && p !== m) break;
      if (!fits(rest[p].type, texts[m])) continue;
      acc.push(p);
      walk(m + 1, p + 1, acc);
      acc.pop();
    }
  };
  walk(0, 0, []);
  return out;
}

/** The columns a filled row always has: 年度指标值 and 分值. */
function requiredColumns(rest: ColumnSpec[]): Set<number> {
  return new Set(rest.flatMap((c, k) => (c.key === 'target' || c.key === 'weight' ? [k] : [])));
}

/**
 * A pipe table's rows, a line each, their empty cells lost: a line is taken when its cells fit the
 * columns in exactly one way. The text's last line, when the text stops inside it, is read as far as it goes.
 */
export function boxRows(tokens: Token[], a: number, stop: number, rest: ColumnSpec[], final: boolean): IndicatorRead {
  const rows: IndicatorRow[] = [];
  let i = a;
  while (i < stop && tokens[i].rowStart) {
    let lineEnd = i + 1;
    while (lineEnd < stop && !tokens[lineEnd].rowStart) lineEnd++;
    const l = levelsAt(tokens, i, lineEnd);
    if (l && l.level2 !== undefined && l.next === lineEnd && lineEnd < tokens.length) {
      // a line of a 二级指标 alone: no indicator under it
      rows.push({ from: i, to: lineEnd, ...levelsOf(tokens, l), level3: '', cells: [] });
      i = lineEnd;
      continue;
    }
    if (!l || l.empty !== undefined || l.next >= lineEnd || !fits('level', tokens[l.next].text)) break;
    const texts = tokens.slice(l.next + 1, lineEnd).map((t) => t.text);
    const cut = final && lineEnd === tokens.length;
    const ways = placements(texts, rest, requiredColumns(rest), cut);
    if (ways.length !== 1 || (cut && texts.length === 0)) break;
    const cells: Array<string | undefined> = [];
    ways[0].forEach((p, m) => (cells[p] = texts[m]));
    rows.push({ from: i, to: lineEnd, ...levelsOf(tokens, l), level3: tokens[l.next].text, cells });
    i = lineEnd;
  }
  return { rows, end: i };
}

const MAX_PARSES = 64;

/**
 * Cells in a row of tokens with no row ends and no empty cells (separated by spaces, or a paragraph each).
 * A level word always starts a row, so the stretch between one and the next is read on its own: every
 * reading of it as rows is tried — a row's cells all there, a note after its 得分 or not — and its rows are
 * taken when all readings agree on them. Reading stops at the first stretch that does not read so. The
 * text's last row, when the text stops inside it, is read as far as it goes.
 */
export function implicitRows(
  tokens: Token[],
  a: number,
  stop: number,
  rest: ColumnSpec[],
  final: boolean,
): IndicatorRead {
  const starts = [a];
  for (let p = a + 1; p < stop; p++)
    if (isLevelWord(tokens[p].text) && !isLevelWord(tokens[p - 1].text)) starts.push(p);
  const rows: IndicatorRow[] = [];
  for (const [n, s] of starts.entries()) {
    const e = starts[n + 1] ?? stop;
    const read = readStretch(tokens, s, e, rest, final && e === tokens.length);
    rows.push(...read.rows);
    if (!read.whole) break;
  }
  return { rows, end: rows.length ? rows[rows.length - 1].to : a };
}

/** One stretch's rows all its readings agree on, and whether they are the whole stretch. */
function readStretch(
  tokens: Token[],
  a: number,
  stop: number,
  rest: ColumnSpec[],
  cut: boolean,
): { rows: IndicatorRow[]; whole: boolean } {
  const lastScore = rest.reduce((last, c, k) => (c.type === 'score' ? k : last), -1);
  const core = rest.slice(0, lastScore + 1);
  const tail = rest.slice(lastScore + 1);
  const memo = new Map<number, IndicatorRow[][] | null>();
  const from = (i: number): IndicatorRow[][] | null => {
    if (i >= stop) return [[]];
    const known = memo.get(i);
    if (known !== undefined) return known;
    const out: IndicatorRow[][] = [];
    const add = (row: IndicatorRow, next: number): boolean => {
      const after = from(next);
      if (after === null) return false;
      for (const r of after) out.push([row, ...r]);
      return out.length <= MAX_PARSES;
    };
    let ok = true;
    const l = levelsAt(tokens, i, stop);
    if (l?.empty !== undefined) ok = add(emptyRow(tokens, l, i), l.next);
    else if (l && l.next >= stop) {
      if (cut) out.push([]); // level words the cut text ends with
    } else if (l && fits('level', tokens[l.next].text)) {
      const j = l.next;
      const base = { from: i, ...levelsOf(tokens, l), level3: tokens[j].text };
      let k = j + 1;
      while (k < stop && k - j - 1 < core.length && fits(core[k - j - 1].type, tokens[k].text)) k++;
      if (k - j - 1 === core.length) {
        const cells = tokens.slice(j + 1, k).map((t) => t.text);
        for (let n = 0; n <= tail.length && ok; n++) {
          const end = k + n;
          if (end > stop || (n > 0 && !fits('text', tokens[end - 1].text))) break;
          const more = tokens.slice(k, end).map((t) => t.text);
          ok = add({ ...base, to: end, cells: [...cells, ...more] }, end);
        }
      } else if (cut && k === stop) {
        // the text stops inside this row: its cells as far as they go
        out.push([{ ...base, to: k, cells: tokens.slice(j + 1, k).map((t) => t.text) }]);
      }
    }
    const result = ok ? out : null;
    memo.set(i, result);
    return result;
  };
  const readings = from(a);
  if (!readings || readings.length === 0) return { rows: [], whole: false };
  const rows: IndicatorRow[] = [];
  for (let n = 0; ; n++) {
    const first: IndicatorRow | undefined = readings[0][n];
    if (!first || !readings.every((r) => r[n] && sameRow(r[n], first))) break;
    rows.push(first);
  }
  const whole = readings.every((r) => r.length === rows.length);
  // a row cut short is only taken when it has its 年度指标值
  const last = rows[rows.length - 1];
  if (cut && last && last.to === stop && last.cells.length < rest.length && !hasTarget(last, rest)) rows.pop();
  return { rows, whole };
}

const hasTarget = (row: IndicatorRow, rest: ColumnSpec[]) => {
  const k = rest.findIndex((c) => c.key === 'target');
  return k >= 0 && !!row.cells[k];
};

const sameRow = (x: IndicatorRow, y: IndicatorRow) =>
  x.from === y.from && x.to === y.to && x.cells.length === y.cells.length && x.cells.every((c, k) => c === y.cells[k]);

interface Piece {
  from: number;
  token: Token;
  levels: NonNullable<Levels>;
  readings: Split[][];
}

/** The cartesian product of the groups' pieces' readings, as long as it stays small enough to weigh. */
function combinations(pieces: Piece[]): Split[][][] | null {
  let combos: Split[][][] = [[]];
  for (const p of pieces) {
    combos = combos.flatMap((c) => p.readings.map((r) => [...c, r]));
    if (combos.length > 4096) return null;
  }
  return combos;
}

/**
 * Cells run together: between the level words, a piece holds whole rows — 三级指标 (no digit in it) and
 * its cells — split every way their kinds allow (得分 never above 分值; where the 一级指标 states its share
 * and its rows are all there, their 分值 adding up to it; where 总分 closes them, their 得分 adding up to its
 * own). A cell is taken when every split left agrees on it, the rows when all agree on where each starts. Words that cannot be split (显著提升显著提升: 指标值 or
 * 实际值?) are kept beside the row, in no column.
 */
export function joinedRows(
  tokens: Token[],
  a: number,
  stop: number,
  rest: ColumnSpec[],
  total: { weight: string; score: string } | null,
): IndicatorRead {
  const lastScore = rest.reduce((last, c, k) => (c.type === 'score' ? k : last), -1);
  const types: CellType[] = ['level', ...rest.slice(0, lastScore + 1).map((c) => c.type)];
  const weightAt = types.indexOf('score');
  const scoreAt = types.lastIndexOf('score');
  // the pieces and empty groups, by 一级指标 group
  const groups: Array<Array<Piece | IndicatorRow>> = [];
  let i = a;
  let end = a;
  while (i < stop) {
    if (isEllipsis(tokens[i].text)) {
      i++;
      continue;
    }
    const l = levelsAt(tokens, i, stop);
    if (!l) break;
    if (l.level1 !== undefined || !groups.length) groups.push([]);
    const group = groups[groups.length - 1];
    if (l.empty !== undefined) {
      group.push(emptyRow(tokens, l, i));
      i = l.next;
      continue;
    }
    const token = tokens[l.next];
    if (!token?.piece) break;
    const readings = rowSplits(token.text, types, (row) => {
      if (weightAt === scoreAt) return true;
      const [w, sc] = [row[weightAt], row[scoreAt]].map(([x, y]) => token.text.slice(x, y));
      return !dec(sc).greaterThan(w);
    });
    if (!readings?.length) break;
    group.push({ from: i, token, levels: l, readings });
    i = l.next + 1;
  }
  const complete = i === stop;
  const weightOf = (p: Piece, reading: Split[]) => reading.map((row) => p.token.text.slice(...row[weightAt]));
  const scoreOf = (p: Piece, reading: Split[]) => reading.map((row) => p.token.text.slice(...row[scoreAt]));
  // each level's readings whose 分值 add up to its share
  let usable = groups.length;
  for (const [g, group] of groups.entries()) {
    const pieces = group.filter(isPiece);
    const first = group[0];
    const level1 = first && isPiece(first) ? first.levels.level1 : undefined;
    const share = level1 !== undefined ? levelShare(tokens[level1].text) : null;
    if (share === null || (g === groups.length - 1 && !(complete && total))) continue;
    const combos = combinations(pieces)?.filter((c) =>
      sum(c.flatMap((reading, n) => weightOf(pieces[n], reading))).equals(dec(share)),
    );
    if (!combos?.length) {
      usable = g;
      break;
    }
    pieces.forEach((p, n) => (p.readings = [...new Set(combos.map((c) => c[n]))]));
  }
  // 总分 adds the rows up: where its 分值 is theirs in every reading, its 得分 is theirs too
  if (total && complete && usable === groups.length && weightAt !== scoreAt) {
    const pieces = groups.flat().filter(isPiece);
    const combos = combinations(pieces);
    const add = (c: Split[][], of: typeof weightOf) => sum(c.flatMap((reading, n) => of(pieces[n], reading)));
    if (combos?.every((c) => add(c, weightOf).equals(dec(total.weight)))) {
      const fit = combos.filter((c) => add(c, scoreOf).equals(dec(total.score)));
      if (fit.length) pieces.forEach((p, n) => (p.readings = [...new Set(fit.map((c) => c[n]))]));
    }
  }
  const rows: IndicatorRow[] = [];
  for (const [g, group] of groups.slice(0, usable).entries()) {
    for (const x of group) {
      if (!isPiece(x)) {
        rows.push(x);
        continue;
      }
      const read = pieceRows(tokens, x, types);
      if (!read) return { rows, end };
      rows.push(...read);
      end = x.levels.next + 1;
    }
    if (g === groups.length - 1 && complete) end = stop; // every row read, and the placeholders after them
  }
  return { rows, end: rows.length ? Math.max(end, rows[rows.length - 1].to) : a };
}

const isPiece = (x: Piece | IndicatorRow): x is Piece => 'readings' in x;

/** The rows of one piece its readings agree on, or null when they do not agree on the rows. */
function pieceRows(tokens: Token[], p: Piece, types: CellType[]): IndicatorRow[] | null {
  const { readings, token, levels } = p;
  if (!readings.every((r) => r.length === readings[0].length)) return null;
  const agreed = (n: number, k: number): Split[number] | undefined => {
    const [s, e] = readings[0][n][k];
    return readings.every((r) => r[n][k][0] === s && r[n][k][1] === e) ? [s, e] : undefined;
  };
  const rows: IndicatorRow[] = [];
  for (let n = 0; n < readings[0].length; n++) {
    const level3 = agreed(n, 0);
    if (!level3) return null;
    const cells = types.slice(1).map((_, k) => {
      const span = agreed(n, k + 1);
      return span ? token.text.slice(span[0], span[1]) : undefined;
    });
    const unknown = cells.some((c) => c === undefined) ? unsplitText(token.text, readings, n, types.length) : '';
    rows.push({
      from: n === 0 ? p.from : levels.next,
      to: levels.next + 1,
      ...(n === 0 ? levelsOf(tokens, levels) : {}),
      level3: token.text.slice(level3[0], level3[1]),
      cells,
      ...(unknown ? { unsplit: unknown } : {}),
    });
  }
  return rows;
}

/** The text of row n's cells that the splits do not agree on, from the first such cell to the last. */
function unsplitText(text: string, readings: Split[][], n: number, width: number): string {
  let from = Infinity;
  let to = -Infinity;
  for (let k = 1; k < width; k++) {
    const spans = readings.map((r) => r[n][k]);
    if (spans.every((s) => s[0] === spans[0][0] && s[1] === spans[0][1])) continue;
    from = Math.min(from, ...spans.map((s) => s[0]));
    to = Math.max(to, ...spans.map((s) => s[1]));
  }
  return from < to ? text.slice(from, to) : '';
}

/**
 * Where a 一级指标 states its share (产出指标（50分）) and its group of rows is whole, their 分值 must add
 * up to it: the rows are kept up to the first group that does not.
 */
export function checkShares(rows: IndicatorRow[], rest: ColumnSpec[], whole: boolean): IndicatorRow[] {
  const w = rest.findIndex((c) => c.key === 'weight');
  const starts = rows.flatMap((r, n) => (r.level1 !== undefined ? [n] : []));
  for (const [g, start] of starts.entries()) {
    const end = starts[g + 1] ?? rows.length;
    const share = levelShare(rows[start].level1 as string);
    // the last group is whole only when something closes it (the 总分 row)
    if (share === null || (end === rows.length && !whole)) continue;
    const weights = rows
      .slice(start, end)
      .filter((r) => r.level3)
      .map((r) => r.cells[w]);
    const known = weights.every((x): x is string => x !== undefined && /^\d+(\.\d+)?$/.test(x.replace(/分$/, '')));
    if (!known || !sum(weights.map((x) => x.replace(/分$/, ''))).equals(dec(share))) return rows.slice(0, start);
  }
  return rows;
}
