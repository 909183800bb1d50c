import {
  checkLibraryEntry,
  LIBRARY_FIELD_LABELS,
  libraryEntryChanges,
  libraryKey,
  NATURE_LABELS,
  type LibraryEntryFields,
  type LibraryField,
} from './entry';
import { readNature } from './natures';

/**
 * The 指标库 as a spreadsheet: one header row (一级指标, 二级指标, 三级指标, 计量单位, 指标性质, 建议指标值,
 * 佐证材料, 说明), one entry per row. Reading takes the cells as text, row by row as the sheet numbers
 * them, and answers the entries or each row's problems, so that a whole file is checked before any of
 * it is imported.
 */

export const LIBRARY_SHEET_NAME = '指标库';
/** An import holds at most this many entries (rows below the header that are not blank). */
export const LIBRARY_IMPORT_MAX_ROWS = 2000;
/** Entries a county's 指标库 holds at most, archived ones included: what a list, an export or a picker handles. */
export const LIBRARY_MAX_ENTRIES = 5000;
/** An import file is at most this large. */
export const LIBRARY_FILE_MAX_BYTES = 2 * 1024 * 1024;
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface LibraryColumn {
  field: LibraryField;
  header: string;
  /** other headers county sheets use for the same column */
  aliases: readonly string[];
  required: boolean;
  /** the exported column's width, in characters */
  width: number;
}

export const LIBRARY_COLUMNS: readonly LibraryColumn[] = [
  { field: 'level1', header: LIBRARY_FIELD_LABELS.level1, aliases: [], required: true, width: 14 },
  { field: 'level2', header: LIBRARY_FIELD_LABELS.level2, aliases: [], required: true, width: 20 },
  { field: 'level3', header: LIBRARY_FIELD_LABELS.level3, aliases: [], required: true, width: 36 },
  { field: 'unit', header: LIBRARY_FIELD_LABELS.unit, aliases: ['单位', '度量单位'], required: false, width: 10 },
  { field: 'nature', header: LIBRARY_FIELD_LABELS.nature, aliases: ['性质'], required: true, width: 10 },
  {
    field: 'suggestedTarget',
    header: LIBRARY_FIELD_LABELS.suggestedTarget,
    aliases: ['指标值', '年度指标值', '目标值'],
    required: false,
    width: 16,
  },
  {
    field: 'suggestedEvidence',
    header: LIBRARY_FIELD_LABELS.suggestedEvidence,
    aliases: ['佐证资料'],
    required: false,
    width: 30,
  },
  { field: 'note', header: LIBRARY_FIELD_LABELS.note, aliases: ['备注'], required: false, width: 30 },
];

/** A problem of the file: the sheet's row number (1 is the first row), the column's header, a Chinese message. */
export interface LibrarySheetError {
  row: number;
  column: string;
  message: string;
}

export interface LibrarySheetRow {
  row: number;
  entry: LibraryEntryFields;
}

export interface LibrarySheet {
  /** the entries that are well formed, with their rows */
  rows: LibrarySheetRow[];
  errors: LibrarySheetError[];
  /** rows below the header that are not blank (well formed or not) */
  dataRows: number;
}

/** A cell as a spreadsheet library gives it, already turned into text (or nothing). */
export type SheetCell = string | null | undefined;

/** The header row is looked for among the sheet's first rows (a title may stand above it). */
const HEADER_SEARCH_ROWS = 10;

function headerText(cell: SheetCell): string {
  return (cell ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\*|\((必填|选填)\)/g, '');
}

const COLUMN_OF_HEADER = new Map<string, LibraryColumn>(
  LIBRARY_COLUMNS.flatMap((c) => [c.header, ...c.aliases].map((h) => [headerText(h), c] as const)),
);

/** Where each field's column is, from a header row; undefined when the row is not the header. */
function columnsOf(cells: readonly SheetCell[] | undefined): Map<LibraryField, number> | undefined {
  const found = new Map<LibraryField, number>();
  (cells ?? []).forEach((cell, index) => {
    const column = COLUMN_OF_HEADER.get(headerText(cell));
    if (column && !found.has(column.field)) found.set(column.field, index);
  });
  return found.has('level1') && found.has('level2') && found.has('level3') ? found : undefined;
}

const isBlank = (cells: readonly SheetCell[] | undefined) => !cells || cells.every((c) => (c ?? '').trim() === '');

/**
 * Reads a sheet: `rows[i]` is the sheet's row i + 1 (blank rows included, as empty rows or holes, so that
 * row numbers are the sheet's). Blank rows are skipped; a row that repeats an earlier row's 一级/二级/三级
 * names is an error, and so is a sheet with no entry below its header.
 */
export function parseLibrarySheet(rows: ReadonlyArray<readonly SheetCell[] | undefined>): LibrarySheet {
  const headerIndex = rows.slice(0, HEADER_SEARCH_ROWS).findIndex((cells) => columnsOf(cells) !== undefined);
  if (headerIndex === -1) {
    const expected = LIBRARY_COLUMNS.map((c) => c.header).join('、');
    return {
      rows: [],
      errors: [{ row: 1, column: '', message: `没有找到表头：表头应为 ${expected}` }],
      dataRows: rows.filter((cells) => !isBlank(cells)).length,
    };
  }
  const columns = columnsOf(rows[headerIndex]) as Map<LibraryField, number>;
  const dataRows = rows.slice(headerIndex + 1).filter((cells) => !isBlank(cells)).length;
  const missing = LIBRARY_COLUMNS.filter((c) => c.required && !columns.has(c.field));
  if (missing.length) {
    return {
      rows: [],
      errors: missing.map((c) => ({ row: headerIndex + 1, column: c.header, message: `缺少「${c.header}」列` })),
      dataRows,
    };
  }

  if (dataRows === 0) {
    return { rows: [], errors: [{ row: headerIndex + 2, column: '', message: '表头下方没有指标' }], dataRows };
  }

  const sheet: LibrarySheet = { rows: [], errors: [], dataRows };
  const firstRowOfKey = new Map<string, number>();
  rows.forEach((cells, index) => {
    const row = index + 1;
    if (index <= headerIndex || isBlank(cells)) return;
    const read = readRow(cells as readonly SheetCell[], columns, row);
    if ('errors' in read) {
      sheet.errors.push(...read.errors);
      return;
    }
    const key = libraryKey(read.entry);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      sheet.errors.push({
        row,
        column: LIBRARY_FIELD_LABELS.level3,
        message: `与第 ${first} 行重复：一级、二级、三级指标都相同`,
      });
      return;
    }
    firstRowOfKey.set(key, row);
    sheet.rows.push({ row, entry: read.entry });
  });
  return sheet;
}

function readRow(
  cells: readonly SheetCell[],
  columns: Map<LibraryField, number>,
  row: number,
): { entry: LibraryEntryFields } | { errors: LibrarySheetError[] } {
  const cell = (field: LibraryField) => {
    const index = columns.get(field);
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const nature = readNature(cell('nature'));
  const input = {
    level1: cell('level1'),
    level2: cell('level2'),
    level3: cell('level3'),
    unit: cell('unit'),
    // a placeholder while the nature is wrong, so that the other fields are still checked
    nature: nature.ok ? nature.nature : '=',
    suggestedTarget: cell('suggestedTarget'),
    suggestedEvidence: cell('suggestedEvidence'),
    note: cell('note'),
  };
  const checked = checkLibraryEntry(input);
  const problems = checked.ok ? [] : checked.problems;
  if (!nature.ok) problems.push({ field: 'nature', message: nature.message });
  if (!problems.length && checked.ok) return { entry: checked.entry };
  const order = (field: string) => LIBRARY_COLUMNS.findIndex((c) => c.field === field);
  return {
    errors: problems
      .sort((a, b) => order(a.field) - order(b.field))
      .map((p) => ({ row, column: p.field ? LIBRARY_FIELD_LABELS[p.field] : '', message: p.message })),
  };
}

/** The sheet of an export: the header, then one row of text per entry (指标性质 as ≥ ≤ = 定性). */
export function librarySheetRows(entries: readonly LibraryEntryFields[]): string[][] {
  return [
    LIBRARY_COLUMNS.map((c) => c.header),
    ...entries.map((e) => LIBRARY_COLUMNS.map((c) => (c.field === 'nature' ? NATURE_LABELS[e.nature] : e[c.field]))),
  ];
}

export type LibraryImportAction = 'create' | 'update' | 'unchanged';

export interface LibraryImportRow {
  row: number;
  action: LibraryImportAction;
  entry: LibraryEntryFields;
  /** the entry with the same names, when the county has one */
  existingId: string | null;
  /** what an update changes; 'active' when it brings an archived entry back */
  changes: Array<LibraryField | 'active'>;
}

export interface ExistingLibraryEntry extends LibraryEntryFields {
  id: string;
  active: boolean;
}

/**
 * What importing the rows would do to the county's library: add an entry whose names are new, update
 * one whose names exist but whose other fields differ (or that was archived: an import brings it back),
 * and leave the others as they are.
 */
export function planLibraryImport(
  rows: readonly LibrarySheetRow[],
  existing: readonly ExistingLibraryEntry[],
): LibraryImportRow[] {
  const byKey = new Map(existing.map((e) => [libraryKey(e), e]));
  return rows.map(({ row, entry }) => {
    const current = byKey.get(libraryKey(entry));
    if (!current) return { row, action: 'create', entry, existingId: null, changes: [] };
    const changes: Array<LibraryField | 'active'> = libraryEntryChanges(current, entry);
    if (!current.active) changes.push('active');
    return { row, action: changes.length ? 'update' : 'unchanged', entry, existingId: current.id, changes };
  });
}

/** What an import answers: the plan (or what was done), the file's problems, and how many rows do what. */
export interface LibraryImportResult {
  mode: 'preview' | 'apply';
  rows: LibraryImportRow[];
  errors: LibrarySheetError[];
  counts: Record<LibraryImportAction, number>;
}

/** How many rows of a plan do each thing. */
export function countImportActions(rows: readonly LibraryImportRow[]): Record<LibraryImportAction, number> {
  const counts: Record<LibraryImportAction, number> = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action] += 1;
  return counts;
}
