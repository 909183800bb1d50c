import {
  expandTitle,
  headingNumber,
  numberedOutline,
  OVERALL_SECTIONS,
  REPORT_KIND_LABELS,
  type NumberedHeading,
  type NumberingStyle,
  type OverallReportContent,
  type OverallSectionId,
  type TemplateDefinition,
} from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { orBlank } from './chinese';
import { approvalBlock, outlineHeading, paragraph } from './blocks';
import type { Block, ReportDocument, TableCell, TableModel } from './document';
import { OVERALL_SECTION_RENDERERS } from './overall-sections';
import { fundingHead, fundingRows, gradeText, indicatorHead, indicatorRows, totalWeight } from './score-table';
import { cell, head, spanning } from './table-cells';

/**
 * The 部门整体支出绩效自评报告 as a county office files it, laid out by the template the report pins: the 附件
 * label, the title, the opening paragraph, then the outline — each heading numbered in its level's style,
 * followed by its sections (the organisation, budget and team tables among them) and its sub-headings —
 * the approval block of an approved revision, then the 绩效自评表 on a page of its own. Sections the
 * outline leaves out are not shown. Under the 河北 built-in this is the layout of the 赵县总工会 sample.
 * Pure: no fonts, no format.
 */
export function buildOverallReport(c: OverallReportContent, input: RenderInput): ReportDocument {
  const def = input.template;
  const department = c.header.departmentName.trim() || input.departmentName;
  const title =
    c.header.title.trim() ||
    expandTitle(def.document.titlePattern, { departmentName: department, fiscalYear: input.fiscalYear }).trim();
  const attachment = c.header.attachmentLabel.trim() || def.document.attachmentLabel.trim();
  // a title that names the department (「赵县总工会2024年度部门整体…」) is split after it; else the
  // department, as 「…部门」, stands on the line above
  const named = department !== '' && title.startsWith(department) && title.length > department.length;
  const blocks: Block[] = [];
  const add = (...more: Block[]) => blocks.push(...more);

  if (attachment) add({ kind: 'attachment', text: attachment });
  add({
    kind: 'title',
    size: 'main',
    lines: named
      ? [department, title.slice(department.length)]
      : [department.endsWith('部门') ? department : `${department}部门`, title],
  });
  add(paragraph(opening(c, department, input.fiscalYear)));
  add(...outlineBlocks(numberedOutline(def), def, c, input));
  add(...approvalBlock(input.approval, 'body'));

  add({ kind: 'pageBreak' });
  add(...scoreTableBlocks(c, department, input));

  return {
    title: named ? title : `${department}${title}`,
    subject: REPORT_KIND_LABELS.department_overall,
    author: department,
    watermark: input.watermark,
    notice: input.notice ?? null,
    blocks,
  };
}

const isOverallSection = (id: string): id is OverallSectionId =>
  Object.prototype.hasOwnProperty.call(OVERALL_SECTIONS, id);

/**
 * Each heading, its sections' blocks, then its sub-headings, depth first. A section id the catalogue does
 * not know (a template validates against it; an old one may name a section since removed) shows nothing.
 */
function outlineBlocks(
  headings: NumberedHeading[],
  def: Pick<TemplateDefinition, 'numbering'>,
  c: OverallReportContent,
  input: RenderInput,
): Block[] {
  const styles: NumberingStyle[] = [def.numbering.level1, def.numbering.level2, def.numbering.level3];
  return headings.flatMap((h) => {
    // lead-ins (「（一）项目存在的主要问题：」) count within their heading, in the style of the level below it
    let leadIns = 0;
    const leadInStyle: NumberingStyle = h.level < 3 ? styles[h.level] : 'arabic-paren';
    const nextLeadIn = () => headingNumber(leadInStyle, ++leadIns);
    return [
      outlineHeading(h),
      ...h.sections.flatMap((id) =>
        isOverallSection(id) ? OVERALL_SECTION_RENDERERS[id]({ c, input, nextLeadIn }) : [],
      ),
      ...outlineBlocks(h.children, def, c, input),
    ];
  });
}

function opening(c: OverallReportContent, department: string, fiscalYear: number): string {
  const h = c.header;
  const basis = `${orBlank(h.policyIssuer)}《${orBlank(h.policyTitle)}》${h.policyNumber.trim() ? `（${h.policyNumber.trim()}）` : ''}`;
  return (
    `贯彻落实${basis}文件精神，遵循“${orBlank(h.principles)}”的原则，` +
    `对${department}${fiscalYear}年整体支出情况实施了财政支出绩效自评价，形成本评价报告。`
  );
}

/** The template's 绩效自评表 (部门整体支出绩效自评表): the money table, then the indicators with 总分 and 评价等级. */
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
    { kind: 'title', size: 'form', lines: [input.template.document.tableTitle] },
    { kind: 'line', spans: [{ text: `（${input.fiscalYear}年度）` }], align: 'center', size: 'body' },
    { kind: 'line', spans: [{ text: `部门名称：${department}` }], align: 'left', size: 'small' },
    { kind: 'table', table: funding },
    { kind: 'table', table: indicators },
  ];
}
