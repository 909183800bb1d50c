import {
  readScoreSheet,
  type ReportKind,
  type ScoreSheetContent,
  type ScoreSheetError,
  type ScoreSheetReadCell,
} from '@evalflow/domain';
import { amountUnitInHeader, parseAmount, parsePercent, parseScore, type AmountUnit } from '../figures';
import type { SourceDocument, SourceSpan, SourceTable } from '../source-document';

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
const hasAll = (table: SourceTable, labels: string[]) =>
  table.rows.some((row) => labels.every((l) => row.some((c) => norm(c.text) === l)));
const INDICATOR_HEAD = ['一级指标', '二级指标', '三级指标'];
const FUNDING_HEAD = ['年初预算数', '全年预算数', '全年执行数'];
/** The columns that hold numbers under a header row: money (年初预算数…) and scores, 分值/执行率/得分. */
function numberColumns(words: string[], funding: boolean): Map<number, 'money' | 'other'> {
  const columns = new Map<number, 'money' | 'other'>();
  words.forEach((w, i) => {
    if (funding && FUNDING_HEAD.includes(w)) columns.set(i, 'money');
    else if (w === '分值' || w === '得分' || (funding && w.startsWith('执行率'))) columns.set(i, 'other');
  });
  return columns;
}

interface GridPlace {
  block: number;
  row: number;
}

/** The tables that make up the 绩效自评表: the one with the indicator header, and a money table just before it. */
function scoreTables(doc: SourceDocument): SourceTable[] {
  const tables = doc.blocks.filter((b): b is SourceTable => b.kind === 'table');
  const at = tables.findIndex((t) => hasAll(t, INDICATOR_HEAD));
  if (at === -1) return [];
  const main = tables[at];
  if (hasAll(main, FUNDING_HEAD)) return [main];
  const before = tables
    .slice(Math.max(0, at - 2), at)
    .reverse()
    .find((t) => hasAll(t, FUNDING_HEAD));
  return before ? [before, main] : [main];
}

/** The unit the money columns are in: as a header or title cell says (「项目资金（元）」), else 万元. */
function moneyUnit(tables: SourceTable[]): AmountUnit {
  for (const table of tables)
    for (const row of table.rows.slice(0, 3))
      for (const cell of row) {
        const unit = amountUnitInHeader(cell.text);
        if (unit) return unit;
      }
  return '万元';
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

/** Reads the 绩效自评表 of a document of `kind`; null when it has no table with an indicator header. */
export function readScoreTables(doc: SourceDocument, kind: ReportKind): ScoreTableImport | ScoreTableProblems | null {
  const tables = scoreTables(doc);
  if (!tables.length) return null;
  const unit = moneyUnit(tables);
  const places: GridPlace[] = [];
  const rows: ScoreSheetReadCell[][] = [];
  for (const table of tables) {
    // which columns hold numbers, by the header row of the section a row is in: money, or a score/percent
    let numbers = new Map<number, 'money' | 'other'>();
    table.rows.forEach((row, r) => {
      const words = row.map((c) => norm(c.text));
      if (FUNDING_HEAD.every((l) => words.includes(l))) numbers = numberColumns(words, true);
      else if (INDICATOR_HEAD.every((l) => words.includes(l))) numbers = numberColumns(words, false);
      places.push({ block: table.index, row: r });
      rows.push(
        row.map((cell, c) => {
          const text = cell.covered ? covering(table, r, c) : cell.text;
          const kind = numbers.get(c);
          const read = kind ? readCell(text, kind === 'money', unit) : { text: text.trim(), numeric: false };
          return { ...read, mergedInto: cell.covered };
        }),
      );
    });
  }
  const used = tables.map((t) => t.index);
  const reading = readScoreSheet(rows, kind);
  const spanOf = (row: number, column: number): SourceSpan | null => {
    const place = places[row - 1];
    if (!place) return null;
    const table = tables.find((t) => t.index === place.block) as SourceTable;
    const text = table.rows[place.row]?.[column - 1]?.text ?? '';
    return { block: place.block, cell: { row: place.row, column: column - 1 }, start: 0, end: text.length, text };
  };
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
