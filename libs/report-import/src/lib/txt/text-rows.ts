/**
 * One line of text read as a table row, when it is one: cells between box characters (│ | ｜), tabs, runs
 * of 2+ spaces, or — as text copied from a PDF lays tables out — single spaces between short CJK cells.
 */
export type RowSeparator = 'box' | 'tab' | 'spaces' | 'space';

export interface TextRow {
  cells: string[];
  separator: RowSeparator;
}

const BOX = /[│|｜┃]/;
/** a rule line of a drawn table: +----+, ├──┼──┤, ======, ------ */
const RULE_LINE = /^[\s+\-=─━┌┐└┘├┤┬┴┼╋╔╗╚╝╠╣╦╩╬═│|｜┃]+$/;
/** sentence punctuation: a line with it between single spaces is prose, not a row */
const SENTENCE = /[，。；：！？,;:!?]/;
/** a number token (cell of its own) */
const NUMBER_TOKEN = /^-?[\d,.，．０-９]+[%％]?$/;
/** a number followed by one of these after a space is one phrase (2024 年, 400.21 万元), as PDF text spaces them */
const UNIT_START = /^[年月日万元亿千人个%％分号次项家辆名户所处台套件条批场篇周岁倍]/;
const SINGLE_SPACE_CELL_MAX = 30;
const CLAUSE_CONTINUES = /[，,、；;：:]$/;

export function isRuleLine(line: string): boolean {
  return line.trim().length >= 3 && RULE_LINE.test(line) && /[-=─━═]/.test(line);
}

export function splitRow(line: string): TextRow | null {
  const trimmed = line.trim();
  if (trimmed === '' || isRuleLine(trimmed)) return null;
  if (BOX.test(trimmed))
    return row(
      trimEdges(trimmed.split(BOX)).map((c) => c.trim()),
      'box',
    );
  if (trimmed.includes('\t'))
    return row(
      trimmed.split(/\t+/).map((c) => c.trim()),
      'tab',
    );
  if (/ {2,}|\u3000/.test(trimmed)) {
    const cells = trimmed.split(/ {2,}|\u3000+/).map((c) => c.trim());
    // justified prose spreads words apart too; its pieces end mid-clause, table cells do not
    return cells.slice(0, -1).some((c) => CLAUSE_CONTINUES.test(c)) ? null : row(cells, 'spaces');
  }
  return singleSpaceRow(trimmed);
}

function row(cells: string[], separator: RowSeparator): TextRow | null {
  return cells.length >= 2 ? { cells, separator } : null;
}

/** Box rows start and end with a border: drop the empty cells it leaves at the edges. */
function trimEdges(cells: string[]): string[] {
  const out = [...cells];
  if (out.length > 0 && out[0].trim() === '') out.shift();
  if (out.length > 0 && out[out.length - 1].trim() === '') out.pop();
  return out;
}

function singleSpaceRow(line: string): TextRow | null {
  if (SENTENCE.test(line) || !line.includes(' ')) return null;
  const cells: string[] = [];
  for (const token of line.split(/ +/)) {
    const previous = cells[cells.length - 1];
    if (previous !== undefined && NUMBER_TOKEN.test(previous.split(' ').pop() ?? '') && UNIT_START.test(token)) {
      cells[cells.length - 1] = `${previous} ${token}`;
    } else cells.push(token);
  }
  if (cells.some((c) => c.length > SINGLE_SPACE_CELL_MAX)) return null;
  // at least one cell of words: a line of numbers alone is too weak a sign
  if (!cells.some((c) => /[\u4e00-\u9fff]/.test(c) && !NUMBER_TOKEN.test(c))) return null;
  return row(cells, 'space');
}
