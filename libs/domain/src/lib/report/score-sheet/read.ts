import { MONEY_PATTERN, PERCENT_PATTERN, SCORE_PATTERN } from '../../money/decimal';
import type { ReportKind } from '../parts';
import type { ObjectivesPart } from '../schema/project';
import {
  INDICATOR_NATURES,
  type FundingColumns,
  type Indicator,
  type IndicatorNature,
  type ScoreTablePart,
} from '../schema/score-table';
import {
  FUNDING_HEADER_ALIASES,
  INDICATOR_HEADER_ALIASES,
  INDICATOR_SHEET_COLUMNS,
  OBJECTIVE_HEADER_ALIASES,
  SCORE_SHEET_LABELS,
  sheetHeaderKey,
} from './layout';

/**
 * Reads a 绩效自评表 back from a sheet: the export's own layout, and the usual county copies of the form
 * (sections found by their labels, columns by their headers, so a title, extra rows or a missing optional
 * column do not matter). Every problem is reported with its row and column, and nothing is returned
 * unless the whole sheet reads: an import applies all of it or none.
 */

/** A cell as the spreadsheet library gives it. */
export interface ScoreSheetReadCell {
  /** what the cell shows; for a number, its plain decimal digits (no float noise, no exponent) */
  text: string;
  /** a number cell (not text) */
  numeric: boolean;
  /** part of a merged range but not its first cell: the text is the range's */
  mergedInto: boolean;
}

/** rows[r - 1][c - 1] is row r, column c; holes where the sheet has nothing. */
export type ScoreSheetRows = ReadonlyArray<ReadonlyArray<ScoreSheetReadCell | undefined> | undefined>;

export interface ScoreSheetError {
  row: number;
  /** the column's letter (A, B, …), or '' for the whole row */
  column: string;
  /** the column's header where it has one (分值, 年初预算数) */
  header: string;
  message: string;
}

export interface ScoreSheetContent {
  scoreTable: ScoreTablePart;
  /** 年度总体目标 of a project table; null for a 部门整体 report */
  objectives: ObjectivesPart | null;
  /** 总分 as the sheet states it; undefined when the sheet has no 总分 row */
  totalScore: string | null | undefined;
  /** where each value that was read stands, by its path in the report (scoreTable.indicators.0.weight, …) */
  sources: Record<string, { row: number; column: number }>;
}

export type ScoreSheetReading = { ok: true; value: ScoreSheetContent } | { ok: false; errors: ScoreSheetError[] };

export const SCORE_SHEET_MAX_ROWS = 400;
/** An uploaded 绩效自评表 workbook is at most this large. */
export const SCORE_SHEET_FILE_MAX_BYTES = 2 * 1024 * 1024;
const MAX_INDICATORS = 200;
const MAX_OBJECTIVES = 20;

const REQUIRED_INDICATOR_FIELDS: ReadonlyArray<keyof Indicator> = [
  'level1',
  'level2',
  'level3',
  'target',
  'actual',
  'weight',
  'score',
];

const NATURE_WORDS: Record<string, IndicatorNature> = {
  '=': '=',
  '＝': '=',
  定量: '=',
  '>=': '>=',
  '≥': '>=',
  '<=': '<=',
  '≤': '<=',
  定性: 'qualitative',
  qualitative: 'qualitative',
};

const norm = sheetHeaderKey;

export const columnLetter = (column: number): string => {
  let n = column;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

class Reader {
  readonly errors: ScoreSheetError[] = [];
  readonly sources: ScoreSheetContent['sources'] = {};
  constructor(readonly rows: ScoreSheetRows) {}

  cell(row: number, column: number): ScoreSheetReadCell | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  text(row: number, column: number): string {
    return (this.cell(row, column)?.text ?? '').trim();
  }

  /** Records where a value came from, when it holds something. */
  note(path: string, row: number, column: number | undefined, value: string | null | undefined): void {
    if (column !== undefined && value !== null && value !== undefined && value !== '') {
      this.sources[path] = { row, column };
    }
  }

  fail(row: number, column: number, header: string, message: string): void {
    this.errors.push({ row, column: column ? columnLetter(column) : '', header, message });
  }

  /**
   * The first row (from `from`) whose cells include every label — a label given as a list is any one of
   * those headers; its columns by header.
   */
  findRow(
    labels: ReadonlyArray<string | readonly string[]>,
    from = 1,
    to = this.rows.length,
  ): { row: number; columns: Map<string, number> } | null {
    for (let r = from; r <= Math.min(to, this.rows.length); r++) {
      const columns = new Map<string, number>();
      (this.rows[r - 1] ?? []).forEach((c, i) => {
        const key = norm(c?.text);
        if (key && !c?.mergedInto && !columns.has(key)) columns.set(key, i + 1);
      });
      const has = (l: string | readonly string[]) =>
        (typeof l === 'string' ? [l] : l).some((x) => columns.has(norm(x)));
      if (labels.every(has)) return { row: r, columns };
    }
    return null;
  }

  /** The column of the first of `names` the row found by findRow has. */
  static column(head: { columns: Map<string, number> }, names: readonly string[]): number | undefined {
    return names.map((n) => head.columns.get(norm(n))).find((c) => c !== undefined);
  }

  /**
   * A decimal cell: a number cell, or text of plain digits. A merged cell, a unit or thousands separators
   * in text, or digits the type cannot hold are errors; an empty cell is null.
   */
  decimal(row: number, column: number, header: string, pattern: RegExp, what: string): string | null {
    const cell = this.cell(row, column);
    const raw = (cell?.text ?? '').trim();
    if (cell?.mergedInto && raw) {
      this.fail(row, column, header, `「${header}」不能是合并单元格，每行应有自己的数值`);
      return null;
    }
    // a dash or a slash is how a form says "not applicable"
    if (/^[—–\-－/／]?$/.test(raw)) return null;
    if (!cell?.numeric && /[,，]|万元|元|分$|%$/.test(raw)) {
      this.fail(row, column, header, `「${header}」应为数字，不带单位和千位分隔符（如 1234.5），而不是「${raw}」`);
      return null;
    }
    if (!pattern.test(raw)) {
      this.fail(row, column, header, `「${header}」应为${what}，而不是「${raw}」`);
      return null;
    }
    return raw;
  }
}

const MONEY = (r: Reader, row: number, column: number, header: string) =>
  r.decimal(row, column, header, MONEY_PATTERN, '金额（万元），最多 4 位小数');
const SCORE = (r: Reader, row: number, column: number, header: string) =>
  r.decimal(row, column, header, SCORE_PATTERN, '0–100 的分数，最多 2 位小数');

/** The money section's header: 全年预算数 and 全年执行数 (年初预算数 too, when the form has it) in one row. */
const FUNDING_HEAD = [FUNDING_HEADER_ALIASES.adjustedBudget, FUNDING_HEADER_ALIASES.executed];

function readFunding(r: Reader, from: number, to: number): ScoreTablePart['funding'] | null {
  const [initial, adjusted, executed, weight, rate, score] = SCORE_SHEET_LABELS.fundingColumns;
  const head = r.findRow(FUNDING_HEAD, from, to);
  if (!head) {
    r.fail(from, 0, '', `没有找到项目资金的表头（${adjusted}、${executed}）`);
    return null;
  }
  const columnOf: Record<string, number | undefined> = {
    [initial]: Reader.column(head, FUNDING_HEADER_ALIASES.initialBudget),
    [adjusted]: Reader.column(head, FUNDING_HEADER_ALIASES.adjustedBudget),
    [executed]: Reader.column(head, FUNDING_HEADER_ALIASES.executed),
    [weight]: Reader.column(head, FUNDING_HEADER_ALIASES.weight),
    [rate]: Reader.column(head, FUNDING_HEADER_ALIASES.executionRate),
    [score]: Reader.column(head, FUNDING_HEADER_ALIASES.score),
  };
  const col = (label: string) => columnOf[label];
  const amountsFrom = Math.min(
    ...[initial, adjusted, executed].map((l) => col(l)).filter((c): c is number => c !== undefined),
  );
  const rowsOf: Partial<Record<keyof typeof SCORE_SHEET_LABELS.fundingRows, number>> = {};
  let deviationNote = '';
  let deviationRow = 0;
  const matchers: Array<[keyof typeof SCORE_SHEET_LABELS.fundingRows, RegExp]> = [
    ['total', /年度资金总额|资金总额|^总额$|合计/],
    ['currentYearAppropriation', /财政拨款|^(其中:?)?财政资金$/],
    ['carryover', /上年结转/],
    ['other', /其他资金/],
  ];
  for (let row = head.row + 1; row <= to; row++) {
    const label = Array.from({ length: amountsFrom - 1 }, (_, i) => norm(r.text(row, i + 1)))
      .filter((t) => t && t !== norm(SCORE_SHEET_LABELS.funding))
      .join('');
    if (!label) continue;
    if (label.includes('偏差原因')) {
      deviationNote = r.text(row, amountsFrom);
      deviationRow = row;
      continue;
    }
    const match = matchers.find(([key, pattern]) => rowsOf[key] === undefined && pattern.test(label));
    if (match) rowsOf[match[0]] = row;
  }
  if (rowsOf.total === undefined) {
    r.fail(head.row + 1, 0, '', `没有找到「${SCORE_SHEET_LABELS.fundingRows.total}」行`);
    return null;
  }
  const amount = (row: number, label: string) => {
    const column = col(label);
    return column === undefined ? null : MONEY(r, row, column, label);
  };
  const columnsOf = (row: number | undefined): FundingColumns =>
    row === undefined
      ? { initialBudget: null, adjustedBudget: null, executed: null }
      : {
          initialBudget: amount(row, initial),
          adjustedBudget: amount(row, adjusted),
          executed: amount(row, executed),
        };
  const total = rowsOf.total;
  const optional = (label: string, read: (column: number) => string | null) => {
    const column = col(label);
    return column === undefined ? null : read(column);
  };
  const funding = {
    total: columnsOf(total),
    currentYearAppropriation: columnsOf(rowsOf.currentYearAppropriation),
    carryover: columnsOf(rowsOf.carryover),
    other: columnsOf(rowsOf.other),
    weight: optional(weight, (c) => SCORE(r, total, c, weight)),
    executionRate: optional(rate, (c) =>
      r.decimal(total, c, rate, PERCENT_PATTERN, '百分数，最多 2 位小数（如 98.5）'),
    ),
    score: optional(score, (c) => SCORE(r, total, c, score)),
    deviationNote,
  };
  for (const [key, row] of Object.entries(rowsOf) as Array<[keyof typeof rowsOf, number]>) {
    const fields = [
      ['initialBudget', initial],
      ['adjustedBudget', adjusted],
      ['executed', executed],
    ] as const;
    for (const [field, label] of fields)
      r.note(`scoreTable.funding.${key}.${field}`, row, col(label), funding[key][field]);
  }
  for (const [field, label] of [
    ['weight', weight],
    ['executionRate', rate],
    ['score', score],
  ] as const) {
    r.note(`scoreTable.funding.${field}`, total, col(label), funding[field]);
  }
  r.note('scoreTable.funding.deviationNote', deviationRow, amountsFrom, deviationNote);
  return funding;
}

const OBJECTIVES_HEAD = [OBJECTIVE_HEADER_ALIASES.expected, OBJECTIVE_HEADER_ALIASES.actual];

function readObjectives(r: Reader, head: ReturnType<Reader['findRow']>, to: number): ObjectivesPart {
  if (!head) return { items: [] };
  const expectedColumn = Reader.column(head, OBJECTIVE_HEADER_ALIASES.expected) as number;
  const actualColumn = Reader.column(head, OBJECTIVE_HEADER_ALIASES.actual) as number;
  const items: ObjectivesPart['items'] = [];
  for (let row = head.row + 1; row < to; row++) {
    const item = { expected: r.text(row, expectedColumn), actual: r.text(row, actualColumn) };
    if (!item.expected && !item.actual) continue;
    r.note(`objectives.items.${items.length}.expected`, row, expectedColumn, item.expected);
    r.note(`objectives.items.${items.length}.actual`, row, actualColumn, item.actual);
    items.push(item);
  }
  if (items.length > MAX_OBJECTIVES) r.fail(head.row, 0, '', `年度总体目标最多 ${MAX_OBJECTIVES} 条`);
  return { items: items.slice(0, MAX_OBJECTIVES) };
}

function indicatorColumns(r: Reader, row: number, columns: Map<string, number>) {
  const found = new Map<keyof Indicator, number>();
  for (const c of INDICATOR_SHEET_COLUMNS) {
    const column = [c.header, ...(INDICATOR_HEADER_ALIASES[c.field] ?? [])]
      .map((h) => columns.get(norm(h)))
      .find(Boolean);
    if (column !== undefined) found.set(c.field, column);
  }
  for (const field of REQUIRED_INDICATOR_FIELDS) {
    if (!found.has(field)) {
      const header = INDICATOR_SHEET_COLUMNS.find((c) => c.field === field)?.header ?? field;
      r.fail(row, 0, header, `绩效指标的表头缺少「${header}」列`);
    }
  }
  return found;
}

/** 年度指标值 written with its sign (≥95) when the sheet has no 指标性质 column. */
function natureOf(r: Reader, row: number, column: number | undefined, target: string): IndicatorNature | null {
  if (column === undefined) {
    if (/^(≥|>=)/.test(target)) return '>=';
    if (/^(≤|<=)/.test(target)) return '<=';
    return /^\d+(\.\d+)?$/.test(target) ? '=' : 'qualitative';
  }
  const word = norm(r.text(row, column));
  const nature = NATURE_WORDS[word];
  if (!nature) {
    r.fail(row, column, '指标性质', `「指标性质」应为 ＝、≥、≤ 或 定性，而不是「${r.text(row, column)}」`);
    return null;
  }
  return (INDICATOR_NATURES as readonly string[]).includes(nature) ? nature : null;
}

function readIndicators(r: Reader, head: number, columns: Map<keyof Indicator, number>) {
  const indicators: Indicator[] = [];
  let totalRow: number | undefined;
  const last = Math.min(r.rows.length, head + MAX_INDICATORS + 50);
  for (let row = head + 1; row <= last; row++) {
    // a section label merged down the rows (绩效指标) does not make a row non-blank
    const words = (r.rows[row - 1] ?? []).map((c) => (c && !c.mergedInto ? norm(c.text) : ''));
    if (words.some((w) => w === norm(SCORE_SHEET_LABELS.total) || w === '合计')) {
      totalRow = row;
      break;
    }
    if (words.every((w) => !w) || words.some((w) => w.startsWith('填表人'))) continue;
    // a 二级指标 the form lists with no indicator under it (经济效益指标 and nothing else): no row
    const filled = [...columns].some(([field, c]) => field !== 'level1' && field !== 'level2' && r.text(row, c));
    if (!filled) continue;
    if (indicators.length === MAX_INDICATORS) {
      r.fail(row, 0, '', `绩效指标最多 ${MAX_INDICATORS} 行`);
      break;
    }
    const at = (field: keyof Indicator) => columns.get(field);
    const textOf = (field: keyof Indicator, max: number) => {
      const column = at(field);
      const value = column === undefined ? '' : r.text(row, column);
      const header = INDICATOR_SHEET_COLUMNS.find((c) => c.field === field)?.header ?? field;
      if (value.length > max) r.fail(row, column ?? 0, header, `「${header}」不能超过 ${max} 个字符`);
      return value;
    };
    const level = (field: 'level1' | 'level2' | 'level3', header: string, max: number) => {
      const value = textOf(field, max);
      if (!value) r.fail(row, at(field) ?? 0, header, `请填写「${header}」`);
      return value;
    };
    let target = textOf('target', 100);
    const nature = natureOf(r, row, at('nature'), target);
    if (at('nature') === undefined) target = target.replace(/^(≥|>=|≤|<=)/, '');
    indicators.push({
      level1: level('level1', '一级指标', 50),
      level2: level('level2', '二级指标', 50),
      level3: level('level3', '三级指标', 200),
      nature: nature ?? '=',
      target,
      unit: textOf('unit', 20),
      actual: textOf('actual', 100),
      weight: SCORE(r, row, at('weight') as number, '分值'),
      score: SCORE(r, row, at('score') as number, '得分'),
      deviationNote: textOf('deviationNote', 2000),
      evidence: textOf('evidence', 1000),
    });
    const read = indicators[indicators.length - 1];
    for (const [field, column] of columns) {
      r.note(`scoreTable.indicators.${indicators.length - 1}.${field}`, row, column, read[field] as string | null);
    }
  }
  const totalScore =
    totalRow === undefined ? undefined : SCORE(r, totalRow, columns.get('score') as number, '得分（总分）');
  if (totalRow !== undefined) r.note('conclusion.totalScore', totalRow, columns.get('score'), totalScore);
  return { indicators, totalScore };
}

/** Reads the sheet of one 绩效自评表 (`kind` says whether it has 年度总体目标). */
export function readScoreSheet(rows: ScoreSheetRows, kind: ReportKind): ScoreSheetReading {
  const r = new Reader(rows);
  if (rows.length > SCORE_SHEET_MAX_ROWS) {
    return {
      ok: false,
      errors: [
        {
          row: SCORE_SHEET_MAX_ROWS + 1,
          column: '',
          header: '',
          message: `工作表过长：最多 ${SCORE_SHEET_MAX_ROWS} 行`,
        },
      ],
    };
  }
  const indicatorHead = r.findRow(['一级指标', '二级指标', '三级指标']);
  if (!indicatorHead) {
    return {
      ok: false,
      errors: [{ row: 1, column: '', header: '', message: '没有找到绩效指标的表头（一级指标、二级指标、三级指标）' }],
    };
  }
  const fundingHead = r.findRow(FUNDING_HEAD, 1, indicatorHead.row - 1);
  const objectivesHead = kind === 'project' ? r.findRow(OBJECTIVES_HEAD, 1, indicatorHead.row - 1) : null;
  // the two sections above the indicators come in either order (四川's form puts 年度目标 first)
  const objectivesFirst = !!objectivesHead && !!fundingHead && objectivesHead.row < fundingHead.row;
  const funding = readFunding(
    r,
    fundingHead?.row ?? 1,
    (objectivesHead && !objectivesFirst ? objectivesHead.row : indicatorHead.row) - 1,
  );
  const objectives =
    kind === 'project'
      ? readObjectives(r, objectivesHead, objectivesFirst ? (fundingHead?.row ?? 0) : indicatorHead.row)
      : null;
  const before = r.errors.length;
  const columns = indicatorColumns(r, indicatorHead.row, indicatorHead.columns);
  // without its columns the indicator rows cannot be read at all; other errors are all collected
  if (r.errors.length > before) return { ok: false, errors: r.errors };
  const { indicators, totalScore } = readIndicators(r, indicatorHead.row, columns);
  if (r.errors.length || !funding) return { ok: false, errors: r.errors };
  return { ok: true, value: { scoreTable: { funding, indicators }, objectives, totalScore, sources: r.sources } };
}

export type ScoreSheetFundingReading =
  | { ok: true; value: { funding: ScoreTablePart['funding']; sources: ScoreSheetContent['sources'] } }
  | { ok: false; errors: ScoreSheetError[] };

/**
 * The money rows alone, for a copy of the form that stops before its indicators (a web page's stored text
 * cut short): from their header to the 年度总体目标 or the end.
 */
export function readScoreSheetFunding(rows: ScoreSheetRows): ScoreSheetFundingReading {
  const r = new Reader(rows.slice(0, SCORE_SHEET_MAX_ROWS));
  const head = r.findRow(FUNDING_HEAD);
  const next = head ? r.findRow(OBJECTIVES_HEAD, head.row + 1) : null;
  const funding = readFunding(r, head?.row ?? 1, (next?.row ?? r.rows.length + 1) - 1);
  if (r.errors.length || !funding) return { ok: false, errors: r.errors };
  return { ok: true, value: { funding, sources: r.sources } };
}
