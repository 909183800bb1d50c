import { amountUnitInHeader, parseAmount, parseCount, parseDocNumber, type AmountUnit } from '../figures';
import type { SourceTable } from '../source-document';

/** Tables a report carries beside the 绩效自评表, each recognised by the words of its header row. */

export interface TableRead<T> {
  rows: Array<{ value: T; row: number; columns: Partial<Record<keyof T & string, number>> }>;
  /** the values were placed by column position, with no header naming them */
  headerless?: boolean;
  /** rows with content that could not be read exactly (a cell that is no amount or count): listed, not guessed */
  skipped: number[];
}

/** A header as compared: no spaces, and no year before it (2023 年实际在职人数 is 实际在职人数). */
const norm = (t: string) =>
  t
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/^\d{4}年度?/, '');
const cellText = (t: SourceTable, r: number, c: number | undefined) =>
  c === undefined ? '' : (t.rows[r]?.[c]?.text ?? '').trim();

/** The first row (of the first three) holding every required header word: its column of each field. */
function headerColumns(
  table: SourceTable,
  fields: Record<string, string[]>,
  required: string[],
): { row: number; columns: Record<string, number> } | null {
  for (let r = 0; r < Math.min(3, table.rows.length); r++) {
    const words = table.rows[r].map((c) => norm(c.text));
    const columns: Record<string, number> = {};
    for (const [field, names] of Object.entries(fields)) {
      const at = words.findIndex((w) => names.some((n) => w === n || w.startsWith(n)));
      if (at !== -1) columns[field] = at;
    }
    if (required.every((f) => f in columns)) return { row: r, columns };
  }
  return null;
}

const TOTAL_ROW = /^(合计|总计|小计|共计)$/;
const isBlankRow = (t: SourceTable, r: number) => t.rows[r].every((c) => c.covered || !c.text.trim());

export interface OrgUnitRow {
  name: string;
  nature: string;
  level: string;
  fundingForm: string;
}
const ORG_FIELDS = {
  name: ['单位名称'],
  nature: ['单位性质'],
  level: ['单位规格', '机构规格'],
  fundingForm: ['经费保障形式', '经费形式'],
};

export function readOrgUnitTable(table: SourceTable): TableRead<OrgUnitRow> | null {
  const head = headerColumns(table, ORG_FIELDS, ['name']);
  if (!head || Object.keys(head.columns).length < 2) return null;
  const rows: TableRead<OrgUnitRow>['rows'] = [];
  for (let r = head.row + 1; r < table.rows.length; r++) {
    if (isBlankRow(table, r) || TOTAL_ROW.test(norm(cellText(table, r, head.columns.name)))) continue;
    const c = head.columns;
    rows.push({
      value: {
        name: cellText(table, r, c.name),
        nature: cellText(table, r, c.nature),
        level: cellText(table, r, c.level),
        fundingForm: cellText(table, r, c.fundingForm),
      },
      row: r,
      columns: c,
    });
  }
  return { rows, skipped: [] };
}

export interface StaffRow {
  category: string;
  authorized: number | null;
  actual: number | null;
}
const STAFF_FIELDS = {
  category: ['人员类别', '类别', '人员类型'],
  authorized: ['编制数', '核定编制'],
  actual: ['实有人数', '在职人数', '实际在职人数', '实有'],
};

/** A count cell: a whole number (「4」「4人」) or nothing; anything else makes the row unreadable. */
function countCell(text: string): number | null | undefined {
  if (!text || /^[—\-–]+$/.test(text)) return null;
  const p = parseCount(/^\d+$/.test(text) ? `${text}人` : text);
  return p.ok ? Number(p.value) : undefined;
}

/**
 * 人员情况: a row per category under 编制数 and 实有人数; a form with both and no category column (湖南's
 * 财政供养人员情况) gives one row for all staff, its category left blank.
 */
export function readStaffingTable(table: SourceTable): TableRead<StaffRow> | null {
  const head =
    headerColumns(table, STAFF_FIELDS, ['category']) ?? headerColumns(table, STAFF_FIELDS, ['authorized', 'actual']);
  if (!head || !('authorized' in head.columns || 'actual' in head.columns)) return null;
  const named = 'category' in head.columns;
  // without categories, only a table of one row (all staff) says whose numbers they are
  const dataRows = table.rows.slice(head.row + 1).filter((_, n) => !isBlankRow(table, head.row + 1 + n));
  if (!named && dataRows.length !== 1) return null;
  const rows: TableRead<StaffRow>['rows'] = [];
  const skipped: number[] = [];
  for (let r = head.row + 1; r < table.rows.length; r++) {
    const category = cellText(table, r, head.columns.category);
    if (isBlankRow(table, r) || TOTAL_ROW.test(norm(category))) continue;
    const authorized = countCell(cellText(table, r, head.columns.authorized));
    const actual = countCell(cellText(table, r, head.columns.actual));
    if ((named && !category) || authorized === undefined || actual === undefined) {
      skipped.push(r);
      continue;
    }
    rows.push({ value: { category, authorized, actual }, row: r, columns: head.columns });
  }
  return { rows, skipped };
}

export interface BudgetLineRow {
  name: string;
  amount: string;
  spent: string | null;
  documentNumber: string;
}
const LINE_FIELDS = {
  name: ['项目名称', '项目'],
  amount: ['年初预算数', '年初预算', '预算数', '金额', '预算金额'],
  spent: ['执行数', '全年执行数', '支出数', '决算数'],
  documentNumber: ['资金文号', '文号', '指标文号'],
};

/** One amount cell in the header's unit (万元 when the header names none): exact, or undefined when not one. */
function amountCell(text: string, unit: AmountUnit): string | null | undefined {
  if (!text) return null;
  const p = parseAmount(text, { defaultUnit: unit });
  return p.ok ? p.value : undefined;
}

export function readBudgetLineTable(
  table: SourceTable,
): (TableRead<BudgetLineRow> & { unitFromHeader: boolean }) | null {
  const head = headerColumns(table, LINE_FIELDS, ['name', 'amount']);
  // the 绩效自评表's money rows have 项目 and 年初预算数 too: they are no project lines
  if (!head || table.rows.some((row) => row.some((c) => /一级指标|年度资金总额/.test(norm(c.text))))) return null;
  const headerTexts = table.rows.slice(0, head.row + 1).flatMap((row) => row.map((c) => c.text));
  const unit = headerTexts.map(amountUnitInHeader).find((u) => u) ?? null;
  const rows: TableRead<BudgetLineRow>['rows'] = [];
  const skipped: number[] = [];
  for (let r = head.row + 1; r < table.rows.length; r++) {
    const name = cellText(table, r, head.columns.name);
    if (isBlankRow(table, r) || TOTAL_ROW.test(norm(name)) || TOTAL_ROW.test(norm(cellText(table, r, 0)))) continue;
    const amount = amountCell(cellText(table, r, head.columns.amount), unit ?? '万元');
    const spent = amountCell(cellText(table, r, head.columns.spent), unit ?? '万元');
    const docText = cellText(table, r, head.columns.documentNumber);
    const doc = docText ? parseDocNumber(docText) : null;
    if (!name || !amount || spent === undefined || (doc && !doc.ok)) {
      skipped.push(r);
      continue;
    }
    rows.push({
      value: { name, amount, spent, documentNumber: doc?.ok ? docText.replace(/\s+/g, '') : '' },
      row: r,
      columns: head.columns,
    });
  }
  return { rows, skipped, unitFromHeader: unit !== null };
}

export interface TeamRow {
  name: string;
  unit: string;
  position: string;
  title: string;
}
const TEAM_FIELDS = { name: ['姓名'], unit: ['工作单位', '单位'], position: ['职务'], title: ['职称'] };
const PERSON_NAME = /^[\u4e00-\u9fff]{2,4}$/;

export function readTeamTable(table: SourceTable): TableRead<TeamRow> | null {
  const head = headerColumns(table, TEAM_FIELDS, ['name']);
  if (!head || Object.keys(head.columns).length < 2) return null;
  const rows: TableRead<TeamRow>['rows'] = [];
  const skipped: number[] = [];
  const c = head.columns;
  for (let r = head.row + 1; r < table.rows.length; r++) {
    const name = cellText(table, r, c.name);
    if (isBlankRow(table, r)) continue;
    if (!PERSON_NAME.test(name)) {
      skipped.push(r);
      continue;
    }
    rows.push({
      value: {
        name,
        unit: cellText(table, r, c.unit),
        position: cellText(table, r, c.position),
        title: cellText(table, r, c.title),
      },
      row: r,
      columns: c,
    });
  }
  return { rows, skipped };
}

/**
 * A team list laid out without its header (text copied from a PDF loses it): only under the team's
 * heading, every row a person's name followed by 单位 and 职务 (and 职称) in that order.
 */
export function readHeaderlessTeamTable(table: SourceTable): TableRead<TeamRow> | null {
  const width = table.rows[0]?.length ?? 0;
  if (width < 3 || width > 4 || !table.rows.every((row) => PERSON_NAME.test(row[0].text.trim()))) return null;
  const columns = { name: 0, unit: 1, position: 2, ...(width === 4 ? { title: 3 } : {}) };
  return {
    headerless: true,
    skipped: [],
    rows: table.rows.map((row, r) => ({
      value: {
        name: row[0].text.trim(),
        unit: row[1].text.trim(),
        position: row[2].text.trim(),
        title: width === 4 ? row[3].text.trim() : '',
      },
      row: r,
      columns,
    })),
  };
}
