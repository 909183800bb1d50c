import { dec, REPORT_KIND_LABELS, type GradeBand, type OverallReportContent } from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { BLANK, numbering, orBlank, paragraphsOf, wan } from './chinese';
import { approvalBlock, caption, h1, h2, h3, leadIn, numbered, paragraph, paragraphs } from './blocks';
import type { Block, ReportDocument, TableCell, TableModel } from './document';
import { budgetTable, incomeAndExpenditure, projectBudgetSentence } from './overall-budget';
import { staffingSentence } from './overall-staffing';
import { fundingHead, fundingRows, gradeText, indicatorHead, indicatorRows, totalWeight } from './score-table';
import { cell, head, spanning } from './table-cells';

/**
 * The 部门整体支出绩效自评报告 as a county office files it (the layout of the 赵县总工会 sample): the 附件
 * label, the title, the opening paragraph, six numbered sections with the organisation, budget and team
 * tables, the approval block of an approved revision, then the 绩效自评表. Pure: no fonts, no format.
 */
export function buildOverallReport(c: OverallReportContent, input: RenderInput): ReportDocument {
  const department = c.header.departmentName.trim() || input.departmentName;
  const title = c.header.title.trim() || `${input.fiscalYear}年度整体支出绩效自评报告`;
  const blocks: Block[] = [];
  const add = (...more: Block[]) => blocks.push(...more);

  if (c.header.attachmentLabel.trim()) add({ kind: 'attachment', text: c.header.attachmentLabel.trim() });
  add({ kind: 'title', size: 'main', lines: [department.endsWith('部门') ? department : `${department}部门`, title] });
  add(paragraph(opening(c, department, input.fiscalYear)));

  add(h1(1, '部门基本情况'), h2(1, '部门概况'), h3(1, '部门职能'));
  add(...paragraphs(c.basicInfo.functions));
  add(h3(2, '组织机构及人员'));
  add(caption('部门机构设置情况'), { kind: 'table', table: orgUnitTable(c) });
  add(
    paragraph('人员情况：包括当年变动情况及原因。'),
    paragraph(staffingSentence(c.basicInfo.staffing, input.fiscalYear)),
  );
  add(paragraph(assets(c)));

  add(h2(2, '部门收支预决算情况'));
  const money = incomeAndExpenditure(c.budget);
  if (money) add(paragraph(money));
  add(paragraph(projectBudgetSentence(c.budget, input.fiscalYear)));
  add(caption('项目预算明细'), { kind: 'table', table: budgetTable(c.budget) });

  add(h2(3, '部门整体支出绩效目标、指标'));
  add(...numbered(c.goals.items.map((g) => g.text)));

  add(h1(2, '自评工作开展情况'));
  add(h2(1, '自评的组织工作'), ...paragraphs(paragraphsOf(c.selfEvaluation.organization)));
  add(h2(2, '自评的方法和过程'), ...paragraphs(paragraphsOf(c.selfEvaluation.methodAndProcess)));

  add(h1(3, '部门整体支出绩效目标实现情况及指标分析'));
  add(h2(1, '总体绩效目标实现情况'), ...paragraphs(paragraphsOf(c.results.overall)));
  add(h2(2, '分项绩效目标实现情况及指标分析'));
  add(
    ...numbered(
      c.results.items.map(
        (item) =>
          `${item.text}${item.completionRate === null ? '' : `总体完成率${item.completionRate}%。`}${item.explanation.trim()}`,
      ),
    ),
  );

  add(h1(4, '评价结论和评价等级'));
  add(paragraph(conclusion(c, input.gradeBands)));

  add(h1(5, '存在的问题及改进措施'));
  add(...leadIn(`${numbering.level2(1)}项目存在的主要问题：`, c.problems.problems));
  add(...leadIn(`${numbering.level2(2)}针对问题提出具体的改进措施或建议：`, c.problems.measures));

  add(h1(6, '评价工作组人员名单及签字（姓名、工作单位、职务、职称）'));
  add({ kind: 'table', table: teamTable(c) });
  add(...approvalBlock(input.approval, 'body'));

  add({ kind: 'pageBreak' });
  add(...scoreTableBlocks(c, department, input));

  return {
    title: `${department}${title}`,
    subject: REPORT_KIND_LABELS.department_overall,
    author: department,
    watermark: input.watermark,
    blocks,
  };
}

function opening(c: OverallReportContent, department: string, fiscalYear: number): string {
  const h = c.header;
  const basis = `${orBlank(h.policyIssuer)}《${orBlank(h.policyTitle)}》${h.policyNumber.trim() ? `（${h.policyNumber.trim()}）` : ''}`;
  return (
    `贯彻落实${basis}文件精神，遵循“${orBlank(h.principles)}”的原则，` +
    `对${department}${fiscalYear}年整体支出情况实施了财政支出绩效自评价，形成本评价报告。`
  );
}

/** 「较上年减少1.9%」 as the sample writes it (a zero change reads 「减少0%」 there too). */
function yearOverYear(stated: string | null): string {
  if (stated === null) return '';
  const change = dec(stated);
  return `，较上年${change.greaterThan(0) ? '增加' : '减少'}${change.abs().toString()}%`;
}

function assets(c: OverallReportContent): string {
  const a = c.basicInfo.assets;
  if (!a.current) return `资产情况：截至${orBlank(a.asOf)}，${BLANK}。`;
  const basis = a.valuationBasis.trim() ? `（${a.valuationBasis.trim()}）` : '';
  return (
    `资产情况：截至${orBlank(a.asOf)}，我单位资产总额${basis}${wan(a.current.totalAssets)}万元${yearOverYear(a.yoy.totalAssets)}。` +
    `负债总额${wan(a.current.totalLiabilities)}万元${yearOverYear(a.yoy.totalLiabilities)}。` +
    `净资产${wan(a.current.netAssets)}万元${yearOverYear(a.yoy.netAssets)}。`
  );
}

function conclusion(c: OverallReportContent, bands: GradeBand[]): string {
  const { totalScore, basis } = c.conclusion;
  const lead = basis.trim() ? `${basis.trim()}，` : '';
  return `${lead}总得分${orBlank(totalScore)}分，等级为${gradeText(c.conclusion, bands) ?? BLANK}。`;
}

/** A table this short always fits a page, so it is kept on one. */
const SHORT_TABLE_ROWS = 12;

function orgUnitTable(c: OverallReportContent): TableModel {
  const units = c.basicInfo.orgUnits;
  const rows = units.map((u) => [cell(u.name, 'left'), cell(u.nature), cell(u.level), cell(u.fundingForm)]);
  return {
    widths: [4, 2, 2, 2.5],
    size: 'normal',
    headerRows: 1,
    keepTogether: units.length <= SHORT_TABLE_ROWS,
    rows: [
      [head('单位名称'), head('单位性质'), head('单位规格'), head('经费保障形式')],
      ...(rows.length > 0 ? rows : [[cell(BLANK), cell(''), cell(''), cell('')]]),
    ],
  };
}

function teamTable(c: OverallReportContent): TableModel {
  const members = c.team.members;
  const rows = members.map((m) => [
    cell(m.name),
    cell(m.unit, 'left'),
    cell(m.position, 'left'),
    cell(m.title),
    cell(''),
  ]);
  return {
    widths: [1.5, 2.9, 3.9, 1.5, 1.8],
    size: 'normal',
    headerRows: 1,
    minRowHeight: 28,
    keepTogether: members.length <= SHORT_TABLE_ROWS,
    rows: [
      [head('姓名'), head('工作单位'), head('职务'), head('职称'), head('签字')],
      ...(rows.length > 0 ? rows : [[cell(BLANK), cell(''), cell(''), cell(''), cell('')]]),
    ],
  };
}

/** 部门整体支出绩效自评表: the money table, then the indicators with 总分 and 评价等级. */
function scoreTableBlocks(c: OverallReportContent, department: string, input: RenderInput): Block[] {
  const f = c.scoreTable.funding;
  const deviation = f.deviationNote.trim();
  const funding: TableModel = {
    widths: [3.6, 2, 2, 2, 1.1, 1.3, 1.1],
    size: 'small',
    headerRows: 2,
    keepTogether: true,
    rows: [
      spanning(head('年度预算执行情况（万元）'), 7),
      [head('项目'), ...fundingHead()],
      ...fundingRows(f),
      ...(deviation ? [[head('偏差原因'), ...spanning(cell(deviation, 'left'), 6)]] : []),
    ],
  };

  const totalRow: Array<TableCell | null> = [
    ...spanning(head('总分'), 5),
    cell(totalWeight(c.scoreTable)),
    cell(c.conclusion.totalScore ?? ''),
    cell(`评价等级：${gradeText(c.conclusion, input.gradeBands) ?? ''}`, 'left'),
  ];
  const indicators: TableModel = {
    widths: [1.5, 1.5, 3.2, 1.7, 1.7, 0.8, 0.8, 2.8],
    size: 'small',
    headerRows: 1,
    rows: [indicatorHead(), ...indicatorRows(c.scoreTable.indicators), totalRow],
  };

  return [
    { kind: 'title', size: 'form', lines: ['部门整体支出绩效自评表'] },
    { kind: 'line', spans: [{ text: `（${input.fiscalYear}年度）` }], align: 'center', size: 'body' },
    { kind: 'line', spans: [{ text: `部门名称：${department}` }], align: 'left', size: 'small' },
    { kind: 'table', table: funding },
    { kind: 'table', table: indicators },
  ];
}
