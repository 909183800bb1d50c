import {
  FUNDING_HEADER_ALIASES,
  readScoreSheet,
  readScoreSheetFunding,
  sheetHeaderKey,
  type ReportKind,
  type ScoreSheetContent,
  type ScoreSheetError,
  type ScoreSheetReadCell,
} from '@evalflow/domain';
import { amountUnitInHeader, parseAmount, parsePercent, parseScore, type AmountUnit } from '../figures';
import type { SourceCell, SourceDocument, SourceSpan, SourceTable } from '../source-document';

/**
 * The 绩效自评表 of an imported report, read from its tables by the same reader as an Excel upload
 * (domain's readScoreSheet: sections by their labels, columns by their headers), with every value
 * pointing back at the table cell it came from. Word reports write numbers the way people do — 1,786.46,
 * amounts in 元 when the header says so, 98.5%, 10分 — so a cell that holds one number is given to the
 * reader as that exact number (in 万元 for the money columns); anything else stays text and is judged there.
 */

export interface ScoreTableImport {
  ok: true;
  value: Omit<ScoreSheetContent, 'sources'>;
  /** each value's cell and the exact text of it, by the value's path in the report */
  sources: Record<string, SourceSpan>;
  /** the tables read (block indexes) */
  tables: number[];
}

export interface ScoreTableProblems {
  ok: false;
  /** rows are the assembled grid's; `place` says where that is in the document */
  errors: Array<ScoreSheetError & { place: SourceSpan | null }>;
  tables: number[];
}

const norm = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');
const INDICATOR_HEAD = ['一级指标', '二级指标', '三级指标'];
const MONEY_HEADERS: readonly string[] = [
  ...FUNDING_HEADER_ALIASES.initialBudget,
  ...FUNDING_HEADER_ALIASES.adjustedBudget,
  ...FUNDING_HEADER_ALIASES.executed,
];
const SCORE_HEADERS: readonly string[] = [...FUNDING_HEADER_ALIASES.weight, ...FUNDING_HEADER_ALIASES.score];
const RATE_HEADERS: readonly string[] = FUNDING_HEADER_ALIASES.executionRate;
/** A row of the money section's header: 全年预算数 and 全年执行数 (or their synonyms, 调整后预算数…). */
const isFundingHead = (words: string[]) =>
  FUNDING_HEADER_ALIASES.adjustedBudget.some((h) => words.includes(h)) &&
  FUNDING_HEADER_ALIASES.executed.some((h) => words.includes(h));
const isIndicatorHead = (words: string[]) => INDICATOR_HEAD.every((l) => words.includes(l));
const headerWords = (row: SourceCell[]) => row.map((c) => sheetHeaderKey(c.text));
const hasRow = (table: SourceTable, test: (words: string[]) => boolean) =>
  table.rows.some((row) => test(headerWords(row)));

/** The columns that hold numbers under a header row: money (年初预算数…) and scores, 分值/执行率/得分. */
function numberColumns(words: string[], funding: boolean): Map<number, 'money' | 'other'> {
  const columns = new Map<number, 'money' | 'other'>();
  words.forEach((w, i) => {
    if (funding && MONEY_HEADERS.includes(w)) columns.set(i, 'money');
    else if (SCORE_HEADERS.includes(w) || (funding && RATE_HEADERS.includes(w))) columns.set(i, 'other');
  });
  return columns;
}

interface GridPlace {
  block: number;
  row: number;
}

/**
 * The tables that make up the 绩效自评表: the one with the indicator header, and a money table just before
 * it; or, in a copy cut short before its indicators, the money table alone.
 */
function scoreTables(doc: SourceDocument): { tables: SourceTable[]; fundingOnly: boolean } {
  const tables = doc.blocks.filter((b): b is SourceTable => b.kind === 'table');
  const at = tables.findIndex((t) => hasRow(t, isIndicatorHead));
  if (at === -1) {
    const funding = tables.find((t) => hasRow(t, isFundingHead));
    return { tables: funding ? [funding] : [], fundingOnly: true };
  }
  const main = tables[at];
  if (hasRow(main, isFundingHead)) return { tables: [main], fundingOnly: false };
  const before = tables
    .slice(Math.max(0, at - 2), at)
    .reverse()
    .find((t) => hasRow(t, isFundingHead));
  return { tables: before ? [before, main] : [main], fundingOnly: false };
}

/** The unit the money columns are in: as a header or title cell above the amounts says (「项目资金（元）」), else 万元. */
function moneyUnit(tables: SourceTable[]): AmountUnit {
  for (const table of tables) {
    const head = table.rows.findIndex((row) => isFundingHead(headerWords(row)));
    for (const row of table.rows.slice(0, Math.max(3, head + 1)))
      for (const cell of row) {
        const unit = amountUnitInHeader(cell.text);
        if (unit) return unit;
      }
  }
  return '万元';
}

/** 「产出指标（50分）」: the level's name; its share of the score is no part of it. */
const LEVEL_SHARE = /^(.*指标)\s*[(（]\s*\d{1,3}(?:\.\d{1,2})?\s*分\s*[)）]$/;
/** 「…的完成情况（100字以内）」: the form's prompt for what to write there, not a value. */
const PROMPT = /[(（]\s*\d+\s*字以内\s*[)）]\s*$/;

/** A text cell as the reader takes it: a level without its share, a prompt as nothing. */
function textOf(text: string): string {
  const trimmed = text.trim();
  if (PROMPT.test(trimmed)) return '';
  return LEVEL_SHARE.exec(trimmed)?.[1] ?? trimmed;
}

/** A cell as the reader takes it: one number becomes its exact digits (money in 万元), the rest stays text. */
function readCell(text: string, money: boolean, unit: AmountUnit): { text: string; numeric: boolean } {
  const trimmed = text.trim();
  if (!/\d/.test(trimmed)) return { text: trimmed, numeric: false };
  const parsed = money
    ? parseAmount(trimmed, { defaultUnit: unit })
    : (() => {
        const score = parseScore(trimmed);
        if (score.ok) return score;
        const percent = parsePercent(trimmed);
        if (percent.ok) return percent;
        return parseAmount(trimmed, { defaultUnit: '万元' });
      })();
  return parsed.ok ? { text: parsed.value, numeric: true } : { text: trimmed, numeric: false };
}

/** The money section's own total row (年度资金总额), which a table of money alone must have to be the form's. */
const hasFundingTotal = (table: SourceTable) =>
  table.rows.some((row) => row.some((c) => /^(年度)?资金总额[:：]?$/.test(norm(c.text))));

/**
 * Reads the 绩效自评表 of a document of `kind`; null when it has no table with an indicator header (nor,
 * in a copy cut short, a money table of the form).
 */
export function readScoreTables(doc: SourceDocument, kind: ReportKind): ScoreTableImport | ScoreTableProblems | null {
  const { tables, fundingOnly } = scoreTables(doc);
  if (!tables.length || (fundingOnly && !tables.every(hasFundingTotal))) return null;
  const unit = moneyUnit(tables);
  const places: GridPlace[] = [];
  const rows: ScoreSheetReadCell[][] = [];
  for (const table of tables) {
    // which columns hold numbers, by the header row of the section a row is in: money, or a score/percent
    let numbers = new Map<number, 'money' | 'other'>();
    table.rows.forEach((row, r) => {
      const words = headerWords(row);
      if (isFundingHead(words)) numbers = numberColumns(words, true);
      else if (isIndicatorHead(words)) numbers = numberColumns(words, false);
      places.push({ block: table.index, row: r });
      rows.push(
        row.map((cell, c) => {
          const text = cell.covered ? covering(table, r, c) : cell.text;
          const kind = numbers.get(c);
          const read = kind ? readCell(text, kind === 'money', unit) : { text: textOf(text), numeric: false };
          return { ...read, mergedInto: cell.covered };
        }),
      );
    });
  }
  const used = tables.map((t) => t.index);
  const spanOf = (row: number, column: number): SourceSpan | null => {
    const place = places[row - 1];
    if (!place) return null;
    const table = tables.find((t) => t.index === place.block) as SourceTable;
    const text = table.rows[place.row]?.[column - 1]?.text ?? '';
    // a level's name without its share: 产出指标 of 「产出指标（50分）」
    const end = LEVEL_SHARE.exec(text.trim()) ? text.indexOf(textOf(text)) + textOf(text).length : text.length;
    return {
      block: place.block,
      cell: { row: place.row, column: column - 1 },
      start: 0,
      end,
      text: text.slice(0, end),
    };
  };
  const reading = fundingOnly ? fundingReading(rows) : readScoreSheet(rows, kind);
  if (!reading) return null;
  if (!reading.ok) {
    return {
      ok: false,
      tables: used,
      errors: reading.errors.map((e) => ({
        ...e,
        place: e.row && e.column ? spanOf(e.row, columnNumber(e.column)) : null,
      })),
    };
  }
  const { sources, ...value } = reading.value;
  const spans: Record<string, SourceSpan> = {};
  for (const [path, at] of Object.entries(sources)) {
    const span = spanOf(at.row, at.column);
    if (span) spans[path] = span;
  }
  return { ok: true, value, sources: spans, tables: used };
}

/** The money rows of a form cut short: as the sheet reader reads them, with no indicators; null when they do not read. */
function fundingReading(rows: ScoreSheetReadCell[][]): ReturnType<typeof readScoreSheet> | null {
  const read = readScoreSheetFunding(rows);
  if (!read.ok) return null;
  return {
    ok: true,
    value: {
      scoreTable: { funding: read.value.funding, indicators: [] },
      objectives: null,
      totalScore: undefined,
      sources: read.value.sources,
    },
  };
}

/** The text a covered place shows: that of the merge's first cell, up and to the left of it. */
function covering(table: SourceTable, row: number, column: number): string {
  for (let r = row; r >= 0; r--)
    for (let c = column; c >= 0; c--) {
      const cell = table.rows[r]?.[c];
      if (cell && !cell.covered && r + cell.rowSpan > row && c + cell.colSpan > column) return cell.text;
    }
  return '';
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
