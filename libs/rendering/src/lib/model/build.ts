import {
  bandFor,
  dec,
  decimalsOf,
  formatWan,
  gradeLabel,
  sum,
  type GradeBand,
  type Indicator,
  type ReportContent,
} from '@evalflow/domain';
import type { RenderInput } from '../render-input';
import { BLANK, chineseDate, numbering, orBlank, paragraphsOf, wan } from './chinese';
import type { Block, ReportDocument, Span, TableCell, TableModel } from './document';

/**
 * The report as a county office files it (the layout of the 赵县总工会 sample): the 附件 label, the title,
 * the opening paragraph, six numbered sections with the organisation, budget and team tables, the approval
 * block of an approved revision, then the 绩效自评表. Pure: no fonts, no format.
 */
export function buildReportDocument(input: RenderInput): ReportDocument {
  const c = input.content;
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
  add(paragraph('人员情况：包括当年变动情况及原因。'), paragraph(staffing(c, input.fiscalYear)));
  add(paragraph(assets(c)));

  add(h2(2, '部门收支预决算情况'));
  add(paragraph(budgetParagraph(c, input.fiscalYear)));
  add(caption('项目预算明细'), { kind: 'table', table: budgetTable(c) });

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

  if (input.approval) {
    const lines = [
      '审核结论：审核通过',
      `审核人：${input.approval.approverName}`,
      `审核日期：${chineseDate(input.approval.approvedAt)}`,
    ];
    lines.forEach((text, i) =>
      add({
        kind: 'line',
        spans: [{ text }],
        align: 'right',
        size: 'body',
        indentChars: 2,
        ...(i === 0 ? { spaceBefore: true } : {}),
      }),
    );
  }

  add({ kind: 'pageBreak' });
  add(...scoreTableBlocks(c, department, input));

  return {
    title: `${department}${title}`,
    author: department,
    watermark: input.watermark,
    blocks,
  };
}

const h1 = (n: number, text: string): Block => ({ kind: 'heading', level: 1, text: `${numbering.level1(n)}${text}` });
const h2 = (n: number, text: string): Block => ({ kind: 'heading', level: 2, text: `${numbering.level2(n)}${text}` });
const h3 = (n: number, text: string): Block => ({ kind: 'heading', level: 3, text: `${numbering.level3(n)}${text}` });
const paragraph = (text: string): Block => ({ kind: 'paragraph', spans: [{ text }] });
const caption = (text: string): Block => ({
  kind: 'line',
  spans: [{ text, typeface: 'heading' }],
  align: 'center',
  size: 'body',
});

/** One paragraph each, or the blank mark when there is none. */
function paragraphs(texts: string[]): Block[] {
  const kept = texts.map((t) => t.trim()).filter(Boolean);
  return (kept.length > 0 ? kept : [BLANK]).map(paragraph);
}

/** 「1.…」 「2.…」: one paragraph an item. */
function numbered(texts: string[]): Block[] {
  const kept = texts.map((t) => t.replace(/\s*\n\s*/g, '').trim()).filter(Boolean);
  if (kept.length === 0) return [paragraph(BLANK)];
  return kept.map((text, i) => paragraph(`${numbering.level3(i + 1)}${text}`));
}

/** A 楷体 lead-in 「（一）…：」 run into the field's first paragraph, as the sample writes section 五. */
function leadIn(label: string, text: string): Block[] {
  const [first, ...rest] = paragraphsOf(text);
  const spans: Span[] = [{ text: label, typeface: 'kai' }, { text: first ?? BLANK }];
  return [{ kind: 'paragraph', spans }, ...rest.map(paragraph)];
}

function opening(c: ReportContent, department: string, fiscalYear: number): string {
  const h = c.header;
  const basis = `${orBlank(h.policyIssuer)}《${orBlank(h.policyTitle)}》${h.policyNumber.trim() ? `（${h.policyNumber.trim()}）` : ''}`;
  return (
    `贯彻落实${basis}文件精神，遵循“${orBlank(h.principles)}”的原则，` +
    `对${department}${fiscalYear}年整体支出情况实施了财政支出绩效自评价，形成本评价报告。`
  );
}

function staffing(c: ReportContent, fiscalYear: number): string {
  const s = c.basicInfo.staffing;
  let text = `截至${orBlank(s.asOf)}，我单位实有${s.category.trim()}${orBlank(s.headcount)}人`;
  if (s.headcount !== null && s.previousHeadcount !== null) {
    const change = s.headcount - s.previousHeadcount;
    text +=
      change === 0
        ? `，与${fiscalYear - 1}年持平`
        : `，与${fiscalYear - 1}年相比较${change < 0 ? '减少' : '增加'}${Math.abs(change)}人`;
  }
  text += '。';
  const reason = s.changeReason.trim();
  if (reason) text += `变动原因：${reason}${/[。！？]$/.test(reason) ? '' : '。'}`;
  return text;
}

/** 「较上年减少1.9%」 as the sample writes it (a zero change reads 「减少0%」 there too). */
function yearOverYear(stated: string | null): string {
  if (stated === null) return '';
  const change = dec(stated);
  return `，较上年${change.greaterThan(0) ? '增加' : '减少'}${change.abs().toString()}%`;
}

function assets(c: ReportContent): string {
  const a = c.basicInfo.assets;
  if (!a.current) return `资产情况：截至${orBlank(a.asOf)}，${BLANK}。`;
  const basis = a.valuationBasis.trim() ? `（${a.valuationBasis.trim()}）` : '';
  return (
    `资产情况：截至${orBlank(a.asOf)}，我单位资产总额${basis}${wan(a.current.totalAssets)}万元${yearOverYear(a.yoy.totalAssets)}。` +
    `负债总额${wan(a.current.totalLiabilities)}万元${yearOverYear(a.yoy.totalLiabilities)}。` +
    `净资产${wan(a.current.netAssets)}万元${yearOverYear(a.yoy.netAssets)}。`
  );
}

const wanOrBlank = (value: string | null) => (value === null ? BLANK : `${wan(value)}万元`);

function budgetParagraph(c: ReportContent, fiscalYear: number): string {
  const b = c.budget;
  const lines = b.lines.map(
    (l) => `${l.name.trim()}${l.documentNumber.trim() ? `（${l.documentNumber.trim()}）` : ''}${wan(l.amount)}万元`,
  );
  return (
    `${fiscalYear}年年初项目预算${wanOrBlank(b.projectBudgetTotal)}` +
    (lines.length > 0 ? `，其中${lines.join('，')}` : '') +
    `，当年项目支出${wanOrBlank(b.projectSpent)}。`
  );
}

function conclusion(c: ReportContent, bands: GradeBand[]): string {
  const { totalScore, grade, basis } = c.conclusion;
  const label = grade ? gradeLabel(grade, bands) : totalScore !== null ? bandFor(totalScore, bands).label : BLANK;
  const lead = basis.trim() ? `${basis.trim()}，` : '';
  return `${lead}总得分${orBlank(totalScore)}分，等级为${label}。`;
}

const head = (text: string, more: Partial<TableCell> = {}): TableCell => ({
  text,
  head: true,
  align: 'center',
  ...more,
});
const cell = (text: string, align: TableCell['align'] = 'center', more: Partial<TableCell> = {}): TableCell => ({
  text,
  align,
  ...more,
});
/** A cell spanning `span` columns, followed by the nulls of the positions it covers. */
/** A table this short always fits a page, so it is kept on one. */
const SHORT_TABLE_ROWS = 12;

const spanning = (first: TableCell, span: number): Array<TableCell | null> => [
  { ...first, colSpan: span },
  ...Array<null>(span - 1).fill(null),
];

function orgUnitTable(c: ReportContent): TableModel {
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

function budgetTable(c: ReportContent): TableModel {
  const lines = c.budget.lines;
  const places = Math.max(0, ...lines.map((l) => decimalsOf(l.amount)));
  const total = formatWan(sum(lines.map((l) => l.amount)), places);
  return {
    widths: [0.9, 5.3, 3.7, 2.5],
    size: 'normal',
    headerRows: 1,
    rows: [
      [head('序号'), head('项目名称'), head('资金文号'), head('金额（万元）')],
      ...lines.map((l, i) => [
        cell(String(i + 1)),
        cell(l.name, 'left'),
        cell(l.documentNumber),
        cell(wan(l.amount), 'right'),
      ]),
      [...spanning(head('合计'), 3), cell(lines.length > 0 ? total : '', 'right')],
    ],
  };
}

function teamTable(c: ReportContent): TableModel {
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

const NATURE_SIGN: Record<Indicator['nature'], string> = { '=': '', '>=': '≥', '<=': '≤', qualitative: '' };

function withUnit(value: string, ind: Indicator): string {
  if (!value.trim()) return '';
  return ind.nature === 'qualitative' ? value : `${value}${ind.unit}`;
}

function scoreTableBlocks(c: ReportContent, department: string, input: RenderInput): Block[] {
  const f = c.scoreTable.funding;
  const money = (v: string | null) => (v === null ? '' : wan(v));
  const fundingRow = (label: string, cols: typeof f.total, first: boolean) => [
    cell(label, 'left'),
    cell(money(cols.initialBudget), 'right'),
    cell(money(cols.adjustedBudget), 'right'),
    cell(money(cols.executed), 'right'),
    cell(first ? (f.weight ?? '') : '—'),
    cell(first ? (f.executionRate === null ? '' : `${f.executionRate}%`) : '—'),
    cell(first ? (f.score ?? '') : '—'),
  ];
  const funding: TableModel = {
    widths: [3.6, 2, 2, 2, 1.1, 1.3, 1.1],
    size: 'small',
    headerRows: 2,
    keepTogether: true,
    rows: [
      spanning(head('年度预算执行情况（万元）'), 7),
      [
        head('项目'),
        head('年初预算数'),
        head('全年预算数'),
        head('全年执行数'),
        head('分值'),
        head('执行率'),
        head('得分'),
      ],
      fundingRow('年度资金总额', f.total, true),
      fundingRow('其中：本年财政拨款', f.currentYearAppropriation, false),
      fundingRow('上年结转资金', f.carryover, false),
      fundingRow('其他资金', f.other, false),
      ...(f.deviationNote.trim() ? [[head('偏差原因'), ...spanning(cell(f.deviationNote.trim(), 'left'), 6)]] : []),
    ],
  };

  const indicators = c.scoreTable.indicators;
  const rows: Array<Array<TableCell | null>> = indicators.map((ind) => [
    cell(ind.level1),
    cell(ind.level2),
    cell(ind.level3, 'left'),
    cell(`${NATURE_SIGN[ind.nature]}${withUnit(ind.target, ind)}`),
    cell(withUnit(ind.actual, ind)),
    cell(ind.weight ?? ''),
    cell(ind.score ?? ''),
    cell(ind.deviationNote, 'left'),
  ]);
  mergeRuns(rows, indicators, 0, (i) => i.level1);
  mergeRuns(rows, indicators, 1, (i) => `${i.level1}\u0000${i.level2}`);
  const weights = [f.weight, ...indicators.map((i) => i.weight)].filter((w): w is string => w !== null);
  const { totalScore, grade } = c.conclusion;
  const label = grade
    ? gradeLabel(grade, input.gradeBands)
    : totalScore !== null
      ? bandFor(totalScore, input.gradeBands).label
      : '';
  const table: TableModel = {
    widths: [1.5, 1.5, 3.2, 1.7, 1.7, 0.8, 0.8, 2.8],
    size: 'small',
    headerRows: 1,
    rows: [
      [
        head('一级指标'),
        head('二级指标'),
        head('三级指标'),
        head('年度指标值'),
        head('实际完成值'),
        head('分值'),
        head('得分'),
        head('偏差原因分析及改进措施'),
      ],
      ...(rows.length > 0
        ? rows
        : [[cell(BLANK), cell(''), cell(''), cell(''), cell(''), cell(''), cell(''), cell('')]]),
      [
        ...spanning(head('总分'), 5),
        cell(weights.length > 0 ? sum(weights).toString() : ''),
        cell(totalScore ?? ''),
        cell(`评价等级：${label}`, 'left'),
      ],
    ],
  };

  return [
    { kind: 'title', size: 'form', lines: ['部门整体支出绩效自评表'] },
    { kind: 'line', spans: [{ text: `（${input.fiscalYear}年度）` }], align: 'center', size: 'body' },
    { kind: 'line', spans: [{ text: `部门名称：${department}` }], align: 'left', size: 'small' },
    { kind: 'table', table: funding },
    { kind: 'table', table: table },
  ];
}

/** Merges runs of equal values in one column into a cell spanning their rows (一级/二级指标). */
function mergeRuns(
  rows: Array<Array<TableCell | null>>,
  items: Indicator[],
  column: number,
  key: (i: Indicator) => string,
): void {
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && key(items[i]) === key(items[start])) continue;
    const span = i - start;
    if (span > 1) {
      (rows[start][column] as TableCell).rowSpan = span;
      for (let r = start + 1; r < i; r++) rows[r][column] = null;
    }
    start = i;
  }
}
