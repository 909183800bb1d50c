import type { ProjectReportContent } from '@evalflow/domain';
import { parseDate } from '../figures';
import type { SourceTable } from '../source-document';
import type { Builder } from './builder';
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
      if (!new RegExp(`^${label.source}$`).test(text.replace(/\s+/g, ''))) continue;
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

const PROJECT_LABELS: Array<[RegExp, string, number]> = [
  [/主管部门/, 'projectInfo.supervisingDepartment', 100],
  [/实施单位/, 'projectInfo.implementingUnit', 100],
  [/(填表人|填报人)/, 'preparers.preparer', 50],
  [/联系电话/, 'preparers.phone', 30],
  [/(单位负责人)/, 'preparers.unitHead', 50],
  [/(财务负责人)/, 'preparers.financeHead', 50],
];

/** A 项目 table's 主管部门, 实施单位 and its foot (填表人, 联系电话, 填报日期, 负责人); its own code checked against the report's. */
export function fillProjectLabels(b: Builder, tables: SourceTable[]): void {
  const content = b.content as ProjectReportContent;
  for (const t of tables) {
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
