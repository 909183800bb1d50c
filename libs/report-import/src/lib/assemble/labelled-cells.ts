import type { OverallReportContent, ProjectReportContent } from '@evalflow/domain';
import { isFieldLabel, labelKey } from '../txt/form/vocabulary';
import { parseDate } from '../figures';
import type { SourceTable } from '../source-document';
import type { Builder } from './builder';
import { isDepartmentName } from './department-name';
import { cleanText } from './text';
import { GRADES } from './prose';

/**
 * Values a table writes beside their label — 「主管部门 | 赵县总工会」 in the next cell, or 「填表人：孟荣敏」 in
 * one — and the 评价等级 of the 总分 row. Read only from tables; each value's source is its cell.
 */
interface Labelled {
  value: string;
  row: number;
  column: number;
}

function labelled(table: SourceTable, label: RegExp): Labelled | null {
  for (const [r, row] of table.rows.entries())
    for (const [c, cell] of row.entries()) {
      if (cell.covered) continue;
      const text = cell.text.normalize('NFKC').trim();
      const inline = new RegExp(`^${label.source}\\s*[:：]\\s*(.+)$`).exec(text);
      if (inline) return { value: inline[inline.length - 1].trim(), row: r, column: c };
      // a note after the label is no part of it: 实施单位（盖章）
      if (!new RegExp(`^${label.source}$`).test(text.replace(/\s+/g, '').replace(/[(（][^()（）]*[)）]$/, '')))
        continue;
      const next = row.slice(c + 1).findIndex((x) => !x.covered);
      if (next === -1) continue;
      const value = row[c + 1 + next].text.trim();
      if (value) return { value, row: r, column: c + 1 + next };
    }
  return null;
}

/** 「评价等级：优秀」 in a table: the grade. */
export function fillGradeFromTables(b: Builder, tables: SourceTable[]): void {
  for (const t of tables) {
    const found = labelled(t, /评价等级/);
    const grade = found ? GRADES[found.value] : undefined;
    if (found && grade) {
      b.set('conclusion.grade', grade, b.cellSpan(t.index, found.row, found.column));
      return;
    }
  }
}

/**
 * The department the 绩效自评表 names (预算部门、单位名称 | 衡山县贯塘乡人民政府), for a report whose cover names
 * none: the cover's name, where there is one, is the header's.
 */
export function fillDepartmentFromTables(b: Builder, tables: SourceTable[]): void {
  if (b.sources['header.departmentName']) return;
  const header = (b.content as OverallReportContent).header;
  for (const t of tables) {
    const found = labelled(t, /(预算)?部门[、(（]?(单位)?[)）]?名称/);
    const value = found ? cleanText(found.value) : '';
    if (!found || !isDepartmentName(value)) continue;
    const own = header.departmentName;
    b.set('header.departmentName', value, b.cellSpan(t.index, found.row, found.column));
    if (own && value !== own)
      b.unplaced.push({
        block: t.index,
        excerpt: value,
        reason: `文件中的部门名称（${value}）与本部门名称（${own}）不同，已按文件填写，请核对`,
      });
    return;
  }
}

const PROJECT_LABELS: Array<[RegExp, string, number]> = [
  [/主管部门/, 'projectInfo.supervisingDepartment', 100],
  [/实施单位/, 'projectInfo.implementingUnit', 100],
  [/(填表人|填报人)/, 'preparers.preparer', 50],
  [/联系电话/, 'preparers.phone', 30],
  [/(单位负责人)/, 'preparers.unitHead', 50],
  [/(财务负责人)/, 'preparers.financeHead', 50],
];

/** 「51000021R000000019951-工资性支出」: a budget project's code written before its name. */
const CODE_AND_NAME = /^([0-9A-Za-z]{10,})\s*[-—－]\s*(\S.*)$/;

/**
 * The project's name and code as its table writes them, for an import that was given no project (a new
 * report's key is read from its file; a report's own key is never replaced).
 */
function fillProjectKey(b: Builder, t: SourceTable): void {
  const info = (b.content as ProjectReportContent).projectInfo;
  if (info.code || info.name) return;
  const name = labelled(t, /项目名称/);
  const code = labelled(t, /项目编码/);
  if (code && /^[0-9A-Za-z]{6,40}$/.test(code.value))
    b.set('projectInfo.code', code.value, b.cellSpan(t.index, code.row, code.column));
  if (!name) return;
  const cell = b.cellSpan(t.index, name.row, name.column);
  const both = CODE_AND_NAME.exec(name.value);
  if (both && /\d/.test(both[1]) && !code) {
    const at = cell.text.indexOf(both[1]);
    const nameAt = cell.text.indexOf(both[2], at + both[1].length);
    b.set('projectInfo.code', both[1], { ...cell, start: at, end: at + both[1].length, text: both[1] });
    b.set('projectInfo.name', both[2], { ...cell, start: nameAt, end: nameAt + both[2].length, text: both[2] });
  } else if (name.value.length <= 200) b.set('projectInfo.name', name.value, cell);
}

/**
 * A 项目 table's 主管部门, 实施单位 and its foot (填表人, 联系电话, 填报日期, 负责人); its own code checked against
 * the report's, or, when the import was given no project, its name and code read.
 */
export function fillProjectLabels(b: Builder, tables: SourceTable[]): void {
  const content = b.content as ProjectReportContent;
  for (const t of tables) {
    fillProjectKey(b, t);
    for (const [label, path, max] of PROJECT_LABELS) {
      const found = labelled(t, label);
      if (found && found.value.length <= max) b.set(path, found.value, b.cellSpan(t.index, found.row, found.column));
    }
    const date = labelled(t, /(填报日期|填表日期)/);
    const parsed = date ? parseDate(date.value) : null;
    if (date && parsed?.ok) b.set('preparers.filledOn', parsed.value, b.cellSpan(t.index, date.row, date.column));
    const code = labelled(t, /项目编码/);
    if (code && content.projectInfo.code && code.value !== content.projectInfo.code)
      b.unplaced.push({
        block: t.index,
        excerpt: code.value.slice(0, 60),
        reason: `文件中的项目编码（${code.value}）与本报告的项目编码不一致，请核对是否导入了其他项目的自评表`,
      });
  }
}

/** A 部门整体 form's 基本概况 written a label a cell and its value the next: what it says of staff and functions. */
const OVERALL_FIELDS: Record<string, 'authorized' | 'actual' | 'functions'> = {
  人员编制: 'authorized',
  编制数: 'authorized',
  实有人数: 'actual',
  职能职责概述: 'functions',
  部门职能: 'functions',
};

/**
 * A table of labels and their values (联系人 | 吴俊, 人员编制 | 21, 职能职责概述 | …), three labels of the form
 * or more in its first column: 编制数 and 实有人数 as one category of staff (the form names none), the
 * functions as one entry. Returns false when the table is no such table; the labels it does not read are listed.
 */
export function placeFieldTable(b: Builder, t: SourceTable): boolean {
  const rows = t.rows
    .map((row, r) => ({ r, label: labelKey(row[0]?.text ?? ''), value: row[1]?.text.trim() ?? '' }))
    .filter((x) => isFieldLabel(x.label));
  if (rows.length < 3 || rows.length < t.rows.length / 2) return false;
  const content = b.content as OverallReportContent;
  const read = new Set<number>();
  const count = (field: 'authorized' | 'actual') => {
    const x = rows.find((f) => OVERALL_FIELDS[f.label] === field && /^\d+人?$/.test(f.value));
    return x ? { value: Number.parseInt(x.value, 10), r: x.r } : null;
  };
  const authorized = count('authorized');
  const actual = count('actual');
  if (authorized || actual) {
    content.basicInfo.staffing.categories = [
      { category: '', authorized: authorized?.value ?? null, actual: actual?.value ?? null },
    ];
    for (const [field, x] of [
      ['authorized', authorized],
      ['actual', actual],
    ] as const) {
      if (!x) continue;
      b.set(`basicInfo.staffing.categories.0.${field}`, x.value, b.cellSpan(t.index, x.r, 1));
      read.add(x.r);
    }
  }
  const functions = rows.find((f) => OVERALL_FIELDS[f.label] === 'functions' && f.value);
  if (functions) {
    const text = b.text(functions.value).slice(0, 4000);
    content.basicInfo.functions = [text];
    b.set('basicInfo.functions.0', text, b.cellSpan(t.index, functions.r, 1));
    read.add(functions.r);
  }
  for (const x of rows)
    if (!read.has(x.r) && x.value)
      b.unplaced.push({
        block: t.index,
        excerpt: `${x.label}：${x.value}`.slice(0, 60),
        reason: `表中「${x.label}」未导入`,
      });
  b.used.add(t.index);
  return true;
}
