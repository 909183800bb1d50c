import {
  dec,
  DEFAULT_GRADE_BANDS,
  gradeLabel,
  runChecks,
  validateContent,
  type GradeBand,
  type GradeKey,
} from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024, zhaoxianUnion2023 } from '@evalflow/samples';
import {
  canonical,
  ENUMERATORS,
  FACT_TEXT,
  NUMBER,
  otherSentences,
  PAGE_FOOTER,
  renderedPassages,
  SAMPLE_BUDGET,
  SAMPLE_DOCUMENT_NUMBERS,
  SAMPLE_NUMBERS,
  SAMPLE_RAW_LINES,
  SAMPLE_TEAM,
  squash,
} from '@evalflow/samples/testing';
import { HEBEI_GRADE_BANDS } from './demo-data';

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
 * Fact coverage: the sample's facts come from @evalflow/samples/testing, which the renderers' tests share.
 * Everything is compared after removing all whitespace.
 */

/** Every string (and number) in the report, each squashed, one per line. */
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [squash(value)];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap(texts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
  return [];
}
const REPORT_TEXT = texts(report).join('\n');
const REPORT_NUMBERS = new Set((REPORT_TEXT.match(NUMBER) ?? []).map(canonical));

const RENDERED = renderedPassages(report, { fiscalYear: FISCAL_YEAR, gradeBands: ZHAOXIAN_BANDS });
const SENTENCES = otherSentences(RENDERED);

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
    expect(SAMPLE_RAW_LINES.filter((l) => PAGE_FOOTER.test(l))).toEqual(['- 4 -']);
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
    expect(dec(report.budget.expenditure.project.budget as string).equals(SAMPLE_BUDGET.total)).toBe(true);
    expect(dec(report.budget.expenditure.project.actual as string).equals(SAMPLE_BUDGET.spent)).toBe(true);
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
