import { amountUnitInHeader, parseAmount, type AmountUnit } from '../figures';
import type { SourceTable } from '../source-document';

/**
 * The year's 收支 table (收入支出预决算对比表 and its kind): rows named by their labels (财政拨款收入, 人员经费,
 * 项目支出, 支出合计…), a 年初预算 column and a 决算/执行 column, amounts in the header's unit. Recognised only
 * when three of the labels (the 三公经费 rows counting as one) and one of the column headers are there.
 */
export type BudgetFigurePath =
  | 'income.appropriation'
  | 'income.other'
  | 'income.total'
  | 'expenditure.personnel'
  | 'expenditure.publicExpense'
  | 'expenditure.basic'
  | 'expenditure.project'
  | 'expenditure.total';

const ROW_LABELS: Array<[RegExp, BudgetFigurePath]> = [
  [/^(一般公共预算)?财政拨款收入$/, 'income.appropriation'],
  [/^其他收入$/, 'income.other'],
  [/^(本年)?收入合计$/, 'income.total'],
  [/^人员经费$/, 'expenditure.personnel'],
  [/^公用经费$/, 'expenditure.publicExpense'],
  [/^基本支出$/, 'expenditure.basic'],
  [/^项目支出$/, 'expenditure.project'],
  [/^(本年)?支出合计$/, 'expenditure.total'],
];
/** The 三公经费 rows a 经费 table has beside them (湖南's 基础数据表): no place in the report, but its kind. */
const OTHER_ROWS = /^(“?三公”?经费|公务接待(费)?|(因公)?出国(\(境\))?经费|公务用车购置(和|及)(运行)?维护(经费|费)?)$/;
const BUDGET_HEAD = /^(年初)?预算(数)?([(（].*[)）])?$/;
const ACTUAL_HEAD = /^(决算|全年执行|执行|实际支出)(数)?([(（].*[)）])?$/;

const norm = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]+、|^\d+[.、]|^其中[:：]?/, '')
    .replace(/[:：]$/, '');
/** A column header's year (2023 年决算数) and the header without it. */
function yearHeader(text: string): { year: number | null; word: string } {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})年度?/.exec(t);
  return { year: m ? Number(m[1]) : null, word: m ? t.slice(m[0].length) : norm(t) };
}

/**
 * The column of a header kind; where several carry a year (2022 年决算数, 2023 年决算数) the year's own
 * one — that of `year` when given, else the latest.
 */
function columnOf(words: Array<{ year: number | null; word: string }>, head: RegExp, year: number | null): number {
  const found = words.flatMap((w, i) => (head.test(w.word) ? [{ i, year: w.year }] : []));
  if (found.length <= 1) return found[0]?.i ?? -1;
  const wanted = year ?? Math.max(...found.map((f) => f.year ?? -Infinity));
  return found.find((f) => f.year === wanted)?.i ?? -1;
}

export interface BudgetFigureCell {
  path: BudgetFigurePath;
  column: 'budget' | 'actual';
  value: string;
  row: number;
  cell: number;
}

export interface BudgetTableRead {
  figures: BudgetFigureCell[];
  unitFromHeader: boolean;
  /** cells in a figure's row and column that are not an exact amount */
  unread: Array<{ row: number; cell: number }>;
}

export function readBudgetFigureTable(table: SourceTable): BudgetTableRead | null {
  const labelled = table.rows
    .map((row, r) => ({ r, path: ROW_LABELS.find(([re]) => row.some((c) => re.test(norm(c.text))))?.[1] }))
    .filter((x): x is { r: number; path: BudgetFigurePath } => x.path !== undefined);
  // rows of the table's kind that have no place in the report (三公经费…) still say what table it is
  const others = table.rows.filter((row) => row.some((c) => OTHER_ROWS.test(norm(c.text)))).length;
  if (new Set(labelled.map((x) => x.path)).size + Math.min(others, 1) < 3) return null;
  let head: { row: number; budget?: number; actual?: number } | null = null;
  for (let r = 0; r < Math.min(3, table.rows.length) && !head; r++) {
    const words = table.rows[r].map((c) => yearHeader(c.text));
    const budget = columnOf(words, BUDGET_HEAD, null);
    // this year's 决算 beside this year's 预算, not last year's
    const actual = columnOf(words, ACTUAL_HEAD, budget === -1 ? null : words[budget].year);
    if (budget !== -1 || actual !== -1)
      head = { row: r, budget: budget === -1 ? undefined : budget, actual: actual === -1 ? undefined : actual };
  }
  if (!head) return null;
  const unit: AmountUnit | null =
    table.rows
      .slice(0, head.row + 1)
      .flatMap((row) => row.map((c) => amountUnitInHeader(c.text)))
      .find((u) => u) ?? null;
  const figures: BudgetFigureCell[] = [];
  const unread: BudgetTableRead['unread'] = [];
  const seen = new Set<string>();
  for (const { r, path } of labelled) {
    if (r <= head.row || seen.has(path)) continue;
    seen.add(path);
    for (const column of ['budget', 'actual'] as const) {
      const cell = head[column];
      if (cell === undefined) continue;
      const text = table.rows[r][cell]?.text.trim() ?? '';
      if (!text || /^[—\-–]+$/.test(text)) continue;
      const parsed = parseAmount(text, { defaultUnit: unit ?? '万元' });
      if (parsed.ok) figures.push({ path, column, value: parsed.value, row: r, cell });
      else unread.push({ row: r, cell });
    }
  }
  return { figures, unitFromHeader: unit !== null, unread };
}
