import { dec, type GradeBand, type OverallReportContent, type OverallSectionId } from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { BLANK, orBlank, paragraphsOf, wan } from './chinese';
import { caption, leadIn, numbered, paragraph, paragraphs } from './blocks';
import type { Block, TableModel } from './document';
import { budgetTable, incomeAndExpenditure, projectBudgetSentence } from './overall-budget';
import { staffingSentence } from './overall-staffing';
import { gradeText } from './score-table';
import { cell, head } from './table-cells';

/**
 * The blocks of each section of the 部门整体 report (the domain's OVERALL_SECTIONS), as the 赵县总工会
 * sample writes them; the template's outline decides under which heading, in what order and whether at all.
 */

export interface SectionContext {
  c: OverallReportContent;
  input: RenderInput;
  /** 「（一）」 then 「（二）」…: the next lead-in under the current heading, numbered one level below it */
  nextLeadIn: () => string;
}

type SectionRenderer = (ctx: SectionContext) => Block[];

export const OVERALL_SECTION_RENDERERS: Record<OverallSectionId, SectionRenderer> = {
  'basicInfo.functions': ({ c }) => paragraphs(c.basicInfo.functions),
  'basicInfo.orgUnits': ({ c }) => [caption('部门机构设置情况'), { kind: 'table', table: orgUnitTable(c) }],
  'basicInfo.staffing': ({ c, input }) => [
    paragraph('人员情况：包括当年变动情况及原因。'),
    paragraph(staffingSentence(c.basicInfo.staffing, input.fiscalYear)),
  ],
  'basicInfo.assets': ({ c }) => [paragraph(assets(c))],
  budget: ({ c, input }) => {
    const money = incomeAndExpenditure(c.budget);
    return [
      ...(money ? [paragraph(money)] : []),
      paragraph(projectBudgetSentence(c.budget, input.fiscalYear)),
      caption('项目预算明细'),
      { kind: 'table', table: budgetTable(c.budget) },
    ];
  },
  goals: ({ c }) => numbered(c.goals.items.map((g) => g.text)),
  'selfEvaluation.organization': ({ c }) => paragraphs(paragraphsOf(c.selfEvaluation.organization)),
  'selfEvaluation.methodAndProcess': ({ c }) => paragraphs(paragraphsOf(c.selfEvaluation.methodAndProcess)),
  'results.overall': ({ c }) => paragraphs(paragraphsOf(c.results.overall)),
  'results.items': ({ c }) =>
    numbered(
      c.results.items.map(
        (item) =>
          `${item.text}${item.completionRate === null ? '' : `总体完成率${item.completionRate}%。`}${item.explanation.trim()}`,
      ),
    ),
  conclusion: ({ c, input }) => [paragraph(conclusion(c, input.gradeBands))],
  'problems.problems': ({ c, nextLeadIn }) => leadIn(`${nextLeadIn()}项目存在的主要问题：`, c.problems.problems),
  'problems.measures': ({ c, nextLeadIn }) =>
    leadIn(`${nextLeadIn()}针对问题提出具体的改进措施或建议：`, c.problems.measures),
  team: ({ c }) => [{ kind: 'table', table: teamTable(c) }],
};

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
