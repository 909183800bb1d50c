import { dec } from '@evalflow/domain';
import type { SourceCell } from '../../source-document';
import { fits, isLabelLike, isNumber, isNumberedLabel, isStop, isValue } from './cells';
import { gridRow, toSourceRows, unreadIndexes, unreadRow, type GridCell, type GridRow } from './grid';
import { boxRows, checkShares, explicitRows, implicitRows, joinedRows, type IndicatorRead } from './indicator-rows';
import { fundingScoreAgrees, rateAgrees, refineJoined, splits, type Split } from './joined';
import { headerRunSection, tokenize, type Token } from './tokens';
import {
  FUNDING_ROW_LABEL,
  HEAD_LABELS,
  TOTAL_LABEL,
  columnsNamed,
  isFieldLabel,
  isLevel1,
  labelKey,
  type ColumnSpec,
  type SectionId,
  type SectionSpec,
} from './vocabulary';

/**
 * The tables of a known form (the 绩效自评表, 湖南's 基础数据表) in a text, whatever layout the page left
 * them in, rebuilt as grids the way a Word table of the form would be: a header row per section (the
 * header's own cells), a row per row of the form, each value in its header's column. A section is found by
 * its header words; its rows are rebuilt only as far as they can be told for certain, and a table ends at
 * its last row read — what follows stays text.
 */
export interface FormTable {
  /** the first and last token it took: where it starts and ends in the text */
  first: Token;
  last: Token;
  rows: SourceCell[][];
  /** rows holding text that could not be placed under the header for certain */
  unread: number[];
}

type Mode = 'explicit' | 'rows' | 'implicit' | 'joined';

interface Section {
  spec: SectionSpec;
  /** the first cell before the header words that belongs to the header (项目资金（万元）, 绩效指标) */
  lead: number;
  start: number;
  end: number;
  columns: ColumnSpec[];
  mode: Mode;
}

interface Read {
  rows: GridRow[];
  end: number;
}

const SCORE_SHEET = new Set<SectionId>(['funding', 'objectives', 'indicators']);
/** cells between two sections of one table (a label, an empty answer) */
const GAP = 8;
/** cells from the form's name row to its first section */
const HEAD_SPAN = 16;
/** header cells of a section's columns start here; before them the section's name and the label column */
const FIRST = 2;

const plain = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

function modeOf(t: Token): Mode {
  if (t.layout === 'bar') return 'explicit';
  if (t.layout === 'box') return 'rows';
  if (t.layout === 'joined') return 'joined';
  return 'implicit';
}

/** Tokens that can be one header: consecutive cells of one layout (of one line where a line is a row). */
const sameStretch = (a: Token, b: Token) =>
  a.layout === b.layout && (a.layout === 'bar' || a.layout === 'line' || a.line === b.line);

function findSections(tokens: Token[]): Section[] {
  const out: Section[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!columnsNamed(tokens[i].text).length) continue;
    let j = i;
    while (j < tokens.length && columnsNamed(tokens[j].text).length && sameStretch(tokens[i], tokens[j])) j++;
    for (let k = j; k >= i + 2; k--) {
      const run = tokens.slice(i, k);
      const spec = headerRunSection(run.map((t) => t.text));
      if (!spec) continue;
      // 湖南's 基础数据表 is read where its cells stand a line each; tables a row a line are read as such
      if ((spec.id === 'staff' || spec.id === 'spending') && run.some((t) => t.layout !== 'line' && t.layout !== 'bar'))
        break;
      const columns = run.map((t) => columnsNamed(t.text).find((c) => c.section === spec)?.column as ColumnSpec);
      const floor = out.length ? out[out.length - 1].end : 0;
      let lead = i;
      while (
        lead > Math.max(floor, i - 2) &&
        spec.lead.test(plain(tokens[lead - 1].text)) &&
        sameStretch(tokens[lead - 1], tokens[i])
      )
        lead--;
      out.push({ spec, lead, start: i, end: k, columns, mode: modeOf(tokens[i]) });
      i = k - 1;
      break;
    }
  }
  return out;
}

const gapRows = (tokens: Token[], a: number, b: number): GridRow[] =>
  tokens.slice(a, b).flatMap((t, n) => (t.text ? [unreadRow(a + n, a + n + 1, t.text)] : []));

function headerRow(tokens: Token[], s: Section): GridRow {
  const leads = tokens.slice(s.lead, s.start);
  const cells: Array<[number, string]> = leads.map((t, n) => [FIRST - leads.length + n, t.text]);
  tokens.slice(s.start, s.end).forEach((t, k) => cells.push([FIRST + k, t.text]));
  return gridRow(s.lead, s.end, false, cells);
}

/** The tokens' texts, a space between: a row that could not be placed, as one cell. */
const joinTexts = (tokens: Token[], a: number, b: number) =>
  tokens
    .slice(a, b)
    .map((t) => t.text)
    .filter(Boolean)
    .join(' ');

/** Labels and their values (项目名称 | 工资性支出), a row each; other cells in rows of their own. */
function fieldRows(tokens: Token[], a: number, b: number, mode: Mode): GridRow[] {
  const rows: GridRow[] = [];
  let i = a;
  while (i < b) {
    const t = tokens[i];
    if (!isFieldLabel(t.text)) {
      if (t.text) rows.push(unreadRow(i, i + 1, t.text));
      i++;
      continue;
    }
    if (mode === 'implicit' || mode === 'joined') {
      // with no empty cell kept, the value is the one cell before the next label: more, and a label the
      // form has but this list does not may be among them
      let j = i + 1;
      while (j < b && !isFieldLabel(tokens[j].text)) j++;
      const one = j === i + 2;
      rows.push(
        gridRow(i, one ? j : i + 1, one, [
          [0, t.text],
          [1, one ? tokens[i + 1].text : ''],
        ]),
      );
      if (!one) rows.push(...gapRows(tokens, i + 1, j));
      i = j;
      continue;
    }
    const next = tokens[i + 1];
    const value = i + 1 < b && !isFieldLabel(next.text) && !(mode === 'rows' && next.rowStart) ? next : null;
    rows.push(
      gridRow(i, value ? i + 2 : i + 1, !!value?.text, [
        [0, t.text],
        [1, value?.text ?? ''],
      ]),
    );
    i = value ? i + 2 : i + 1;
  }
  return rows;
}

/** The form's head above its first section: from its name row (项目名称…) on. */
function headRows(tokens: Token[], s: Section, floor: number): GridRow[] {
  for (let p = s.lead - 1; p >= Math.max(floor, s.lead - HEAD_SPAN); p--)
    if (HEAD_LABELS.includes(labelKey(tokens[p].text))) return fieldRows(tokens, p, s.lead, modeOf(tokens[p]));
  return [];
}

const isFundingRowLabel = (text: string) => FUNDING_ROW_LABEL.test(text.normalize('NFKC').trim());
const isTotalFunding = (text: string) => /年度资金总额|资金总额|^总额$|^合计$/.test(labelKey(text));

/** The money rows: a label, then its amounts (and 分值, 执行率, 得分 on the 年度资金总额 row). */
function fundingRows(tokens: Token[], s: Section, b: number): Read {
  const cols = s.columns;
  const valueCols = cols.flatMap((c, k) => (c.type !== 'text' ? [k] : []));
  const moneyCols = cols.flatMap((c, k) => (c.type === 'money' ? [k] : []));
  const textCol = cols.findIndex((c) => c.type === 'text');
  const rows: GridRow[] = [];
  const place = (label: number, to: number, cells: Array<[number, string]>) =>
    rows.push(
      gridRow(label, to, cells.length > 0, [
        [1, tokens[label].text],
        ...cells.map(([k, t]): [number, string] => [FIRST + k, t]),
      ]),
    );
  const gap = (from: number, to: number) => rows.push(unreadRow(from, to, joinTexts(tokens, from, to)));
  let i = s.end;
  if (s.mode === 'explicit') {
    // every cell kept: a row's cells stand in its columns; a merged 原因 leaves the rows below it short
    while (i < b) {
      const t = tokens[i];
      if (t.text === '') {
        i++;
        continue;
      }
      if (!isLabelLike(t.text) || isStop(t.text)) break;
      let j = i + 1;
      while (j < b && j - i - 1 < cols.length && !isFundingRowLabel(tokens[j].text)) j++;
      const cells = tokens.slice(i + 1, j).map((x) => x.text);
      const whole = cols.slice(cells.length).every((c) => c.type === 'text');
      if (whole && cells.every((c, k) => c === '' || fits(cols[k].type, c)))
        place(
          i,
          j,
          cells.flatMap((c, k): Array<[number, string]> => (c ? [[k, c]] : [])),
        );
      else gap(i, j);
      i = j;
    }
    return { rows, end: i };
  }
  if (s.mode === 'joined') return joinedFundingRows(tokens, s, b, rows, place, gap);
  // no empty cell kept: the amounts are placed only when how many there are says where they stand
  while (i < b) {
    const t = tokens[i];
    if ((s.mode === 'rows' && !t.rowStart) || isValue(t.text) || !isLabelLike(t.text) || isStop(t.text)) break;
    let j = i + 1;
    while (j < b && !(s.mode === 'rows' && tokens[j].rowStart) && isValue(tokens[j].text)) j++;
    let end = j;
    if (s.mode === 'rows') while (end < b && !tokens[end].rowStart) end++;
    const values = tokens.slice(i + 1, j).map((x) => x.text);
    const texts = tokens.slice(j, end).map((x) => x.text);
    let at: number[] | null = null;
    if (values.length === valueCols.length) at = valueCols;
    else if (values.length && values.length === moneyCols.length && !isTotalFunding(t.text) && values.every(isNumber))
      at = moneyCols;
    else if (values.length === 0) at = [];
    const cells = at ? values.map((v, m): [number, string] => [(at as number[])[m], v]) : null;
    if (
      cells &&
      cells.every(([k, v]) => fits(cols[k].type, v)) &&
      (texts.length === 0 || (texts.length === 1 && textCol >= 0))
    ) {
      if (texts.length) cells.push([textCol, texts[0]]);
      place(i, end, cells);
    } else gap(i, end);
    i = end;
  }
  return { rows, end: i };
}

/** Amounts run together (202010100.00%10): split the one way the columns and 执行率 = 执行数 ÷ 预算数 allow. */
function joinedFundingRows(
  tokens: Token[],
  s: Section,
  b: number,
  rows: GridRow[],
  place: (label: number, to: number, cells: Array<[number, string]>) => void,
  gap: (from: number, to: number) => void,
): Read {
  const cols = s.columns;
  const key = (k: number) => cols[k].key;
  const total: Record<string, string> = {};
  let i = s.end;
  while (i < b && !tokens[i].piece && isFundingRowLabel(tokens[i].text)) {
    const label = tokens[i];
    const piece = i + 1 < b && tokens[i + 1].piece ? tokens[i + 1] : null;
    if (!piece) {
      place(i, i + 1, []);
      i++;
      continue;
    }
    const isTotal = isTotalFunding(label.text);
    const ks = cols.flatMap((c, k) => ((isTotal ? c.type !== 'text' : c.type === 'money') ? [k] : []));
    const text = (split: Split, k: string) => {
      const m = ks.findIndex((x) => key(x) === k);
      return m >= 0 ? piece.text.slice(split[m][0], split[m][1]) : undefined;
    };
    const accept = (split: Split) => {
      if (isTotal) {
        const [budget, executed, rate] = [
          text(split, 'adjustedBudget'),
          text(split, 'executed'),
          text(split, 'executionRate'),
        ];
        if (budget && executed && rate && !rateAgrees(budget, executed, rate)) return false;
        const [weight, score] = [text(split, 'weight'), text(split, 'score')];
        if (weight && score && dec(score).greaterThan(weight)) return false;
        // cut apart, the figures must hold together as the form computes them: 得分 = 执行率 × 分值
        return !(weight && rate && score) || fundingScoreAgrees(weight, rate, score);
      }
      // a part of the year's money is no more than its total
      return ks.every(
        (k) => total[key(k)] === undefined || !dec(text(split, key(k)) ?? '0').greaterThan(total[key(k)]),
      );
    };
    const found = splits(
      piece.text,
      ks.map((k) => cols[k].type),
      accept,
    );
    if (found?.length === 1) {
      const cells = ks.map((k, m): [number, string] => [k, piece.text.slice(found[0][m][0], found[0][m][1])]);
      if (isTotal) for (const [k, v] of cells) total[key(k)] = v;
      place(i, i + 2, cells);
    } else gap(i, i + 2);
    i += 2;
  }
  return { rows, end: i };
}

/** 年度总体目标: a row per goal, what was expected beside what was done. */
function objectiveRows(tokens: Token[], s: Section, b: number): Read {
  const expected = FIRST + s.columns.findIndex((c) => c.key === 'expected');
  const actual = FIRST + s.columns.findIndex((c) => c.key === 'actual');
  const rows: GridRow[] = [];
  const item = (from: number, to: number) =>
    rows.push(
      gridRow(from, to, true, [
        [expected, tokens[from].text],
        [actual, tokens[from + 1].text],
      ]),
    );
  // a numbered label of the form (2.项目实施内容及过程概述) starts the next block
  const ends = (t: Token) => isNumberedLabel(t.text) || isFieldLabel(t.text) || isStop(t.text);
  let i = s.end;
  if (s.mode === 'explicit') {
    while (i + 1 < b && !ends(tokens[i])) {
      if (tokens[i].text || tokens[i + 1].text) item(i, i + 2);
      i += 2;
    }
  } else if (s.mode === 'rows') {
    while (
      i + 1 < b &&
      tokens[i].rowStart &&
      !tokens[i + 1].rowStart &&
      (i + 2 >= b || tokens[i + 2].rowStart) &&
      !ends(tokens[i])
    ) {
      item(i, i + 2);
      i += 2;
    }
  } else if (s.mode === 'implicit' && b - i === 2 && !ends(tokens[i]) && !ends(tokens[i + 1])) {
    // with no empty cell kept, only a lone goal is certain: its two cells, then the next section
    item(i, i + 2);
    i += 2;
  }
  return { rows, end: i };
}

/** 绩效指标: the rows, their 一级/二级指标 merged down as a Word table merges them, then 总分. */
function indicatorRows(tokens: Token[], s: Section, b: number): Read {
  const cols = s.columns;
  if (cols[0]?.key !== 'level1' || cols[1]?.key !== 'level2' || cols[2]?.key !== 'level3')
    return { rows: [], end: s.end };
  const rest = cols.slice(3);
  let stop = s.end;
  while (stop < b && !(tokens[stop].text && isStop(tokens[stop].text))) stop++;
  const final = stop === tokens.length;
  const read: IndicatorRead =
    s.mode === 'explicit'
      ? explicitRows(tokens, s.end, stop, rest)
      : s.mode === 'rows'
        ? boxRows(tokens, s.end, stop, rest, final)
        : s.mode === 'joined'
          ? joinedRows(tokens, s.end, stop, rest, joinedTotal(tokens, stop, b))
          : implicitRows(tokens, s.end, stop, rest, final);
  const closed = read.end === stop && stop < b && TOTAL_LABEL.test(labelKey(tokens[stop].text));
  // the last group read is whole when the total closes it or the next 一级指标 follows it
  const whole = closed || (read.end < stop && isLevel1(tokens[read.end].text));
  const checked = s.mode === 'implicit' || s.mode === 'joined' ? checkShares(read.rows, rest, whole) : read.rows;
  const rows: GridRow[] = [];
  let level1: GridCell | undefined;
  let level2: GridCell | undefined;
  for (const r of checked) {
    const row: GridRow = { cells: [], from: r.from, to: r.to, values: !!r.level3 };
    if (r.level1 !== undefined) {
      level1 = { text: r.level1, rowSpan: 1 };
      row.cells[FIRST] = level1;
      level2 = undefined;
    } else if (level1) {
      level1.rowSpan = (level1.rowSpan ?? 1) + 1;
      row.cells[FIRST] = { text: '', covered: true };
    } else break;
    if (r.level2 !== undefined) {
      level2 = { text: r.level2, rowSpan: 1 };
      row.cells[FIRST + 1] = level2;
    } else if (level2) {
      level2.rowSpan = (level2.rowSpan ?? 1) + 1;
      row.cells[FIRST + 1] = { text: '', covered: true };
    } else break;
    if (r.level3) row.cells[FIRST + 2] = { text: r.level3 };
    else level2 = undefined; // a 二级指标 with no rows: the next row names its own
    r.cells.forEach((c, k) => {
      if (c) row.cells[FIRST + 3 + k] = { text: c };
    });
    if (r.unsplit) {
      row.cells[FIRST + 3 + rest.length] = { text: r.unsplit };
      row.unread = true;
    }
    rows.push(row);
  }
  const end = rows.length === read.rows.length ? read.end : rows.length ? rows[rows.length - 1].to : s.end;
  if (end === stop && closed) {
    const total = totalRow(tokens, s, stop, b, rest);
    if (total) return { rows: [...rows, total], end: total.to };
  }
  return { rows, end };
}

/** 总分's 分值 and 得分 run together (100100): the one split where 得分 is no more than 分值. */
function joinedTotal(tokens: Token[], at: number, b: number): { weight: string; score: string } | null {
  const piece = tokens[at + 1];
  if (at + 1 >= b || !TOTAL_LABEL.test(labelKey(tokens[at].text)) || !piece.piece) return null;
  const found = splits(
    piece.text,
    ['score', 'score'],
    ([[w0, w1], [s0, s1]]) => !dec(piece.text.slice(s0, s1)).greaterThan(piece.text.slice(w0, w1)),
  );
  if (found?.length !== 1) return null;
  const [[w0, w1], [s0, s1]] = found[0];
  return { weight: piece.text.slice(w0, w1), score: piece.text.slice(s0, s1) };
}

/** 总分 (合计): its 分值 and 得分, placed under their columns. */
function totalRow(tokens: Token[], s: Section, at: number, b: number, rest: ColumnSpec[]): GridRow | null {
  const weight = rest.findIndex((c) => c.key === 'weight');
  const score = rest.findIndex((c) => c.key === 'score');
  const label: [number, string] = [FIRST, tokens[at].text];
  const row = (to: number, cells: Array<[number, string]>) =>
    gridRow(at, to, cells.length > 0, [label, ...cells.map(([k, t]): [number, string] => [FIRST + 3 + k, t])]);
  if (s.mode === 'explicit') {
    // the 合计 cell spans the columns before its numbers: they stand under the last columns
    let j = at + 1;
    while (j < b && j - at - 1 < rest.length && (tokens[j].text === '' || isValue(tokens[j].text))) j++;
    const texts = tokens.slice(at + 1, j).map((t) => t.text);
    const cells = texts.map((t, m): [number, string] => [rest.length - texts.length + m, t]);
    if (!cells.every(([k, t]) => t === '' || fits(rest[k].type, t))) return null;
    return row(
      j,
      cells.filter(([, t]) => t),
    );
  }
  if (weight < 0 || score < 0) return null;
  if (s.mode === 'joined') {
    const total = joinedTotal(tokens, at, b);
    return total
      ? row(at + 2, [
          [weight, total.weight],
          [score, total.score],
        ])
      : null;
  }
  let j = at + 1;
  while (j < b && !(s.mode === 'rows' && tokens[j].rowStart) && isValue(tokens[j].text)) j++;
  const values = tokens.slice(at + 1, j).map((t) => t.text);
  // 分值 then 得分, as the header has them; one number alone could be either
  if (values.length !== 2 || !values.every((v) => fits('score', v))) return null;
  const [first, second] = weight < score ? [weight, score] : [score, weight];
  return row(j, [
    [first, values[0]],
    [second, values[1]],
  ]);
}

/** 湖南 基础数据表's 财政供养人员情况: one row of numbers under 编制数, 实际在职人数, 控制率. */
function staffRows(tokens: Token[], s: Section, b: number): Read {
  const n = s.columns.length;
  const values = tokens.slice(s.end, Math.min(b, s.end + n));
  if (values.length !== n || !values.every((t, k) => fits(s.columns[k].type, t.text))) return { rows: [], end: s.end };
  return {
    rows: [
      gridRow(
        s.end,
        s.end + n,
        true,
        values.map((t, k): [number, string] => [FIRST + k, t.text]),
      ),
    ],
    end: s.end + n,
  };
}

/** 湖南 基础数据表's 经费控制情况: a label, then its amounts under each year's column (or none). */
function spendingRows(tokens: Token[], s: Section, b: number): Read {
  const rows: GridRow[] = [];
  let i = s.end;
  while (i < b && isLabelLike(tokens[i].text) && !isStop(tokens[i].text)) {
    let j = i + 1;
    while (j < b && isValue(tokens[j].text)) j++;
    const values = tokens.slice(i + 1, j).map((t) => t.text);
    const label: [number, string] = [1, tokens[i].text];
    if (values.length === s.columns.length && values.every((v, k) => fits(s.columns[k].type, v)))
      rows.push(gridRow(i, j, true, [label, ...values.map((v, k): [number, string] => [FIRST + k, v])]));
    else if (values.length === 0) rows.push(gridRow(i, j, false, [label]));
    else rows.push(unreadRow(i, j, joinTexts(tokens, i, j)));
    i = j;
  }
  return { rows, end: i };
}

function readSection(tokens: Token[], s: Section, b: number): Read {
  switch (s.spec.id) {
    case 'funding':
      return fundingRows(tokens, s, b);
    case 'objectives':
      return objectiveRows(tokens, s, b);
    case 'indicators':
      return indicatorRows(tokens, s, b);
    case 'staff':
      return staffRows(tokens, s, b);
    case 'spending':
      return spendingRows(tokens, s, b);
  }
}

interface Built {
  from: number;
  to: number;
  rows: GridRow[];
}

function build(rows: GridRow[]): Built | null {
  // a table ends with its last row of values: labels and headers after it are text again
  const kept = [...rows];
  while (kept.length && !kept[kept.length - 1].values) kept.pop();
  if (!kept.length) return null;
  return { from: Math.min(...kept.map((r) => r.from)), to: Math.max(...kept.map((r) => r.to)), rows: kept };
}

/** Forms laid out a label a cell and its value the next (联系人 | 吴俊 | 人员编制 | 21 …): three such pairs or more. */
function fieldTables(tokens: Token[], taken: (i: number) => boolean): Built[] {
  const out: Built[] = [];
  const cellLine = (t: Token | undefined) => !!t && (t.layout === 'line' || t.layout === 'bar');
  /** a label at i, perhaps wrapped onto the next cell (年度主要 / 工作内容): how many cells it takes */
  const labelAt = (i: number) => {
    if (!cellLine(tokens[i]) || taken(i)) return 0;
    if (isFieldLabel(tokens[i].text)) return 1;
    return cellLine(tokens[i + 1]) && !taken(i + 1) && isFieldLabel(tokens[i].text + tokens[i + 1].text) ? 2 : 0;
  };
  let i = 0;
  while (i < tokens.length) {
    if (!labelAt(i)) {
      i++;
      continue;
    }
    const rows: GridRow[] = [];
    let j = i;
    for (let n = labelAt(j); n; n = labelAt(j)) {
      const label = tokens
        .slice(j, j + n)
        .map((t) => t.text)
        .join('');
      const v = j + n;
      const value = cellLine(tokens[v]) && !taken(v) && !labelAt(v) ? tokens[v].text : null;
      rows.push(
        gridRow(j, value === null ? v : v + 1, value !== null, [
          [0, label],
          [1, value ?? ''],
        ]),
      );
      j = value === null ? v : v + 1;
    }
    if (rows.filter((r) => r.values).length >= 3) {
      const built = build(rows);
      if (built) out.push(built);
      i = j;
    } else i++;
  }
  return out;
}

/** The form tables of `lines` (blank lines as ''), in order. */
export function findFormTables(lines: string[]): FormTable[] {
  const tokens = refineJoined(tokenize(lines), (t) => t.section);
  const sections = findSections(tokens);
  const built: Built[] = [];
  let floor = 0;
  let k = 0;
  while (k < sections.length) {
    const first = sections[k];
    if (first.lead < floor) {
      k++;
      continue;
    }
    const rows: GridRow[] = SCORE_SHEET.has(first.spec.id) ? headRows(tokens, first, floor) : [];
    let last = k;
    for (;;) {
      const s = sections[last];
      const next = sections[last + 1];
      rows.push(headerRow(tokens, s));
      const read = readSection(tokens, s, next ? next.lead : tokens.length);
      rows.push(...read.rows);
      // the sections of a 绩效自评表 follow each other with little between (a label, an empty answer)
      if (!next || !SCORE_SHEET.has(s.spec.id) || !SCORE_SHEET.has(next.spec.id) || next.lead - read.end > GAP) break;
      rows.push(...gapRows(tokens, read.end, next.lead));
      last++;
    }
    k = last + 1;
    const table = build(rows);
    if (!table) continue;
    built.push(table);
    floor = table.to;
  }
  const inTable = (i: number) => built.some((t) => i >= t.from && i < t.to);
  built.push(...fieldTables(tokens, inTable));
  return built
    .sort((x, y) => x.from - y.from)
    .map((t) => ({
      first: tokens[t.from],
      last: tokens[t.to - 1],
      rows: toSourceRows(t.rows),
      unread: unreadIndexes(t.rows),
    }));
}
