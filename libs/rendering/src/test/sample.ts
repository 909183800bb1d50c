import { DEFAULT_GRADE_BANDS, defaultTemplate, type GradeBand, type OverallReportContent } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import {
  NUMBER,
  otherSentences,
  renderedPassages,
  SAMPLE_BUDGET,
  SAMPLE_DOCUMENT_NUMBERS,
  SAMPLE_FISCAL_YEAR,
  SAMPLE_NUMBERS,
  SAMPLE_TEAM,
  squash,
  TEMPLATE,
  canonical,
} from '@evalflow/samples/testing';
import type { RenderInput } from '../lib/render-input';

/** 赵县 grades with Hebei's labels (the sample: 「等级为优秀」). */
export const ZHAOXIAN_BANDS: GradeBand[] = DEFAULT_GRADE_BANDS.map((band) => ({
  ...band,
  label: { excellent: '优秀', good: '良好', fair: '中', poor: '差' }[band.grade],
}));

export const APPROVAL = { approverName: '王建国', approvedAt: '2025-05-06T02:30:00.000Z' };
/** 2025-05-06 in China time */
export const APPROVAL_DATE = '2025年5月6日';

/** A render input of the 部门整体 kind, so that tests may change its content's parts. */
export type OverallInput = RenderInput & { content: OverallReportContent };

export function sampleInput(overrides: Partial<OverallInput> = {}): OverallInput {
  return {
    content: structuredClone(ZHAOXIAN_UNION_2024),
    template: defaultTemplate('department_overall'),
    fiscalYear: SAMPLE_FISCAL_YEAR,
    departmentName: '赵县总工会',
    gradeBands: ZHAOXIAN_BANDS,
    watermark: null,
    approval: APPROVAL,
    ...overrides,
  };
}

export const draftInput = () => sampleInput({ watermark: '草稿', approval: null });
export const submittedInput = () => sampleInput({ watermark: '送审稿', approval: null });

/** The sample's form numbering 「2．」 and the rendering's 「2.」 are the same heading. */
export const normalise = (text: string) => squash(text).replace(/．/g, '.');

/**
 * The needles that are not found in the text in order, each searched after the previous one's match:
 * empty when all are there, in order.
 */
export function notInOrder(text: string, needles: string[]): string[] {
  const misses: string[] = [];
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at < 0) misses.push(`${needle}${text.includes(needle) ? ' (out of order)' : ' (missing)'}`);
    else from = at + needle.length;
  }
  return misses;
}

/** The numbers of a text, by value, in order. */
export function numbersOf(text: string): string[] {
  return (text.match(NUMBER) ?? []).map(canonical);
}

/** The sample's numbers (by value) that are not, in order, among the text's numbers. */
export function numbersNotInOrder(text: string): string[] {
  const numbers = numbersOf(text);
  const misses: string[] = [];
  let from = 0;
  for (const n of SAMPLE_NUMBERS.map(canonical)) {
    const at = numbers.indexOf(n, from);
    if (at < 0) misses.push(n);
    else from = at + 1;
  }
  return misses;
}

/**
 * Every fact of the sample, as lists to find in order in a document's extracted text: the form's headings,
 * the passages rendered from fields, the other sentences, the document numbers, the team, the budget.
 */
export function sampleFacts(): Record<string, string[]> {
  const passages = renderedPassages(ZHAOXIAN_UNION_2024, {
    fiscalYear: SAMPLE_FISCAL_YEAR,
    gradeBands: ZHAOXIAN_BANDS,
  });
  return {
    headings: TEMPLATE.map(normalise),
    passages: passages.map((p) => normalise(p.text)),
    sentences: otherSentences(passages).map(normalise),
    documentNumbers: SAMPLE_DOCUMENT_NUMBERS.map(normalise),
    team: SAMPLE_TEAM.flatMap((m) => [m.name, m.unit, m.position].map(normalise)),
    budget: SAMPLE_BUDGET.lines.flatMap((l) => [l.name, l.documentNumber, l.amount].filter(Boolean).map(normalise)),
  };
}
