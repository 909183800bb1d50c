import type { ReportKind } from '../parts';
import type { ConclusionPart, FundingColumns, Indicator, ScoreTablePart } from '../schema/score-table';
import type { ObjectivesPart, PreparersPart, ProjectInfoPart } from '../schema/project';
import { sum } from '../../money/decimal';

/**
 * The 绩效自评表 as a spreadsheet, in the layout of 财预〔2020〕10号 附件 (项目资金, 年度总体目标, 绩效指标,
 * 总分), on a grid of twelve columns. Beside the form's own columns the indicator rows carry 指标性质,
 * 计量单位 and 佐证材料 in columns of their own, so that a sheet exported here reads back without loss.
 * The same labels are what `readScoreSheet` looks for.
 */
export const SCORE_SHEET_NAME = '绩效自评表';
export const SCORE_SHEET_WIDTH = 12;

/** A cell's value: text as is; money (万元), a score or a percent as an exact decimal string. */
export type ScoreSheetValueType = 'text' | 'money' | 'score' | 'percent';

export interface ScoreSheetCell {
  value: string | null;
  type: ScoreSheetValueType;
  head?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** A merge, 1-based and inclusive, as spreadsheet libraries take them. */
export interface ScoreSheetMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ScoreSheetGrid {
  title: string;
  /** rows[r - 1][c - 1]: row r, column c; null where a merge covers the cell */
  rows: Array<Array<ScoreSheetCell | null>>;
  merges: ScoreSheetMerge[];
  /** the indicator header's row: everything above it stays in view (frozen) */
  indicatorHeaderRow: number;
  columnWidths: number[];
}

export interface ScoreSheetInput {
  kind: ReportKind;
  fiscalYear: number;
  departmentName: string;
  scoreTable: ScoreTablePart;
  conclusion: ConclusionPart;
  /** the county's label of the report's grade, if any */
  gradeLabel: string | null;
  projectInfo?: ProjectInfoPart;
  objectives?: ObjectivesPart;
  preparers?: PreparersPart;
}

/** The labels of the sheet: written by the export, looked for by the import. */
export const SCORE_SHEET_LABELS = {
  funding: '项目资金（万元）',
  fundingRows: {
    total: '年度资金总额',
    currentYearAppropriation: '其中：本年财政拨款',
    carryover: '上年结转资金',
    other: '其他资金',
  },
  fundingColumns: ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率（%）', '得分'],
  fundingDeviation: '执行偏差原因',
  objectives: '年度总体目标',
  objectiveColumns: ['预期目标', '实际完成情况'],
  indicators: '绩效指标',
  total: '总分',
} as const;

/**
 * Other headers provincial and county copies of the form give the same columns, compared as
 * `sheetHeaderKey` leaves them (no spaces, no bracketed note: 全年预算数（A） is 全年预算数). The first of
 * each list is the export's own header. 四川's form, for one, writes 调整后预算数, 预算执行数 and 权重.
 */
export const FUNDING_HEADER_ALIASES = {
  initialBudget: ['年初预算数', '年初预算'],
  adjustedBudget: ['全年预算数', '调整后预算数', '调整后预算', '全年预算'],
  executed: ['全年执行数', '预算执行数', '全年执行'],
  weight: ['分值', '权重'],
  executionRate: ['执行率', '预算执行率'],
  score: ['得分', '自评得分'],
} as const;

export const OBJECTIVE_HEADER_ALIASES = {
  expected: ['预期目标', '项目年度目标', '年初设定目标'],
  actual: ['实际完成情况', '年度目标完成情况', '年度总体目标完成情况综述'],
} as const;

/** A header cell as compared with the labels: width-normalised, no spaces, no bracketed note, no %. */
export function sheetHeaderKey(text: string | undefined): string {
  return (text ?? '')
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[(（][^()（）]*[)）]/g, '')
    .replace(/[()（）%]/g, '');
}

/** The indicator rows' columns after the section label (column A), in order. */
export const INDICATOR_SHEET_COLUMNS: ReadonlyArray<{
  field: keyof Indicator;
  header: string;
  type: ScoreSheetValueType;
}> = [
  { field: 'level1', header: '一级指标', type: 'text' },
  { field: 'level2', header: '二级指标', type: 'text' },
  { field: 'level3', header: '三级指标', type: 'text' },
  { field: 'nature', header: '指标性质', type: 'text' },
  { field: 'target', header: '年度指标值', type: 'text' },
  { field: 'unit', header: '计量单位', type: 'text' },
  { field: 'actual', header: '实际完成值', type: 'text' },
  { field: 'weight', header: '分值', type: 'score' },
  { field: 'score', header: '得分', type: 'score' },
  { field: 'deviationNote', header: '偏差原因分析及改进措施', type: 'text' },
  { field: 'evidence', header: '佐证材料', type: 'text' },
];

/** Other headers county copies of the form use for the indicator columns (compared as `sheetHeaderKey` leaves them). */
export const INDICATOR_HEADER_ALIASES: Partial<Record<keyof Indicator, readonly string[]>> = {
  target: ['指标值', '年度目标值', '目标值'],
  actual: ['实际值', '全年实际值', '实际完成值', '完成值'],
  unit: ['单位', '度量单位'],
  weight: ['权重'],
  deviationNote: [
    '偏差原因分析及改进措施',
    '偏差原因分析',
    '偏差原因',
    '未完成原因和改进措施',
    '未完成原因分析',
    '未完成原因及拟采取的改进措施',
  ],
  evidence: ['佐证资料'],
  nature: ['性质'],
};

/** 指标性质 as the sheet writes it. */
export const NATURE_SHEET_LABELS: Record<Indicator['nature'], string> = {
  '=': '＝',
  '>=': '≥',
  '<=': '≤',
  qualitative: '定性',
};

const text = (value: string | null, more: Partial<ScoreSheetCell> = {}): ScoreSheetCell => ({
  value,
  type: 'text',
  ...more,
});
const head = (value: string): ScoreSheetCell => text(value, { head: true, align: 'center' });
const typed = (value: string | null, type: ScoreSheetValueType): ScoreSheetCell => ({ value, type, align: 'right' });

class GridBuilder {
  readonly rows: Array<Array<ScoreSheetCell | null>> = [];
  readonly merges: ScoreSheetMerge[] = [];

  /** Adds a row of cells placed from column `from` (1-based); returns its row number. */
  row(cells: Array<ScoreSheetCell | null>, from = 1): number {
    const row = Array<ScoreSheetCell | null>(SCORE_SHEET_WIDTH).fill(null);
    cells.forEach((c, i) => (row[from - 1 + i] = c));
    this.rows.push(row);
    return this.rows.length;
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    if (bottom > top || right > left) this.merges.push({ top, left, bottom, right });
  }
}

function fundingRow(label: string, columns: FundingColumns, total: ScoreTablePart['funding'] | null) {
  return [
    text(label),
    null,
    typed(columns.initialBudget, 'money'),
    typed(columns.adjustedBudget, 'money'),
    typed(columns.executed, 'money'),
    total ? typed(total.weight, 'score') : text('—', { align: 'center' }),
    total ? typed(total.executionRate, 'percent') : text('—', { align: 'center' }),
    total ? typed(total.score, 'score') : text('—', { align: 'center' }),
  ];
}

/** 分值 of the money row and the indicators added up, exactly; null when none is stated. */
function totalWeight(table: ScoreTablePart): string | null {
  const weights = [table.funding.weight, ...table.indicators.map((i) => i.weight)].filter(
    (w): w is string => w !== null,
  );
  return weights.length ? sum(weights).toString() : null;
}

/** The 绩效自评表 of one report as a grid: what the export writes, cell by cell. */
export function scoreSheetGrid(input: ScoreSheetInput): ScoreSheetGrid {
  const g = new GridBuilder();
  const project = input.kind === 'project';
  const title = project ? '项目支出绩效自评表' : '部门整体支出绩效自评表';
  g.merge(g.row([head(title)]), 1, 1, SCORE_SHEET_WIDTH);
  g.merge(g.row([head(`（${input.fiscalYear}年度）`)]), 1, 2, SCORE_SHEET_WIDTH);

  if (project && input.projectInfo) {
    const r = g.row([
      head('项目名称'),
      text(input.projectInfo.name),
      ...Array(6).fill(null),
      head('项目编码'),
      text(input.projectInfo.code),
    ]);
    g.merge(r, 2, r, 8);
    g.merge(r, 10, r, 12);
    const s = g.row([
      head('主管部门'),
      text(input.projectInfo.supervisingDepartment || input.departmentName),
      ...Array(6).fill(null),
      head('实施单位'),
      text(input.projectInfo.implementingUnit),
    ]);
    g.merge(s, 2, s, 8);
    g.merge(s, 10, s, 12);
  } else {
    const r = g.row([head('部门（单位）名称'), text(input.departmentName)]);
    g.merge(r, 2, r, SCORE_SHEET_WIDTH);
  }

  const { funding } = input.scoreTable;
  const fundingHead = g.row([
    head(SCORE_SHEET_LABELS.funding),
    null,
    null,
    ...SCORE_SHEET_LABELS.fundingColumns.map(head),
  ]);
  const labels = SCORE_SHEET_LABELS.fundingRows;
  let last = g.row(fundingRow(labels.total, funding.total, funding), 2);
  for (const key of ['currentYearAppropriation', 'carryover', 'other'] as const) {
    last = g.row(fundingRow(labels[key], funding[key], null), 2);
  }
  for (let r = fundingHead; r <= last; r++) {
    g.merge(r, 2, r, 3);
    g.merge(r, 9, r, SCORE_SHEET_WIDTH);
  }
  const deviation = g.row([text(SCORE_SHEET_LABELS.fundingDeviation), null, text(funding.deviationNote)], 2);
  g.merge(deviation, 2, deviation, 3);
  g.merge(deviation, 4, deviation, SCORE_SHEET_WIDTH);
  g.merge(fundingHead, 1, deviation, 1);

  if (project) {
    const items = input.objectives?.items ?? [];
    const top = g.row([head(SCORE_SHEET_LABELS.objectives), head(SCORE_SHEET_LABELS.objectiveColumns[0])]);
    g.rows[top - 1][7] = head(SCORE_SHEET_LABELS.objectiveColumns[1]);
    let bottom = top;
    for (const o of items.length ? items : [{ expected: '', actual: '' }]) {
      bottom = g.row(
        [text(o.expected, { align: 'left' }), ...Array(5).fill(null), text(o.actual, { align: 'left' })],
        2,
      );
    }
    for (let r = top; r <= bottom; r++) {
      g.merge(r, 2, r, 7);
      g.merge(r, 8, r, SCORE_SHEET_WIDTH);
    }
    g.merge(top, 1, bottom, 1);
  }

  const indicatorHeaderRow = g.row([
    head(SCORE_SHEET_LABELS.indicators),
    ...INDICATOR_SHEET_COLUMNS.map((c) => head(c.header)),
  ]);
  let bottom = indicatorHeaderRow;
  for (const indicator of input.scoreTable.indicators) {
    bottom = g.row(
      INDICATOR_SHEET_COLUMNS.map((c) =>
        c.field === 'nature'
          ? text(NATURE_SHEET_LABELS[indicator.nature], { align: 'center' })
          : c.type === 'text'
            ? text(String(indicator[c.field] ?? ''), { align: c.field.startsWith('level') ? 'center' : 'left' })
            : typed((indicator[c.field] as string | null) ?? null, c.type),
      ),
      2,
    );
  }
  g.merge(indicatorHeaderRow, 1, bottom, 1);

  const total = g.row([
    head(SCORE_SHEET_LABELS.total),
    ...Array(7).fill(null),
    typed(totalWeight(input.scoreTable), 'score'),
    typed(input.conclusion.totalScore, 'score'),
    text(input.gradeLabel ? `评价等级：${input.gradeLabel}` : ''),
  ]);
  g.merge(total, 1, total, 8);
  g.merge(total, 11, total, SCORE_SHEET_WIDTH);

  if (project && input.preparers) {
    const p = input.preparers;
    const r = g.row([
      text(`填表人：${p.preparer}`),
      null,
      null,
      text(`联系电话：${p.phone}`),
      null,
      null,
      text(`填报日期：${p.filledOn}`),
      null,
      text(`单位负责人：${p.unitHead}`),
      null,
      text(`财务负责人：${p.financeHead}`),
    ]);
    for (const [left, right] of [
      [1, 3],
      [4, 6],
      [7, 8],
      [9, 10],
      [11, 12],
    ])
      g.merge(r, left, r, right);
  }

  return {
    title,
    rows: g.rows,
    merges: g.merges,
    indicatorHeaderRow,
    columnWidths: [12, 12, 14, 26, 8, 14, 8, 14, 8, 8, 30, 24],
  };
}
