import { outlineSections, REPORT_KIND_LABELS, type NumberedHeading, type ProjectReportContent } from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { approvalBlock, oneLine } from './blocks';
import { chineseDay, numbering } from './chinese';
import type { Block, ReportDocument, TableCell, TableModel } from './document';
import { fundingHead, fundingRows, gradeText, indicatorHead, indicatorRows, totalWeight } from './score-table';
import { cell, head, spanning, widened } from './table-cells';

/**
 * The 项目支出绩效自评表 of 财预〔2020〕10号: the title and year, then one bordered table — 项目名称, 主管部门
 * and 实施单位, 项目资金, 年度总体目标, 绩效指标, 总分 and 评价等级 — and who filled it in. The 项目编码 is
 * not printed: the national form has no place for it (it identifies the report in the system, and the
 * document's name carries the project's name). The template the report pins gives the form's title, a 附件
 * label above it when it has one, the 年度总体目标 block's label, and leaves out the optional blocks its
 * outline does not name (年度总体目标, 填报信息); the blocks keep the national form's order.
 */
export function buildProjectTable(c: ProjectReportContent, input: RenderInput): ReportDocument {
  const def = input.template;
  const name = c.projectInfo.name.trim();
  const sections = new Map(outlineSections(def).map(({ section, headings }) => [section, headings]));
  const attachment = def.document.attachmentLabel.trim();
  const blocks: Block[] = [
    ...(attachment ? [{ kind: 'attachment', text: attachment } satisfies Block] : []),
    { kind: 'title', size: 'form', lines: [def.document.tableTitle] },
    { kind: 'line', spans: [{ text: `（${input.fiscalYear}年度）` }], align: 'center', size: 'small' },
    { kind: 'table', table: formTable(c, input, sections) },
    ...(sections.has('preparers') ? preparerLines(c.preparers) : []),
    ...approvalBlock(input.approval, 'small'),
  ];
  return {
    // as documentFileName names the file: 赵县总工会2024年度…项目支出绩效自评表
    title: `${input.departmentName}${input.fiscalYear}年度${name}${name.endsWith('项目') ? '' : '项目'}支出绩效自评表`,
    subject: REPORT_KIND_LABELS.project,
    author: input.departmentName,
    watermark: input.watermark,
    notice: input.notice ?? null,
    blocks,
  };
}

/** The outline's sections, each with the headings above it (the project outline has one level). */
type Sections = Map<string, NumberedHeading[]>;

/**
 * The form's grid, nine columns (relative widths, in characters of 五号): the labels of the row blocks
 * (项目资金, 年度总体目标, 绩效指标, two characters a line), then the indicators' 一级, 二级, 三级, 年度指标值,
 * 实际完成值, 分值, 得分 and 偏差原因; every other row spans these. Sized so that a table like the
 * 赵县 provincial fund's fits one A4 page.
 */
const GRID = [2.1, 4.4, 4.3, 5.6, 5.1, 5.1, 2.1, 3.1, 6.6];
const COLUMNS = GRID.length;

type Row = Array<TableCell | null>;

function formTable(c: ProjectReportContent, input: RenderInput, sections: Sections): TableModel {
  const objectives = sections.get('objectives');
  const info = c.projectInfo;
  return {
    widths: GRID,
    size: 'small',
    dense: true,
    headerRows: 0,
    rows: [
      [...spanning(head('项目名称'), 2), ...spanning(cell(info.name, 'left'), COLUMNS - 2)],
      [
        ...spanning(head('主管部门'), 2),
        ...spanning(cell(info.supervisingDepartment, 'left'), 2),
        head('实施单位'),
        ...spanning(cell(info.implementingUnit, 'left'), 4),
      ],
      ...fundingBlock(c),
      ...(objectives ? objectivesBlock(c, objectives[objectives.length - 1].title) : []),
      ...indicatorsBlock(c),
      [...spanning(head('总分'), 6), cell(totalWeight(c.scoreTable)), cell(c.conclusion.totalScore ?? ''), cell('')],
      [...spanning(head('评价等级'), 6), ...spanning(cell(gradeText(c.conclusion, input.gradeBands) ?? ''), 3)],
    ],
  };
}

/** 项目资金（万元）: the 绩效自评表's money rows, their label over the 一级 and 二级 columns; 偏差原因 when given. */
function fundingBlock(c: ProjectReportContent): Row[] {
  const f = c.scoreTable.funding;
  const deviation = f.deviationNote.trim();
  const body: Row[] = [
    [...spanning(cell(''), 2), ...fundingHead()],
    ...fundingRows(f).map((row) => widened(row, 0, 2)),
    ...(deviation ? [[...spanning(head('偏差原因'), 2), ...spanning(cell(deviation, 'left'), COLUMNS - 3)]] : []),
  ];
  return labelled('项目资金（万元）', body);
}

/**
 * 年度总体目标 (or the template's title for it): 预期目标 beside 实际完成情况, one row a goal, numbered 1. 2.
 * when there are several.
 */
function objectivesBlock(c: ProjectReportContent, label: string): Row[] {
  const items = c.objectives.items;
  const numberedText = (text: string, i: number) => {
    const kept = oneLine(text);
    return kept && items.length > 1 ? `${numbering.level3(i + 1)}${kept}` : kept;
  };
  const goals: Row[] = (items.length > 0 ? items : [{ expected: '', actual: '' }]).map((item, i) => [
    ...spanning(cell(numberedText(item.expected, i), 'left'), 4),
    ...spanning(cell(numberedText(item.actual, i), 'left'), 4),
  ]);
  return labelled(label, [[...spanning(head('预期目标'), 4), ...spanning(head('实际完成情况'), 4)], ...goals]);
}

/** 绩效指标: the 绩效自评表's indicator rows, 一级/二级 merged down their runs. */
function indicatorsBlock(c: ProjectReportContent): Row[] {
  return labelled('绩效指标', [indicatorHead(), ...indicatorRows(c.scoreTable.indicators)]);
}

/** The rows with a head cell in the first column spanning all of them. */
function labelled(label: string, rows: Row[]): Row[] {
  return rows.map((row, i) => [i === 0 ? head(label, { rowSpan: rows.length }) : null, ...row]);
}

/** Room left to write a missing value by hand, as on the paper form. */
const BY_HAND = '\u3000\u3000\u3000\u3000';
const GAP = '\u3000\u3000';

/** 「填表人：… 联系电话：… 填报日期：2025年4月15日」, then 单位负责人 and 财务负责人 when given. */
function preparerLines(p: ProjectReportContent['preparers']): Block[] {
  const value = (v: string) => v.trim() || BY_HAND;
  const date = p.filledOn ? chineseDay(p.filledOn) : `${GAP}年${GAP}月${GAP}日`;
  const heads = [
    p.unitHead.trim() ? `单位负责人：${p.unitHead.trim()}` : null,
    p.financeHead.trim() ? `财务负责人：${p.financeHead.trim()}` : null,
  ].filter((s): s is string => s !== null);
  const lines = [`填表人：${value(p.preparer)}${GAP}联系电话：${value(p.phone)}${GAP}填报日期：${date}`];
  if (heads.length > 0) lines.push(heads.join(GAP));
  return lines.map((text) => ({ kind: 'line', spans: [{ text }], align: 'left', size: 'small' }));
}
