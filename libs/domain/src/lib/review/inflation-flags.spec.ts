import {
  DEFAULT_INFLATION_THRESHOLDS,
  inflationFlags,
  trafficLight,
  validateInflationThresholds,
  type FlagReport,
  type InflationThresholds,
} from './inflation-flags';

type Row = FlagReport['indicators'][number];

const row = (i: number, overrides: Partial<Row> = {}): Row => ({
  level3: `指标${i}`,
  nature: '>=',
  target: '100',
  actual: '100',
  weight: '10',
  score: '10',
  evidence: '',
  ...overrides,
});
const rows = (n: number, overrides: (i: number) => Partial<Row> = () => ({})) =>
  Array.from({ length: n }, (_, i) => row(i + 1, overrides(i)));
const report = (overrides: Partial<FlagReport> = {}): FlagReport => ({
  totalScore: '88.00',
  executionRate: '97.00',
  indicators: [],
  ...overrides,
});
const T = DEFAULT_INFLATION_THRESHOLDS;
const flagsOf = (current: FlagReport, previous: FlagReport | null = null, t: InflationThresholds = T) =>
  inflationFlags({ current, previous }, t);

describe('all completion rates 100 % with little evidence', () => {
  it('12 rows at 100 %, 9 without evidence (75 %): yellow, with the numbers', () => {
    const current = report({ indicators: rows(12, (i) => ({ evidence: i < 3 ? '台账' : '' })) });
    expect(flagsOf(current)).toEqual([
      {
        rule: 'all-complete-little-evidence',
        severity: 'yellow',
        message: '全部 12 项定量指标完成率均为 100%，其中 9 项未附佐证',
      },
    ]);
  });

  it('red from 80 % without evidence (boundary included); ≤ and = rows count by their own sense', () => {
    const indicators = [
      ...rows(4),
      row(5, { nature: '<=', target: '≤5', actual: '5天', evidence: '考勤记录' }),
      // a qualitative row has no 完成率 and is left out
      row(6, { nature: 'qualitative', target: '好', actual: '好' }),
    ];
    expect(flagsOf(report({ indicators }))).toEqual([
      {
        rule: 'all-complete-little-evidence',
        severity: 'red',
        message: '全部 5 项定量指标完成率均为 100%，其中 4 项未附佐证',
      },
    ]);
  });

  it('does not fire below the yellow share, with one row not at 100 %, or with too few rows', () => {
    // 5 of 11 without evidence: 45.45 % < 50 %
    expect(flagsOf(report({ indicators: rows(11, (i) => ({ evidence: i < 6 ? '凭证' : '' })) }))).toEqual([]);
    // one row at 98 %
    expect(flagsOf(report({ indicators: [...rows(5), row(6, { actual: '98' })] }))).toEqual([]);
    // one row above 100 %: not "exactly 100"
    expect(flagsOf(report({ indicators: [...rows(5), row(6, { actual: '101' })] }))).toEqual([]);
    // two rows, fewer than the 3 the rule needs
    expect(flagsOf(report({ indicators: rows(2) }))).toEqual([]);
  });

  it('yellow exactly at the yellow share (50 %)', () => {
    const flags = flagsOf(report({ indicators: rows(4, (i) => ({ evidence: i < 2 ? '凭证' : '' })) }));
    expect(flags.map((f) => [f.severity, f.message])).toEqual([
      ['yellow', '全部 4 项定量指标完成率均为 100%，其中 2 项未附佐证'],
    ]);
  });
});

describe('a high total with a low 执行率', () => {
  it('96 and 84.50 %: yellow (below 90 %)', () => {
    expect(flagsOf(report({ totalScore: '96.00', executionRate: '84.50' }))).toEqual([
      { rule: 'high-score-low-execution', severity: 'yellow', message: '总分 96 分而执行率仅 84.50%（低于 90%）' },
    ]);
  });

  it('95 exactly (the high mark is included) and 79.99 %: red (below 80 %)', () => {
    expect(flagsOf(report({ totalScore: '95.00', executionRate: '79.99' }))).toEqual([
      { rule: 'high-score-low-execution', severity: 'red', message: '总分 95 分而执行率仅 79.99%（低于 80%）' },
    ]);
  });

  it('does not fire at 94.99, at 执行率 exactly 90 %, or without a 执行率', () => {
    expect(flagsOf(report({ totalScore: '94.99', executionRate: '60.00' }))).toEqual([]);
    expect(flagsOf(report({ totalScore: '99.50', executionRate: '90.00' }))).toEqual([]);
    expect(flagsOf(report({ totalScore: '99.50', executionRate: null }))).toEqual([]);
  });
});

describe('the score rising while the 执行率 falls', () => {
  const last = report({ totalScore: '88.00', executionRate: '97.70' });

  it('+6 points and −7.20 points of 执行率: yellow', () => {
    expect(flagsOf(report({ totalScore: '94.00', executionRate: '90.50' }), last)).toEqual([
      {
        rule: 'score-up-execution-down',
        severity: 'yellow',
        message: '得分较上年升高 6 分，而执行率较上年下降 7.20 个百分点',
      },
    ]);
  });

  it('+3 points exactly and −10 points exactly: red', () => {
    expect(flagsOf(report({ totalScore: '91.00', executionRate: '87.70' }), last)).toEqual([
      {
        rule: 'score-up-execution-down',
        severity: 'red',
        message: '得分较上年升高 3 分，而执行率较上年下降 10.00 个百分点',
      },
    ]);
  });

  it('does not fire with a rise of 2.99, a fall of 4.99, or without last year', () => {
    expect(flagsOf(report({ totalScore: '90.99', executionRate: '80.00' }), last)).toEqual([]);
    expect(flagsOf(report({ totalScore: '94.00', executionRate: '92.71' }), last)).toEqual([]);
    expect(flagsOf(report({ totalScore: '94.00', executionRate: '80.00' }), null)).toEqual([]);
  });
});

describe('indicators copied from last year with full marks', () => {
  // qualitative rows: not 100 % completions, so only this rule can fire
  const q = (i: number, overrides: Partial<Row> = {}) =>
    row(i, { nature: 'qualitative', target: `目标${i}`, actual: `完成${i}`, ...overrides });
  const lastRows = Array.from({ length: 10 }, (_, i) => q(i + 1));

  it('8 rows the same as last year at full marks: yellow', () => {
    const current = report({
      indicators: [...lastRows.slice(0, 8), q(9, { actual: '部分完成' }), q(10, { score: '8' })],
    });
    expect(flagsOf(current, report({ indicators: lastRows }))).toEqual([
      { rule: 'copied-full-marks', severity: 'yellow', message: '8 项指标与上年完全相同且均得满分' },
    ]);
  });

  it('10 rows (spaces around the texts do not matter): red', () => {
    const current = report({ indicators: lastRows.map((r) => ({ ...r, level3: ` ${r.level3} ` })) });
    expect(flagsOf(current, report({ indicators: lastRows }))).toEqual([
      { rule: 'copied-full-marks', severity: 'red', message: '10 项指标与上年完全相同且均得满分' },
    ]);
  });

  it('does not fire with 4 rows, and a row of last year matches only one row of this year', () => {
    const current = report({ indicators: [...lastRows.slice(0, 4), q(11)] });
    expect(flagsOf(current, report({ indicators: lastRows }))).toEqual([]);
    const twice = report({ indicators: Array.from({ length: 6 }, () => q(1)) });
    expect(flagsOf(twice, report({ indicators: [q(1)] }))).toEqual([]);
  });
});

describe("the self-score above the finance bureau's re-score", () => {
  it('96 against a re-score of 89.5: 6.5 points above, yellow (more than 5), with the numbers', () => {
    expect(flagsOf(report({ totalScore: '96.00', reScore: '89.50' }))).toEqual([
      {
        rule: 'self-above-rescore',
        severity: 'yellow',
        message: '自评得分 96 分，财政复核得分 89.5 分，高出 6.5 分（超过 5 分）',
      },
    ]);
  });

  it('red above 10 points; exactly 10 is still yellow, exactly 5 is nothing (the threshold is exceeded, not met)', () => {
    expect(flagsOf(report({ totalScore: '95.00', reScore: '84.99' })).map((f) => f.severity)).toEqual(['red']);
    expect(flagsOf(report({ totalScore: '95.00', reScore: '85.00' })).map((f) => f.severity)).toEqual(['yellow']);
    expect(flagsOf(report({ totalScore: '90.00', reScore: '85.00' }))).toEqual([]);
  });

  it('does not fire without a re-score, or when the re-score is the higher', () => {
    expect(flagsOf(report({ totalScore: '99.00' }))).toEqual([]);
    expect(flagsOf(report({ totalScore: '99.00', reScore: null }))).toEqual([]);
    expect(flagsOf(report({ totalScore: '70.00', reScore: '90.00' }))).toEqual([]);
  });

  it("follows the county's gaps", () => {
    const t = { ...T, selfAboveReScore: { yellowGap: '1', redGap: '2' } };
    expect(flagsOf(report({ totalScore: '90.00', reScore: '87.5' }), null, t)).toMatchObject([
      {
        rule: 'self-above-rescore',
        severity: 'red',
        message: '自评得分 90 分，财政复核得分 87.5 分，高出 2.5 分（超过 2 分）',
      },
    ]);
  });
});

describe('full marks without files (佐证材料 attached to the row)', () => {
  it('counts full-mark rows with no file, naming a few, yellow then red', () => {
    const yellow = flagsOf(report({ indicators: rows(4, (i) => ({ evidenceFiles: i === 0 ? 2 : 0, nature: 'qualitative' })) }));
    expect(yellow).toEqual([
      {
        rule: 'full-marks-without-files',
        severity: 'yellow',
        message: '3 项指标得满分而未附佐证材料（如「指标2」、「指标3」、「指标4」）',
      },
    ]);
    const red = flagsOf(report({ indicators: rows(8, () => ({ evidenceFiles: 0, nature: 'qualitative' })) }));
    expect(red.map((f) => [f.rule, f.severity])).toEqual([['full-marks-without-files', 'red']]);
  });

  it('leaves rows alone that are below full marks, unnamed, or read without knowing the files', () => {
    const notFull = rows(5, () => ({ evidenceFiles: 0, score: '9', nature: 'qualitative' }));
    const unnamed = rows(5, () => ({ evidenceFiles: 0, level3: ' ', nature: 'qualitative' }));
    const unknown = rows(5, () => ({ nature: 'qualitative' }));
    for (const indicators of [notFull, unnamed, unknown]) expect(flagsOf(report({ indicators }))).toEqual([]);
  });

  it('an attached file counts as evidence for the 100 % rule too', () => {
    const withFiles = rows(4, () => ({ evidenceFiles: 1 }));
    expect(flagsOf(report({ indicators: withFiles })).map((f) => f.rule)).not.toContain('all-complete-little-evidence');
    expect(flagsOf(report({ indicators: rows(4) })).map((f) => f.rule)).toContain('all-complete-little-evidence');
  });

  it("follows the county's counts, red never below yellow", () => {
    const t = { ...T, fullMarksWithoutFiles: { yellowCount: 1, redCount: 2 } };
    const one = rows(1, () => ({ evidenceFiles: 0, nature: 'qualitative' }));
    expect(flagsOf(report({ indicators: one }), null, t)[0].severity).toBe('yellow');
    const checked = validateInflationThresholds({ ...T, fullMarksWithoutFiles: { yellowCount: 5, redCount: 4 } });
    expect(checked).toEqual({
      ok: false,
      problems: [{ path: 'fullMarksWithoutFiles.redCount', message: '红灯的指标数不能少于黄灯的' }],
    });
  });
});

describe('the traffic light', () => {
  it('red with any red flag, yellow with only yellow ones, green with none', () => {
    const yellow = { rule: 'copied-full-marks' as const, severity: 'yellow' as const, message: '' };
    const red = { ...yellow, severity: 'red' as const };
    expect(trafficLight([yellow, red])).toBe('red');
    expect(trafficLight([yellow])).toBe('yellow');
    expect(trafficLight([])).toBe('green');
  });

  it('several rules at once, in a fixed order', () => {
    const current = report({ totalScore: '96.00', executionRate: '70.00', indicators: rows(3) });
    const flags = flagsOf(current, report({ totalScore: '90.00', executionRate: '95.00' }));
    expect(flags.map((f) => [f.rule, f.severity])).toEqual([
      ['all-complete-little-evidence', 'red'],
      ['high-score-low-execution', 'red'],
      ['score-up-execution-down', 'red'],
    ]);
  });
});

describe('validating the thresholds', () => {
  it('accepts the defaults', () => {
    expect(validateInflationThresholds(T)).toEqual({ ok: true, thresholds: T });
  });

  it('names the field and says what is wrong, in Chinese', () => {
    const bad = {
      ...T,
      allComplete: { ...T.allComplete, yellowShare: '120' },
      highScoreLowRate: { ...T.highScoreLowRate, redRateBelow: '95' },
      copiedFullMarks: { yellowCount: 0, redCount: 10 },
    };
    expect(validateInflationThresholds(bad)).toEqual({
      ok: false,
      problems: [
        { path: 'allComplete.yellowShare', message: '未附佐证指标占比（黄）应为 0–100 的数，最多 2 位小数' },
        // 120 is also above the red share (80)
        { path: 'allComplete.redShare', message: '红灯的未附佐证占比不能低于黄灯的' },
        { path: 'highScoreLowRate.redRateBelow', message: '红灯的执行率界限不能高于黄灯的' },
        { path: 'copiedFullMarks.yellowCount', message: '照搬且满分的指标数（黄）应为 1–200 的整数' },
      ],
    });
  });

  it('refuses a missing group, a number where a decimal string belongs, and unknown keys', () => {
    const result = validateInflationThresholds({
      allComplete: T.allComplete,
      copiedFullMarks: T.copiedFullMarks,
      highScoreLowRate: { ...T.highScoreLowRate, minScore: 95 },
      extra: 1,
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['scoreUpRateDown', 'highScoreLowRate.minScore']),
    );
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toContain('不认识的阈值：extra');
  });

  it('refuses text that is not a number without comparing it', () => {
    const result = validateInflationThresholds({ ...T, allComplete: { ...T.allComplete, redShare: '很多' } });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'allComplete.redShare', message: '未附佐证指标占比（红）应为 0–100 的数，最多 2 位小数' }],
    });
  });

  it('checks the re-score gaps: in range, red no milder than yellow', () => {
    const result = validateInflationThresholds({ ...T, selfAboveReScore: { yellowGap: '8', redGap: '6' } });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'selfAboveReScore.redGap', message: '红灯的分差不能小于黄灯的' }],
    });
    const zero = validateInflationThresholds({ ...T, selfAboveReScore: { yellowGap: '0', redGap: '6' } });
    expect(zero).toMatchObject({
      ok: false,
      problems: [{ path: 'selfAboveReScore.yellowGap', message: '自评高于复核超过（黄）应大于 0 且不超过 100' }],
    });
  });

  it('refuses 0 where a threshold must be above 0', () => {
    const result = validateInflationThresholds({ ...T, scoreUpRateDown: { ...T.scoreUpRateDown, minScoreRise: '0' } });
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'scoreUpRateDown.minScoreRise', message: '得分升高至少应大于 0 且不超过 100' }],
    });
  });
});
