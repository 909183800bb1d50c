import { NATURE_LABELS } from '../indicator-library/entry';
import { REPORT_KIND_SHORT_LABELS, REPORT_STATUS_LABELS, type ReportKind, type ReportStatus } from '../report/parts';
import type { ScoreTablePart } from '../report/schema/score-table';

export const INDICATOR_ROWS_SHEET_NAME = '指标明细';

/** How a column's cells are written: text as is, a count as a number, an exact decimal as a number. */
export type IndicatorRowCellType = 'text' | 'integer' | 'decimal';

export interface IndicatorRowColumn {
  key: keyof IndicatorSheetRow;
  header: string;
  type: IndicatorRowCellType;
  /** in characters, as Excel counts them (a Chinese character is about two) */
  width: number;
}

/** The 指标明细's columns, in order. */
export const INDICATOR_ROW_COLUMNS: readonly IndicatorRowColumn[] = [
  { key: 'seq', header: '序号', type: 'integer', width: 7 },
  { key: 'department', header: '部门', type: 'text', width: 24 },
  { key: 'kind', header: '报告类型', type: 'text', width: 10 },
  { key: 'projectName', header: '项目名称', type: 'text', width: 24 },
  { key: 'projectCode', header: '项目编码', type: 'text', width: 16 },
  { key: 'status', header: '状态', type: 'text', width: 8 },
  { key: 'level1', header: '一级指标', type: 'text', width: 12 },
  { key: 'level2', header: '二级指标', type: 'text', width: 14 },
  { key: 'level3', header: '三级指标', type: 'text', width: 28 },
  { key: 'nature', header: '指标性质', type: 'text', width: 8 },
  { key: 'target', header: '年度指标值', type: 'text', width: 12 },
  { key: 'unit', header: '计量单位', type: 'text', width: 8 },
  { key: 'actual', header: '实际完成值', type: 'text', width: 12 },
  { key: 'weight', header: '分值', type: 'decimal', width: 7 },
  { key: 'score', header: '得分', type: 'decimal', width: 7 },
  { key: 'deviationNote', header: '偏差原因分析及改进措施', type: 'text', width: 30 },
  { key: 'evidence', header: '佐证材料', type: 'text', width: 24 },
];

/** One indicator of one report as the sheet lists it; 分值 and 得分 are exact decimal strings. */
export interface IndicatorSheetRow {
  seq: number;
  department: string;
  kind: string;
  projectName: string;
  projectCode: string;
  status: string;
  level1: string;
  level2: string;
  level3: string;
  nature: string;
  target: string;
  unit: string;
  actual: string;
  weight: string | null;
  score: string | null;
  deviationNote: string;
  evidence: string;
}

/** The report an indicator row belongs to, as far as the sheet names it. */
export interface IndicatorRowsReport {
  departmentName: string;
  kind: ReportKind;
  status: ReportStatus;
  projectName: string | null;
  projectCode: string | null;
}

/** A report's indicator rows, in the order of its table, numbered on from `firstSeq`. */
export function indicatorSheetRows(
  report: IndicatorRowsReport,
  scoreTable: Pick<ScoreTablePart, 'indicators'> | null | undefined,
  firstSeq: number,
): IndicatorSheetRow[] {
  return (scoreTable?.indicators ?? []).map((indicator, index) => ({
    seq: firstSeq + index,
    department: report.departmentName,
    kind: REPORT_KIND_SHORT_LABELS[report.kind],
    projectName: report.projectName ?? '',
    projectCode: report.projectCode ?? '',
    status: REPORT_STATUS_LABELS[report.status],
    level1: indicator.level1,
    level2: indicator.level2,
    level3: indicator.level3,
    nature: NATURE_LABELS[indicator.nature],
    target: indicator.target,
    unit: indicator.unit,
    actual: indicator.actual,
    weight: indicator.weight,
    score: indicator.score,
    deviationNote: indicator.deviationNote,
    evidence: indicator.evidence,
  }));
}
