import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  dec,
  DEFAULT_GRADE_BANDS,
  gradeLabel,
  runChecks,
  validateContent,
  type GradeBand,
  type GradeKey,
  type ReportContent,
} from '@evalflow/domain';
import { HEBEI_GRADE_BANDS } from './demo-data';
import { ZHAOXIAN_UNION_2024, zhaoxianUnion2023 } from './zhaoxian-union-2024';

/** 赵县 grades with Hebei's labels 优秀、良好、中、差 and the default bounds (checked below). */
const ZHAOXIAN_BANDS: GradeBand[] = HEBEI_GRADE_BANDS;
const FISCAL_YEAR = 2024;

const report = ZHAOXIAN_UNION_2024;

describe('赵县总工会 2024 (seed) passes the report model', () => {
  it('has the shape the schema requires', () => {
    const checked = validateContent(report);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(checked.ok).toBe(true);
  });

  it('fails no rule of error severity, checked against its 2023 report', () => {
    const last = zhaoxianUnion2023();
    expect(validateContent(last).ok).toBe(true);
    const summary = runChecks(report, {
      fiscalYear: FISCAL_YEAR,
      gradeBands: ZHAOXIAN_BANDS,
      previousYear: { fiscalYear: FISCAL_YEAR - 1, content: last },
    });
    const failures = summary.results
      .filter((r) => !r.passed)
      .map((r) => `${r.severity} ${r.ruleId}: ${r.findings.map((f) => `${f.path} ${f.message}`).join('; ')}`);
    expect(failures.filter((f) => f.startsWith('error'))).toEqual([]);
    expect(summary.blocking).toBe(false);
    // nothing to warn about either; a new warning here should be looked at, not ignored
    expect(failures).toEqual([]);
    expect(summary.warnings).toBe(0);
  });

  it('is graded 优秀 in 赵县’s labels, which keep the default bounds', () => {
    expect(ZHAOXIAN_BANDS.map(({ grade, min }) => ({ grade, min }))).toEqual(
      DEFAULT_GRADE_BANDS.map(({ grade, min }) => ({ grade, min })),
    );
    expect(ZHAOXIAN_BANDS.map((b) => b.label)).toEqual(['优秀', '良好', '中', '差']);
    expect(gradeLabel(report.conclusion.grade as GradeKey, ZHAOXIAN_BANDS)).toBe('优秀');
  });
});

/*
 * Fact coverage. The sample is PDF-extracted: wrapped every ~30 characters with blank lines between,
 * spaces around numbers, a page footer. Everything is compared after removing all whitespace.
 */

const SAMPLE_PATH = join(__dirname, '../../../../docs/samples/zhaoxian-union-2024.txt');
/** Layout artefacts: page footers such as 「- 4 -」 are not part of the report. */
const PAGE_FOOTER = /^\s*-\s*\d+\s*-\s*$/;
const SAMPLE_LINES = readFileSync(SAMPLE_PATH, 'utf8')
  .split('\n')
  .filter((line) => !PAGE_FOOTER.test(line));

/** Whitespace removed; the sample's few ASCII commas (「万元,较上年」) read as full-width ones. */
const squash = (text: string) => text.replace(/\s+/g, '').replace(/,/g, '，');

/** Every string (and number) in the report, each squashed, one per line. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [squash(value)];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}
const REPORT_TEXT = texts(report).join('\n');

const NUMBER = /\d+(?:\.\d+)?/g;
/** Numbers compared by value: 「0.00」 and 「0」, 「178.6460」 and 「178.646」 are the same fact. */
const canonical = (n: string) => dec(n).toString();
const REPORT_NUMBERS = new Set((REPORT_TEXT.match(NUMBER) ?? []).map(canonical));

/**
 * The headings and labels of the report form. The application renders them; they are not stored.
 * Two of them carry the form's own numbering (「1.」「2．」).
 */
const TEMPLATE = [
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

/**
 * The passages the application renders from structured fields, written here from the stored
 * report; each must occur in the sample word for word. The sample has no full stop after the
 * net-assets figure, so neither has the rendering.
 */
function rendered(c: ReportContent): Array<{ what: string; text: string }> {
  const { header, basicInfo, budget, conclusion } = c;
  const { staffing, assets } = basicInfo;
  const current = assets.current as NonNullable<typeof assets.current>;
  const headcountChange = (staffing.headcount ?? 0) - (staffing.previousHeadcount ?? 0);
  return [
    { what: 'title', text: `${header.attachmentLabel}${header.departmentName}部门${header.title}` },
    {
      what: 'opening paragraph',
      text: `贯彻落实${header.policyIssuer}《${header.policyTitle}》（${header.policyNumber}）文件精神，遵循“${header.principles}”的原则，对${header.departmentName}${FISCAL_YEAR}年整体支出情况实施了财政支出绩效自评价，形成本评价报告。`,
    },
    ...basicInfo.orgUnits.map((u) => ({
      what: 'organisation table row',
      text: `${u.name}${u.nature}${u.level}${u.fundingForm}`,
    })),
    {
      what: 'staffing',
      text: `截至${staffing.asOf}，我单位实有${staffing.category}${staffing.headcount}人，与${FISCAL_YEAR - 1}年相比较${headcountChange < 0 ? '减少' : '增加'}${Math.abs(headcountChange)}人。`,
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
      text: `${FISCAL_YEAR}年年初项目预算${budget.projectBudgetTotal}万元，其中${budget.lines
        .map((l) => `${l.name}${l.documentNumber ? `（${l.documentNumber}）` : ''}${l.amount}万元`)
        .join('，')}，当年项目支出${budget.projectSpent}万元。`,
    },
    ...c.results.items.map((item) => ({ what: 'completion rate', text: `总体完成率${item.completionRate}%。` })),
    {
      what: 'conclusion',
      text: `${conclusion.basis}，总得分${conclusion.totalScore}分，等级为${gradeLabel(conclusion.grade as GradeKey, ZHAOXIAN_BANDS)}。`,
    },
    { what: 'team', text: c.team.members.map((m) => `${m.name}${m.unit}${m.position}`).join('') },
  ];
}

/** List numbering 「1.」…「9.」 at the start of an item: rendered from the item's position. */
const ENUMERATOR = /(^|\n|[；。])(\d{1,2})[.．](?!\d)/g;

/** The sample, squashed, with the form's headings cut out (each must be there exactly once). */
const BODY = (() => {
  let body = squash(SAMPLE_LINES.join('\n'));
  for (const heading of TEMPLATE) {
    if (body.split(heading).length !== 2) throw new Error(`heading not found exactly once: ${heading}`);
    body = body.replace(heading, '\n');
  }
  return body;
})();
const ENUMERATORS = [...BODY.matchAll(ENUMERATOR)].map((m) => Number(m[2]));
/** The body without list numbering: what the facts are taken from. */
const FACT_TEXT = BODY.replace(ENUMERATOR, '$1\n');

/** Every number of the sample, as written. */
const SAMPLE_NUMBERS = FACT_TEXT.match(NUMBER) ?? [];

/** Document numbers: 冀财行【2023】98号, 石工办字{2024}3号, [2019]77 — with up to 3 characters of issuer. */
const DOCUMENT_NUMBER = /([\u4e00-\u9fff]*)([【{[]\d{4}[】}\]]\d+号?)/g;
const SAMPLE_DOCUMENT_NUMBERS = [...FACT_TEXT.matchAll(DOCUMENT_NUMBER)].map((m) => `${m[1].slice(-3)}${m[2]}`);

/** The team: one member a line, 「姓名 工作单位 职务」 separated by spaces, after the section heading. */
const SAMPLE_TEAM = SAMPLE_LINES.slice(SAMPLE_LINES.findIndex((l) => l.includes('六、评价工作组人员名单')))
  .map((l) => l.trim().split(/\s+/))
  .filter((fields) => fields.length === 3)
  .map(([name, unit, position]) => ({ name, unit, position }));

/** Budget lines 「名称（文号）金额万元」 of the paragraph 「…年初项目预算…万元，其中…，当年项目支出…万元。」 */
const SAMPLE_BUDGET = (() => {
  const match = /年初项目预算([\d.]+)万元，其中(.+?)，当年项目支出([\d.]+)万元。/.exec(BODY);
  if (!match) throw new Error('budget paragraph not found');
  const lines = match[2].split('，').map((item) => {
    const line = /^(.+?)(?:（(.+?)）)?(\d+(?:\.\d+)?)万元$/.exec(item);
    if (!line) throw new Error(`budget line not understood: ${item}`);
    return { name: line[1], documentNumber: line[2] ?? '', amount: line[3] };
  });
  return { total: match[1], lines, spent: match[3] };
})();

/** Sentences: split after 。 and at list items (whose texts are stored one by one). */
const RENDERED = rendered(report);
const SENTENCES = (() => {
  let rest = FACT_TEXT;
  // a rendered passage that is not in the sample is reported by its own test below
  for (const { text } of RENDERED) rest = rest.replace(text, '\n');
  return rest
    .split(/\n|(?<=。)/)
    .map((s) => s.trim())
    .filter(Boolean);
})();

describe('赵县总工会 2024 (seed) holds every fact of the sample', () => {
  it(`every number of the sample is in the report (${SAMPLE_NUMBERS.length} occurrences, ${new Set(SAMPLE_NUMBERS.map(canonical)).size} distinct)`, () => {
    const missing = SAMPLE_NUMBERS.filter((n) => !REPORT_NUMBERS.has(canonical(n)));
    expect(missing).toEqual([]);
    // the tokenizer does see numbers in all their forms
    expect(SAMPLE_NUMBERS).toEqual(expect.arrayContaining(['178.646', '0.00', '1.9', '2.82', '10.336', '75', '2017']));
  });

  it('the numbers left out are list numbering (two lists of 9 goals and 9 results) and the page footer', () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(ENUMERATORS).toEqual([...nine, ...nine]);
    expect(report.goals.items).toHaveLength(9);
    expect(report.results.items).toHaveLength(9);
    expect(
      readFileSync(SAMPLE_PATH, 'utf8')
        .split('\n')
        .filter((l) => PAGE_FOOTER.test(l)),
    ).toEqual(['- 4 -']);
  });

  it(`every document number is in the report (${SAMPLE_DOCUMENT_NUMBERS.length})`, () => {
    expect(SAMPLE_DOCUMENT_NUMBERS).toEqual([
      '[2019]77',
      '冀财行【2023】98号',
      '石财行【2024】25号',
      '冀财行【2017】36号',
      '工办字{2024}3号',
      '冀财行【2017】36号',
    ]);
    expect(SAMPLE_DOCUMENT_NUMBERS.filter((d) => !REPORT_TEXT.includes(d))).toEqual([]);
    expect(report.header.policyNumber).toBe('[2019]77');
  });

  it(`every member of the evaluation team, with unit and position (${SAMPLE_TEAM.length} names)`, () => {
    expect(SAMPLE_TEAM.map((m) => m.name)).toEqual(['杜力伟', '贾岩峰', '郭晓旗', '孟荣敏']);
    expect(report.team.members.map(({ name, unit, position }) => ({ name, unit, position }))).toEqual(SAMPLE_TEAM);
  });

  it(`every project of the budget, with its amount and document number (${SAMPLE_BUDGET.lines.length} projects)`, () => {
    expect(report.budget.lines.map((l) => [l.name, l.documentNumber])).toEqual(
      SAMPLE_BUDGET.lines.map((l) => [l.name, l.documentNumber]),
    );
    report.budget.lines.forEach((l, i) =>
      expect([l.name, dec(l.amount).equals(SAMPLE_BUDGET.lines[i].amount)]).toEqual([l.name, true]),
    );
    expect(dec(report.budget.projectBudgetTotal as string).equals(SAMPLE_BUDGET.total)).toBe(true);
    expect(dec(report.budget.projectSpent as string).equals(SAMPLE_BUDGET.spent)).toBe(true);
  });

  it(`the passages rendered from structured fields are word for word the sample’s (${RENDERED.length})`, () => {
    // each as often in the sample as it is rendered (the completion rate once per result item)
    const occurrences = (text: string) => FACT_TEXT.split(text).length - 1;
    const wrong = RENDERED.filter(
      ({ text }) => occurrences(text) !== RENDERED.filter((r) => r.text === text).length,
    ).map(({ what, text }) => `${what}: ${text} (${occurrences(text)} in the sample)`);
    expect(wrong).toEqual([]);
  });

  it(`every other sentence of the sample is stored word for word (${SENTENCES.length} sentences)`, () => {
    const notStored = SENTENCES.filter((s) => !REPORT_TEXT.includes(s));
    expect(notStored).toEqual([]);
  });
});
