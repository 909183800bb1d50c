import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dec,
  gradeLabel,
  yearEndHeadcount,
  type GradeBand,
  type GradeKey,
  type OverallReportContent,
} from '@evalflow/domain';

/*
 * The facts of the sample, taken from its text, in the order the sample has them: what the seed must hold
 * (libs/seed) and what a rendered document must show (libs/rendering). The sample is PDF-extracted:
 * wrapped every ~30 characters with blank lines between, spaces around numbers, a page footer.
 * Everything is compared after removing all whitespace.
 */

export const SAMPLE_PATH = join(__dirname, '../../../../docs/samples/zhaoxian-union-2024.txt');
export const SAMPLE_FISCAL_YEAR = 2024;
/** Layout artefacts: page footers such as 「- 4 -」 are not part of the report. */
export const PAGE_FOOTER = /^\s*-\s*\d+\s*-\s*$/;
export const SAMPLE_RAW_LINES = readFileSync(SAMPLE_PATH, 'utf8').split('\n');
export const SAMPLE_LINES = SAMPLE_RAW_LINES.filter((line) => !PAGE_FOOTER.test(line));

/** Whitespace removed; the sample's few ASCII commas (「万元,较上年」) read as full-width ones. */
export const squash = (text: string) => text.replace(/\s+/g, '').replace(/,/g, '，');

export const NUMBER = /\d+(?:\.\d+)?/g;
/** Numbers compared by value: 「0.00」 and 「0」, 「178.6460」 and 「178.646」 are the same fact. */
export const canonical = (n: string) => dec(n).toString();

/**
 * The headings and labels of the report form, in order. The application renders them; they are not
 * stored. Two of them carry the form's own numbering (「1.」「2．」).
 */
export const TEMPLATE = [
  '一、部门基本情况',
  '（一）部门概况',
  '1.部门职能',
  '2．组织机构及人员',
  '部门机构设置情况',
  '单位名称单位性质单位规格经费保障形式',
  '人员情况：包括当年变动情况及原因。',
  '（二）部门收支预决算情况',
  '（三）部门整体支出绩效目标、指标',
  '二、自评工作开展情况',
  '（一）自评的组织工作',
  '（二）自评的方法和过程',
  '三、部门整体支出绩效目标实现情况及指标分析',
  '（一）总体绩效目标实现情况',
  '（二）分项绩效目标实现情况及指标分析',
  '四、评价结论和评价等级',
  '五、存在的问题及改进措施',
  '（一）项目存在的主要问题：',
  '（二）针对问题提出具体的改进措施或建议：',
  '六、评价工作组人员名单及签字（姓名、工作单位、职务、职称）',
];

const change = (stated: string | null) =>
  stated === null ? '' : `较上年${dec(stated).greaterThan(0) ? '增加' : '减少'}${dec(stated).abs().toString()}%`;

export interface RenderedPassage {
  what: string;
  text: string;
}

/**
 * The passages the application renders from structured fields, written here from the stored report,
 * in document order; each must occur in the sample word for word. The sample has no full stop after
 * the net-assets figure, so the passage ends without one.
 */
export function renderedPassages(
  c: OverallReportContent,
  { fiscalYear, gradeBands }: { fiscalYear: number; gradeBands: GradeBand[] },
): RenderedPassage[] {
  const { header, basicInfo, budget, conclusion } = c;
  const { staffing, assets } = basicInfo;
  const current = assets.current as NonNullable<typeof assets.current>;
  const headcount = yearEndHeadcount(staffing) ?? 0;
  const headcountChange = headcount - (staffing.previousHeadcount ?? 0);
  const category = staffing.categories.map((s) => s.category).join('');
  return [
    { what: 'title', text: `${header.attachmentLabel}${header.departmentName}部门${header.title}` },
    {
      what: 'opening paragraph',
      text: `贯彻落实${header.policyIssuer}《${header.policyTitle}》（${header.policyNumber}）文件精神，遵循“${header.principles}”的原则，对${header.departmentName}${fiscalYear}年整体支出情况实施了财政支出绩效自评价，形成本评价报告。`,
    },
    ...basicInfo.orgUnits.map((u) => ({
      what: 'organisation table row',
      text: `${u.name}${u.nature}${u.level}${u.fundingForm}`,
    })),
    {
      what: 'staffing',
      text: `截至${staffing.asOf}，我单位实有${category}${headcount}人，与${fiscalYear - 1}年相比较${headcountChange < 0 ? '减少' : '增加'}${Math.abs(headcountChange)}人。`,
    },
    {
      what: 'assets',
      text:
        `资产情况：截至${assets.asOf}，我单位资产总额（${assets.valuationBasis}）${current.totalAssets}万元，${change(assets.yoy.totalAssets)}。` +
        `负债总额${current.totalLiabilities}万元，${change(assets.yoy.totalLiabilities)}。` +
        `净资产${current.netAssets}万元，${change(assets.yoy.netAssets)}`,
    },
    {
      what: 'budget',
      text: `${fiscalYear}年年初项目预算${budget.expenditure.project.budget}万元，其中${budget.lines
        .map((l) => `${l.name}${l.documentNumber ? `（${l.documentNumber}）` : ''}${l.amount}万元`)
        .join('，')}，当年项目支出${budget.expenditure.project.actual}万元。`,
    },
    ...c.results.items.map((item) => ({ what: 'completion rate', text: `总体完成率${item.completionRate}%。` })),
    {
      what: 'conclusion',
      text: `${conclusion.basis}，总得分${conclusion.totalScore}分，等级为${gradeLabel(conclusion.grade as GradeKey, gradeBands)}。`,
    },
    { what: 'team', text: c.team.members.map((m) => `${m.name}${m.unit}${m.position}`).join('') },
  ];
}

/** List numbering 「1.」…「9.」 at the start of an item: rendered from the item's position. */
export const ENUMERATOR = /(^|\n|[；。])(\d{1,2})[.．](?!\d)/g;

/** The sample, squashed, with the form's headings cut out (each must be there exactly once). */
export const BODY = (() => {
  let body = squash(SAMPLE_LINES.join('\n'));
  for (const heading of TEMPLATE) {
    if (body.split(heading).length !== 2) throw new Error(`heading not found exactly once: ${heading}`);
    body = body.replace(heading, '\n');
  }
  return body;
})();
export const ENUMERATORS = [...BODY.matchAll(ENUMERATOR)].map((m) => Number(m[2]));
/** The body without list numbering: what the facts are taken from. */
export const FACT_TEXT = BODY.replace(ENUMERATOR, '$1\n');

/** Every number of the sample, as written, in order. */
export const SAMPLE_NUMBERS = FACT_TEXT.match(NUMBER) ?? [];

/** Document numbers: 冀财行【2023】98号, 石工办字{2024}3号, [2019]77 — with up to 3 characters of issuer. */
export const DOCUMENT_NUMBER = /([\u4e00-\u9fff]*)([【{[]\d{4}[】}\]]\d+号?)/g;
export const SAMPLE_DOCUMENT_NUMBERS = [...FACT_TEXT.matchAll(DOCUMENT_NUMBER)].map((m) => `${m[1].slice(-3)}${m[2]}`);

/** The team: one member a line, 「姓名 工作单位 职务」 separated by spaces, after the section heading. */
export const SAMPLE_TEAM = SAMPLE_LINES.slice(SAMPLE_LINES.findIndex((l) => l.includes('六、评价工作组人员名单')))
  .map((l) => l.trim().split(/\s+/))
  .filter((fields) => fields.length === 3)
  .map(([name, unit, position]) => ({ name, unit, position }));

/** Budget lines 「名称（文号）金额万元」 of the paragraph 「…年初项目预算…万元，其中…，当年项目支出…万元。」 */
export const SAMPLE_BUDGET = (() => {
  const match = /年初项目预算([\d.]+)万元，其中(.+?)，当年项目支出([\d.]+)万元。/.exec(BODY);
  if (!match) throw new Error('budget paragraph not found');
  const lines = match[2].split('，').map((item) => {
    const line = /^(.+?)(?:（(.+?)）)?(\d+(?:\.\d+)?)万元$/.exec(item);
    if (!line) throw new Error(`budget line not understood: ${item}`);
    return { name: line[1], documentNumber: line[2] ?? '', amount: line[3] };
  });
  return { total: match[1], lines, spent: match[3] };
})();

/**
 * The sample's other sentences, in order: its text with the rendered passages cut out, split after 。
 * and at list items (whose texts are stored one by one).
 */
export function otherSentences(passages: RenderedPassage[]): string[] {
  let rest = FACT_TEXT;
  // a rendered passage that is not in the sample is reported by the seed's own test
  for (const { text } of passages) rest = rest.replace(text, '\n');
  return rest
    .split(/\n|(?<=。)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
