import type { SourceCell } from '../source-document';
import { isRuleLine, splitRow, type RowSeparator, type TextRow } from './text-rows';

/** A table found in a run of lines: its rows (row 0 is the header when there is one) and the lines it used. */
export interface TextTable {
  /** indexes into the line list given, first and last (inclusive) */
  firstLine: number;
  lastLine: number;
  rows: SourceCell[][];
}

interface RowLine extends TextRow {
  line: number;
}

/**
 * Tables among `lines` (already stripped of insignificant blank lines): 2+ consecutive rows of one column
 * count. A row of single-space cells wrapped onto the next line, as PDF text wraps a long header cell
 * (单位规 / 格), is joined back when the two pieces together have the table's column count.
 */
export function findTextTables(lines: string[]): TextTable[] {
  const tables: TextTable[] = [];
  let run: RowLine[] = [];
  const flush = () => {
    tables.push(...tablesOfRun(run));
    run = [];
  };
  lines.forEach((line, index) => {
    if (isRuleLine(line)) return; // a drawn table's rules neither make nor break it
    const row = splitRow(line);
    const previous = run[run.length - 1];
    if (row && (!previous || sameFamily(previous.separator, row.separator))) run.push({ ...row, line: index });
    else {
      flush();
      if (row) run.push({ ...row, line: index });
    }
  });
  flush();
  // the rules drawn above and below a table belong to it
  for (const t of tables) {
    while (t.firstLine > 0 && isRuleLine(lines[t.firstLine - 1])) t.firstLine--;
    while (t.lastLine + 1 < lines.length && isRuleLine(lines[t.lastLine + 1])) t.lastLine++;
  }
  return tables;
}

/** single-space rows only join single-space rows: a stricter reading than the tabs or wide gaps */
function sameFamily(a: RowSeparator, b: RowSeparator): boolean {
  return (a === 'space') === (b === 'space');
}

function tablesOfRun(run: RowLine[]): TextTable[] {
  const rows =
    run[0]?.separator === 'space'
      ? joinWrappedRows(run)
      : run.map((r) => ({ cells: r.cells, line: r.line, lastLine: r.line }));
  const tables: TextTable[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i].cells.length === rows[start].cells.length) continue;
    if (i - start >= 2) {
      const part = rows.slice(start, i);
      tables.push({
        firstLine: part[0].line,
        lastLine: part[part.length - 1].lastLine,
        rows: part.map((r) => r.cells.map((text) => ({ text, colSpan: 1, rowSpan: 1, covered: false }))),
      });
    }
    start = i;
  }
  return tables;
}

interface JoinedRow {
  cells: string[];
  line: number;
  lastLine: number;
}

function joinWrappedRows(run: RowLine[]): JoinedRow[] {
  const rows: JoinedRow[] = run.map((r) => ({ cells: r.cells, line: r.line, lastLine: r.line }));
  for (let i = 0; i + 1 < rows.length; i++) {
    const joined = rows[i].cells.length + rows[i + 1].cells.length - 1;
    const neighbours = [rows[i - 1]?.cells.length, rows[i + 2]?.cells.length];
    const width = Math.max(rows[i].cells.length, rows[i + 1].cells.length);
    const differ = rows[i].cells.length !== rows[i + 1].cells.length;
    if (differ && joined > width && neighbours.includes(joined)) {
      const [head, ...tail] = rows[i + 1].cells;
      const cells = [...rows[i].cells];
      cells[cells.length - 1] += head;
      rows.splice(i, 2, { cells: [...cells, ...tail], line: rows[i].line, lastLine: rows[i + 1].lastLine });
    }
  }
  return rows;
}
