import type { OverallReportContent } from '@evalflow/domain';
import type { SourceTable } from '../source-document';
import { readBudgetFigureTable } from './budget-table';
import type { Builder } from './builder';
import { placeFieldTable } from './labelled-cells';
import {
  readBudgetLineTable,
  readHeaderlessTeamTable,
  readOrgUnitTable,
  readStaffingTable,
  readTeamTable,
} from './tables';

/** Rows of a recognised table that could not be read exactly are listed, each by its first cell. */
function leaveRows(b: Builder, t: SourceTable, rows: number[], label: string): void {
  for (const r of rows) {
    const text = t.rows[r]
      .map((c) => c.text.trim())
      .filter(Boolean)
      .join(' ');
    b.unplaced.push({
      block: t.index,
      excerpt: text.slice(0, 60),
      reason: `${label}第 ${r + 1} 行未能准确读出，未导入`,
    });
  }
}

/** Rows of a table rebuilt from text that could not be aligned to its header for certain: listed, never guessed. */
export function leaveUnreadRows(b: Builder, t: SourceTable): void {
  for (const r of t.unread ?? []) {
    const text = t.rows[r]
      .map((c) => c.text.trim())
      .filter(Boolean)
      .join(' ');
    b.unplaced.push({
      block: t.index,
      excerpt: text.slice(0, 60),
      reason: `表格第 ${r + 1} 行未能准确对齐到表头，未导入`,
    });
  }
}

/** A table recognised by its header words, its rows placed with each cell as the source. */
export function placeTable(
  b: Builder,
  content: OverallReportContent,
  t: SourceTable,
  inTeamSection: boolean,
): string | null {
  const kind = placeRecognised(b, content, t, inTeamSection);
  if (kind) leaveUnreadRows(b, t);
  return kind;
}

function placeRecognised(
  b: Builder,
  content: OverallReportContent,
  t: SourceTable,
  inTeamSection: boolean,
): string | null {
  if (placeFieldTable(b, t)) return 'fields';
  const org = readOrgUnitTable(t);
  if (org) {
    org.rows = org.rows.slice(0, 100);
    content.basicInfo.orgUnits = org.rows.map((r) => r.value);
    org.rows.forEach((r, n) => {
      for (const [f, col] of Object.entries(r.columns))
        b.set(`basicInfo.orgUnits.${n}.${f}`, r.value[f as 'name'], b.cellSpan(t.index, r.row, col));
    });
    b.used.add(t.index);
    return 'org';
  }
  const staff = readStaffingTable(t);
  if (staff && (staff.rows.length || staff.skipped.length)) {
    staff.rows = staff.rows.slice(0, 20);
    content.basicInfo.staffing.categories = staff.rows.map((r) => r.value);
    leaveRows(b, t, staff.skipped, '人员情况表');
    staff.rows.forEach((r, n) => {
      for (const [f, col] of Object.entries(r.columns))
        b.set(`basicInfo.staffing.categories.${n}.${f}`, r.value[f as 'category'], b.cellSpan(t.index, r.row, col));
    });
    b.used.add(t.index);
    return 'staff';
  }
  const figures = readBudgetFigureTable(t);
  if (figures) {
    for (const f of figures.figures)
      b.set(`budget.${f.path}.${f.column}`, f.value, b.cellSpan(t.index, f.row, f.cell), !figures.unitFromHeader);
    for (const u of figures.unread) {
      const text = t.rows[u.row][u.cell].text.trim();
      b.unplaced.push({
        block: t.index,
        excerpt: text.slice(0, 60),
        reason: `收支表第 ${u.row + 1} 行的金额未能准确读出，未导入`,
      });
    }
    b.used.add(t.index);
    return 'figures';
  }
  const lines = readBudgetLineTable(t);
  if (lines && (lines.rows.length || lines.skipped.length)) {
    lines.rows = lines.rows.slice(0, 300);
    content.budget.lines = lines.rows.map((r) => r.value);
    leaveRows(b, t, lines.skipped, '项目预算表');
    lines.rows.forEach((r, n) => {
      for (const [f, col] of Object.entries(r.columns)) {
        const value = r.value[f as keyof typeof r.value];
        if (value === null || value === '') continue;
        const fromUnit = !lines.unitFromHeader && (f === 'amount' || f === 'spent');
        b.set(`budget.lines.${n}.${f}`, value, b.cellSpan(t.index, r.row, col), fromUnit);
      }
    });
    b.used.add(t.index);
    return 'lines';
  }
  const team = readTeamTable(t) ?? (inTeamSection ? readHeaderlessTeamTable(t) : null);
  if (team?.rows.length) {
    team.rows = team.rows.slice(0, 50);
    content.team.members = team.rows.map((r) => r.value);
    leaveRows(b, t, team.skipped, '评价工作组名单');
    team.rows.forEach((r, n) => {
      for (const [f, col] of Object.entries(r.columns))
        b.set(`team.members.${n}.${f}`, r.value[f as 'name'], b.cellSpan(t.index, r.row, col), team.headerless);
    });
    b.used.add(t.index);
    return 'team';
  }
  return null;
}
