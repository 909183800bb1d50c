import fc from 'fast-check';
import { emptyProjectContent, emptyReportContent } from './empty-report';
import { DEFAULT_GRADE_BANDS, type GradeBand } from './grades';
import {
  checkRescores,
  finalScore,
  rescoreSheet,
  rescoreTotals,
  rescoresVisible,
  rescoringRuleOf,
  type RescoreEntry,
} from './rescoring';
import type { Indicator, ScoreTablePart } from './schema';
import { dec } from '../money/decimal';
import { validateTemplate } from '../template/validate';
import { BUILTIN_TEMPLATES } from '../template/builtins';

const indicator = (level3: string, weight: string, score: string): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  level3,
  nature: '>=',
  target: '100',
  unit: '%',
  actual: '100',
  weight,
  score,
  deviationNote: '',
  evidence: '',
});

/** 执行率 10/9.5, three indicators 40/38, 30/30, 20/18.25: self total 95.75. */
function table(): ScoreTablePart {
  const t = emptyReportContent({ departmentName: '某县文化馆', fiscalYear: 2025 }).scoreTable;
  t.funding.weight = '10';
  t.funding.score = '9.5';
  t.indicators = [
    indicator('培训人次', '40', '38'),
    indicator('覆盖率', '30', '30'),
    indicator('满意度', '20', '18.25'),
  ];
  return t;
}
const entry = (row: string, level3: string, score: string | null, note = ''): RescoreEntry => ({
  row,
  level3,
  score,
  note,
});

describe('checking re-scores against the table', () => {
  it('accepts the 执行率 row and indicators by position, up to the weight, dropping empty entries', () => {
    const checked = checkRescores(table(), [
      { row: 'funding', score: '8' },
      { row: 'indicators.0', score: '40', note: ' 台账齐全 ' },
      { row: 'indicators.1', score: null, note: '' },
      { row: 'indicators.2', score: null, note: '佐证不足' },
    ]);
    expect(checked).toEqual({
      ok: true,
      entries: [
        entry('funding', '', '8'),
        entry('indicators.0', '培训人次', '40', '台账齐全'),
        entry('indicators.2', '满意度', null, '佐证不足'),
      ],
    });
  });

  it('refuses, naming the row: above the weight, negative, three decimals, text, an unknown or repeated row', () => {
    const checked = checkRescores(table(), [
      { row: 'indicators.0', score: '40.01' },
      { row: 'indicators.1', score: '-1' },
      { row: 'indicators.2', score: '8.555' },
      { row: 'funding', score: '九' },
      { row: 'indicators.3', score: '1' },
      { row: 'indicators.0', score: '1' },
    ]);
    expect(checked).toEqual({
      ok: false,
      problems: [
        {
          code: 'RESCORE_ABOVE_WEIGHT',
          row: 'indicators.0',
          message: '第 1 项指标「培训人次」的复核得分 40.01 超过分值 40',
        },
        {
          code: 'RESCORE_SCORE_INVALID',
          row: 'indicators.1',
          message: '第 2 项指标「覆盖率」的复核得分应为不小于 0 的数，最多 2 位小数',
        },
        {
          code: 'RESCORE_SCORE_INVALID',
          row: 'indicators.2',
          message: '第 3 项指标「满意度」的复核得分应为不小于 0 的数，最多 2 位小数',
        },
        {
          code: 'RESCORE_SCORE_INVALID',
          row: 'funding',
          message: '预算执行率的复核得分应为不小于 0 的数，最多 2 位小数',
        },
        { code: 'RESCORE_ROW_UNKNOWN', row: 'indicators.3', message: '自评表中没有「indicators.3」这一行' },
        { code: 'RESCORE_ROW_UNKNOWN', row: 'indicators.0', message: '第 1 项指标「培训人次」重复给出' },
      ],
    });
  });

  it('refuses a score on a row without a weight', () => {
    const t = table();
    t.indicators[1].weight = null;
    expect(checkRescores(t, [{ row: 'indicators.1', score: '0' }])).toMatchObject({
      ok: false,
      problems: [{ code: 'RESCORE_SCORE_INVALID', message: '第 2 项指标「覆盖率」没有分值，不能复核评分' }],
    });
  });
});

describe('the final score', () => {
  const entries = [
    entry('funding', '', '8'),
    entry('indicators.0', '培训人次', '35.5'),
    entry('indicators.2', '满意度', null, '无佐证'),
  ];

  it('replace: the re-score replaces the self-score where given; differences self − re-score', () => {
    const sheet = rescoreSheet(table(), entries, { mode: 'replace', weight: null }, DEFAULT_GRADE_BANDS);
    expect(sheet.rows.map((r) => [r.row, r.selfScore, r.reScore, r.final, r.difference, r.note])).toEqual([
      ['funding', '9.5', '8', '8.00', '1.50', ''],
      ['indicators.0', '38', '35.5', '35.50', '2.50', ''],
      ['indicators.1', '30', null, '30.00', null, ''],
      ['indicators.2', '18.25', null, '18.25', null, '无佐证'],
    ]);
    // 95.75 self; 8 + 35.5 + 30 + 18.25 = 91.75
    expect(sheet.totals).toEqual({
      weight: '100.00',
      self: '95.75',
      reScore: '91.75',
      final: '91.75',
      difference: '4.00',
      finalGrade: 'excellent',
      finalGradeLabel: '优',
    });
    expect(sheet.outdated).toBe(0);
  });

  it('weighted 0.6: final = 0.6 × re-score + 0.4 × self, exact, rounded once half-up to 2 places', () => {
    const sheet = rescoreSheet(table(), entries, { mode: 'weighted', weight: '0.6' }, DEFAULT_GRADE_BANDS);
    // funding: 0.6 × 8 + 0.4 × 9.5 = 8.6; indicator 1: 0.6 × 35.5 + 0.4 × 38 = 36.5
    expect(sheet.rows.map((r) => r.final)).toEqual(['8.60', '36.50', '30.00', '18.25']);
    // 0.6 × 91.75 + 0.4 × 95.75 = 55.05 + 38.3 = 93.35
    expect(sheet.totals).toMatchObject({ self: '95.75', reScore: '91.75', final: '93.35', difference: '4.00' });
  });

  it('weighted rounding: an exact half rounds up, never through a binary float', () => {
    // 0.3333 × 10.01 + 0.6667 × 0 = 3.336333 → 3.34; 0.5 × 0.01 + 0.5 × 0 = 0.005 → 0.01
    expect(finalScore({ mode: 'weighted', weight: '0.3333' }, dec('10.01'), dec(0)).toFixed(2)).toBe('3.34');
    expect(finalScore({ mode: 'weighted', weight: '0.5' }, dec('0.01'), dec(0)).toFixed(2)).toBe('0.01');
    // weight 1 is the re-score itself
    expect(finalScore({ mode: 'weighted', weight: '1' }, dec('77.77'), dec('99')).toFixed(2)).toBe('77.77');
  });

  it('grades the final score by the given bands, their lower bound included', () => {
    const bands: GradeBand[] = [
      { grade: 'excellent', label: '优秀', min: '92' },
      { grade: 'good', label: '良好', min: '80' },
      { grade: 'fair', label: '合格', min: '60' },
      { grade: 'poor', label: '不合格', min: '0' },
    ];
    const replaced = rescoreSheet(table(), entries, { mode: 'replace', weight: null }, bands);
    expect(replaced.totals).toMatchObject({ final: '91.75', finalGrade: 'good', finalGradeLabel: '良好' });
    const at92 = rescoreSheet(table(), [entry('funding', '', '8.25')], { mode: 'replace', weight: null }, bands);
    expect(at92.totals).toMatchObject({ final: '94.50', finalGrade: 'excellent' });
  });

  it('without re-scores: the final score is the self-score and there is no difference', () => {
    const sheet = rescoreSheet(table(), [], { mode: 'weighted', weight: '0.6' }, DEFAULT_GRADE_BANDS);
    expect(sheet.totals).toMatchObject({ self: '95.75', reScore: null, final: '95.75', difference: null });
  });

  it('an entry whose row changed since (another indicator, a lower weight) no longer counts', () => {
    const t = table();
    t.indicators[0].level3 = '培训场次';
    t.indicators[1].weight = '20';
    const sheet = rescoreSheet(
      t,
      [entry('indicators.0', '培训人次', '30'), entry('indicators.1', '覆盖率', '25'), entry('indicators.9', 'x', '1')],
      { mode: 'replace', weight: null },
      DEFAULT_GRADE_BANDS,
    );
    expect(sheet.outdated).toBe(3);
    expect(sheet.totals.reScore).toBeNull();
  });

  it('a 项目 table re-scores the same way (the 执行率 row and its indicators)', () => {
    const t = emptyProjectContent({
      departmentName: '某县教育局',
      project: { code: 'X1', name: '校舍维修' },
    }).scoreTable;
    t.funding.weight = '10';
    t.funding.score = '10';
    t.indicators = [indicator('维修面积', '90', '90')];
    const checked = checkRescores(t, [{ row: 'indicators.0', score: '80' }]);
    expect(checked.ok).toBe(true);
    const sheet = rescoreSheet(
      t,
      checked.ok ? checked.entries : [],
      { mode: 'replace', weight: null },
      DEFAULT_GRADE_BANDS,
    );
    expect(sheet.totals).toMatchObject({ self: '100.00', reScore: '90.00', final: '90.00', difference: '10.00' });
  });
});

describe('who sees re-scores', () => {
  it('the finance bureau always; the department only once approved', () => {
    expect(rescoresVisible(['finance_reviewer'], 'in_review')).toBe(true);
    expect(rescoresVisible(['finance_approver'], 'submitted')).toBe(true);
    for (const status of ['draft', 'submitted', 'in_review', 'returned'] as const) {
      expect(rescoresVisible(['dept_editor'], status)).toBe(false);
      expect(rescoresVisible(['dept_head'], status)).toBe(false);
    }
    expect(rescoresVisible(['dept_editor'], 'approved')).toBe(true);
  });
});

describe('the template setting', () => {
  const base = BUILTIN_TEMPLATES[0].definition;
  const problems = (rescoring: unknown) => {
    const v = validateTemplate({ ...base, rescoring });
    return v.ok ? [] : v.problems;
  };

  it('old versions without it replace', () => {
    expect(rescoringRuleOf(base)).toEqual({ mode: 'replace', weight: null });
    expect(rescoringRuleOf({ ...base, rescoring: { mode: 'weighted', weight: '0.6' } })).toEqual({
      mode: 'weighted',
      weight: '0.6',
    });
  });

  it('weighted needs a weight in (0, 1] with at most 4 places; replace has none', () => {
    expect(problems({ mode: 'weighted', weight: '0.6' })).toEqual([]);
    expect(problems({ mode: 'weighted', weight: '1' })).toEqual([]);
    expect(problems({ mode: 'replace', weight: null })).toEqual([]);
    expect(problems({ mode: 'weighted', weight: null })).toEqual([
      { path: 'rescoring.weight', message: '加权计分时请填写复核得分权重（大于 0、不超过 1），如 0.6' },
    ]);
    expect(problems({ mode: 'weighted', weight: '0.0' })).toEqual([
      { path: 'rescoring.weight', message: '复核得分权重应大于 0' },
    ]);
    for (const bad of ['1.5', '0.12345', '60%', '0']) {
      expect(problems({ mode: 'weighted', weight: bad })).toEqual([
        { path: 'rescoring.weight', message: '复核得分权重应为大于 0、不超过 1 的小数，最多 4 位小数，如 0.6' },
      ]);
    }
    expect(problems({ mode: 'replace', weight: '0.5' })).toEqual([
      { path: 'rescoring.weight', message: '复核得分替换自评得分时不设权重' },
    ]);
  });
});

describe('the final score, whatever the scores (property)', () => {
  const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => dec(c).div(100).toFixed(2));
  const row = fc
    .integer({ min: 1, max: 30 })
    .chain((w) =>
      fc.record({ weight: fc.constant(String(w)), selfScore: cents(w), reScore: fc.option(cents(w), { nil: null }) }),
    );
  const weight = fc.integer({ min: 1, max: 10_000 }).map((n) => dec(n).div(10_000).toString());

  it('weighted lies between the re-score total and the self total, and is both when w is 1 or nothing is re-scored', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), weight, (rows, w) => {
        const totals = rescoreTotals(rows, { mode: 'weighted', weight: w }, DEFAULT_GRADE_BANDS);
        const replaced = rescoreTotals(rows, { mode: 'replace', weight: null }, DEFAULT_GRADE_BANDS);
        const re = dec(replaced.final);
        const self = dec(totals.self);
        const [lo, hi] = re.lessThan(self) ? [re, self] : [self, re];
        expect(dec(totals.final).greaterThanOrEqualTo(lo) && dec(totals.final).lessThanOrEqualTo(hi)).toBe(true);
        // Σ (re-score ?? self) is the re-score total; the difference is exact
        if (totals.reScore !== null) expect(dec(totals.self).minus(totals.reScore).toFixed(2)).toBe(totals.difference);
        else expect(totals.final).toBe(totals.self);
        expect(rescoreTotals(rows, { mode: 'weighted', weight: '1' }, DEFAULT_GRADE_BANDS).final).toBe(replaced.final);
      }),
    );
  });
});
