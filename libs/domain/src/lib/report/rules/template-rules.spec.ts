import { BUILTIN_TEMPLATES } from '../../template/builtins';
import type { TemplateDefinition } from '../../template/definition';
import { checkMutated, FIXTURE_TEMPLATE, failuresOf, validReport } from '../fixture.spec-helper';
import { indicatorScoreRange, totalCapFor } from '../scoring';
import { dec } from '../../money/decimal';
import type { Indicator, OverallReportContent } from '../schema';
import { runChecks } from './index';
import { DEFAULT_GRADE_BANDS } from '../grades';

/** The fixture under a template changed by `change`: the failing rules' findings. */
function failingUnder(
  change: (t: TemplateDefinition) => void,
  mutate: (c: OverallReportContent) => void = () => undefined,
) {
  const template = structuredClone(FIXTURE_TEMPLATE);
  change(template);
  return failuresOf(checkMutated(mutate, { template }));
}
const only = (ruleId: string, failures: ReturnType<typeof failuresOf>) => failures.filter((f) => f.ruleId === ruleId);

const indicator = (over: Partial<Indicator>): Indicator => ({
  level1: '产出指标',
  level2: '数量指标',
  level3: '培训人次',
  nature: '>=',
  target: '100',
  unit: '人次',
  actual: '100',
  weight: '20',
  score: '20',
  deviationNote: '',
  evidence: '',
  ...over,
});

describe('rules as the template sets them', () => {
  it('a switched-off rule does not run; a severity the template sets is used', () => {
    const mutate = (c: OverallReportContent) => (c.scoreTable.indicators[0].evidence = '');
    expect(
      only(
        'scoreTable.full-marks-need-evidence',
        failingUnder(() => undefined, mutate),
      ),
    ).toHaveLength(1);
    const off = checkMutated(mutate, {
      template: { ...FIXTURE_TEMPLATE, rules: { 'scoreTable.full-marks-need-evidence': { enabled: false } } },
    });
    expect(off.results.find((r) => r.ruleId === 'scoreTable.full-marks-need-evidence')).toBeUndefined();
    const raised = failingUnder(
      (t) => (t.rules = { 'scoreTable.full-marks-need-evidence': { enabled: true, severity: 'error' } }),
      mutate,
    );
    expect(only('scoreTable.full-marks-need-evidence', raised)[0].severity).toBe('error');
  });

  it('scoreTable.low-execution-explained takes its threshold from the template', () => {
    const mutate = (c: OverallReportContent) => {
      c.scoreTable.funding.total.executed = '157.25'; // 85.00 %
      c.scoreTable.funding.currentYearAppropriation.executed = '156.05';
      c.scoreTable.funding.executionRate = '85';
      c.scoreTable.funding.score = '8.5';
      c.conclusion.totalScore = '96.5';
    };
    expect(
      only(
        'scoreTable.low-execution-explained',
        failingUnder(() => undefined, mutate),
      ),
    ).toHaveLength(1);
    const at80 = failingUnder(
      (t) => (t.rules = { 'scoreTable.low-execution-explained': { enabled: true, params: { threshold: '80' } } }),
      mutate,
    );
    expect(only('scoreTable.low-execution-explained', at80)).toEqual([]);
  });

  it('findings of a part the outline leaves out are dropped', () => {
    const mutate = (c: OverallReportContent) => (c.problems = { problems: '', measures: '' });
    const withProblems = failingUnder(() => undefined, mutate);
    expect(withProblems.some((f) => f.findings.some((x) => x.path.startsWith('problems.')))).toBe(true);
    const without = failingUnder(
      (t) => (t.outline = t.outline.filter((n) => n.title !== '存在的问题及改进措施')),
      mutate,
    );
    expect(without.some((f) => f.findings.some((x) => x.path.startsWith('problems.')))).toBe(false);
  });

  it('the template’s own grade bands stand in for the county’s', () => {
    const bands = [
      { grade: 'excellent' as const, label: '优秀', min: '98' },
      { grade: 'good' as const, label: '良好', min: '85' },
      { grade: 'fair' as const, label: '合格', min: '60' },
      { grade: 'poor' as const, label: '不合格', min: '0' },
    ];
    const failures = failingUnder((t) => (t.gradeBands = bands));
    expect(only('conclusion.grade-matches-band', failures)[0].findings[0].message).toContain('对应等级「良好」');
  });
});

describe('framework rules', () => {
  it('framework.level1-weights names each 一级 indicator whose weights differ, with the remedy', () => {
    const failures = failingUnder((t) => {
      t.framework.level1[0].weight = '50';
      t.framework.level1[1].weight = '30';
    });
    expect(only('framework.level1-weights', failures)).toEqual([
      {
        ruleId: 'framework.level1-weights',
        severity: 'error',
        findings: [
          {
            path: 'scoreTable.indicators',
            message: '产出指标的分值合计 40 分，本年度指标体系规定为 50 分',
            remedy: '调整产出指标下各指标的分值，使其合计 50 分',
          },
          {
            path: 'scoreTable.indicators',
            message: '效益指标的分值合计 40 分，本年度指标体系规定为 30 分',
            remedy: '调整效益指标下各指标的分值，使其合计 30 分',
          },
        ],
      },
    ]);
  });

  it('framework.execution-weight, framework.required-level2, framework.known-level1; warnings where the notice says 原则上', () => {
    const failures = failingUnder(
      (t) => {
        t.framework.level1[0].requiredLevel2 = ['数量指标', '时效指标'];
        t.framework.enforcement = 'warning';
      },
      (c) => {
        c.scoreTable.funding.weight = '15';
        c.scoreTable.indicators[2].level1 = '服务对象满意度';
      },
    );
    expect(only('framework.execution-weight', failures)).toEqual([
      {
        ruleId: 'framework.execution-weight',
        severity: 'warning',
        findings: [
          {
            path: 'scoreTable.funding.weight',
            message: '预算执行率的分值填报为 15 分，本年度指标体系规定为 10 分',
            remedy: '把预算执行率的分值改为 10 分',
          },
        ],
      },
    ]);
    expect(only('framework.required-level2', failures)[0].findings).toEqual([
      {
        path: 'scoreTable.indicators',
        message: '产出指标下缺少二级指标「时效指标」',
        remedy: '在产出指标下添加至少一个「时效指标」的三级指标（可从指标库选取）',
      },
    ]);
    expect(only('framework.known-level1', failures)[0].findings[0]).toEqual({
      path: 'scoreTable.indicators.2.level1',
      message: '「群众满意度」的一级指标「服务对象满意度」不在本年度指标体系中',
      remedy: '一级指标应为：产出指标、效益指标、满意度指标',
    });
  });
});

describe('scoring parameters', () => {
  it('caps the total by 执行率 band and says what would lift the cap', () => {
    const failures = failingUnder(
      (t) =>
        (t.scoring.totalCaps = [
          { rateBelow: '80', maxTotal: '89' },
          { rateBelow: '60', maxTotal: '79' },
        ]),
      (c) => {
        const f = c.scoreTable.funding;
        f.total = { initialBudget: '180.25', adjustedBudget: '185', executed: '141.34' }; // 76.40 %
        f.currentYearAppropriation = { initialBudget: '180.25', adjustedBudget: '183.8', executed: '140.14' };
        f.executionRate = '76.4';
        f.score = '7.64';
        f.deviationNote = '部分项目延期';
        c.conclusion.totalScore = '95.64';
      },
    );
    expect(only('scoreTable.total-capped-by-execution', failures)).toEqual([
      {
        ruleId: 'scoreTable.total-capped-by-execution',
        severity: 'error',
        findings: [
          {
            path: 'scoreTable.indicators',
            message: '执行率 76.40%，按本年度规则总分不得超过 89 分，各项得分合计 95.64 分',
            remedy: '把总分降至 89 分以内；执行率达到 80% 后上限为 100 分',
          },
        ],
      },
    ]);
    expect(
      totalCapFor(dec('55'), [
        { rateBelow: '80', maxTotal: '89' },
        { rateBelow: '60', maxTotal: '79' },
      ])?.toString(),
    ).toBe('79');
    expect(totalCapFor(dec('80'), [{ rateBelow: '80', maxTotal: '89' }])).toBeNull();
  });

  it('deviation bands: up to each band’s bound loses its share of the weight, beyond the last scores 0', () => {
    const scoring = { ...BUILTIN_TEMPLATES[1].definition.scoring };
    const at = (actual: string) => indicatorScoreRange(indicator({ actual }), scoring)?.min.toString();
    expect(at('100')).toBe('20'); // met
    expect(at('90')).toBe('18'); // 10 % → deduct 10 %
    expect(at('85')).toBe('14'); // 15 % → deduct 30 %
    expect(at('50')).toBe('8'); // 50 % → deduct 60 %
    expect(at('49')).toBe('0');
    expect(indicatorScoreRange(indicator({ actual: '90' }), scoring)?.how).toBe('偏差率 10.00%，按偏差档次扣分');
  });

  it('qualitative grades give a range of the weight; a 完成情况 not among them is not computed', () => {
    const scoring = BUILTIN_TEMPLATES[0].definition.scoring;
    const range = indicatorScoreRange(indicator({ nature: 'qualitative', actual: '部分达成', weight: '10' }), scoring);
    expect([range?.min.toString(), range?.max.toString(), range?.how]).toEqual([
      '6',
      '8',
      '「部分达成」得分值的 60%–80%',
    ]);
    expect(indicatorScoreRange(indicator({ nature: 'qualitative', actual: '基本实现' }), scoring)).toBeNull();
    const failures = failingUnder(
      (t) => (t.scoring = BUILTIN_TEMPLATES[0].definition.scoring),
      (c) => {
        Object.assign(c.scoreTable.indicators[1], {
          nature: 'qualitative',
          target: '全面完成',
          unit: '',
          actual: '部分达成',
          score: '36',
        });
        c.conclusion.totalScore = '95.78';
      },
    );
    expect(only('scoreTable.indicator-score-formula', failures)[0].findings[0]).toEqual({
      path: 'scoreTable.indicators.1.score',
      message:
        '「非遗项目普查完成率」完成情况「部分达成」，按「部分达成」得分值的 60%–80%应得 24.00–32.00 分，填报为 36 分',
      remedy: '把得分改为 24.00–32.00 分，或核实完成值后在「偏差原因分析」中说明',
    });
  });
});

describe('indicator-quality lint (warnings)', () => {
  const lint = (mutate: (c: OverallReportContent) => void) =>
    failuresOf(checkMutated(mutate)).filter((f) => f.ruleId.startsWith('lint.'));

  it('the fixture is clean', () => {
    expect(lint(() => undefined)).toEqual([]);
  });

  it('lint.quantitative-target: no number, no unit', () => {
    expect(lint((c) => (c.scoreTable.indicators[0].target = '全面完成'))[0]).toMatchObject({
      ruleId: 'lint.quantitative-target',
      severity: 'warning',
      findings: [{ path: 'scoreTable.indicators.0.target', message: expect.stringContaining('不是数值') }],
    });
    expect(lint((c) => (c.scoreTable.indicators[0].unit = ''))[0].findings[0].path).toBe(
      'scoreTable.indicators.0.unit',
    );
  });

  it('lint.target-restates-goal: the name or a goal copied as the target', () => {
    const found = lint((c) => {
      c.goals.items[0].text = '全面完成非遗项目普查工作，提升保护水平。';
      Object.assign(c.scoreTable.indicators[1], {
        nature: 'qualitative',
        target: '全面完成非遗项目普查工作',
        unit: '',
      });
    });
    expect(found.find((f) => f.ruleId === 'lint.target-restates-goal')?.findings[0].message).toContain(
      '照抄了绩效目标',
    );
  });

  it('lint.all-full-marks-without-evidence', () => {
    const found = lint((c) => {
      c.scoreTable.indicators.forEach((i) => {
        i.evidence = '';
        i.score = i.weight;
        i.actual = i.target;
      });
    });
    expect(found.map((f) => f.ruleId)).toContain('lint.all-full-marks-without-evidence');
  });

  it('lint.satisfaction-survey: a rate nobody surveyed', () => {
    expect(lint((c) => (c.scoreTable.indicators[2].evidence = '工作总结'))[0]).toMatchObject({
      ruleId: 'lint.satisfaction-survey',
      findings: [
        { path: 'scoreTable.indicators.2.evidence', message: '「群众满意度」的满意率 92 没有注明来自哪次调查' },
      ],
    });
    expect(lint((c) => (c.scoreTable.indicators[2].actual = '较高'))[0].findings[0].path).toBe(
      'scoreTable.indicators.2.actual',
    );
  });

  it('lint.benefit-not-output: a 效益 indicator counted in 次 (the unit list is a parameter)', () => {
    const mutate = (c: OverallReportContent) =>
      Object.assign(c.scoreTable.indicators[1], { unit: '次', target: '12', actual: '12', score: '40' });
    const found = failuresOf(checkMutated(mutate)).filter((f) => f.ruleId === 'lint.benefit-not-output');
    expect(found[0].findings[0].message).toBe('「非遗项目普查完成率」列在效益指标下，计量单位「次」只是产出数量');
    const template = {
      ...FIXTURE_TEMPLATE,
      rules: { 'lint.benefit-not-output': { enabled: true, params: { countUnits: ['个'] } } },
    };
    expect(
      failuresOf(checkMutated(mutate, { template })).filter((f) => f.ruleId === 'lint.benefit-not-output'),
    ).toEqual([]);
  });

  it('lint.all-complete-without-evidence: every 完成率 100 % and nothing to show', () => {
    const found = lint((c) => {
      c.results.items = c.results.items.map((r) => ({ ...r, completionRate: '100' }));
      if (c.results.items.length < 2) c.results.items.push({ ...c.results.items[0] });
      c.goals.items = c.results.items.map((r) => ({ text: r.text || '目标' }));
      c.scoreTable.indicators.forEach((i) => (i.evidence = ''));
    });
    expect(found.map((f) => f.ruleId)).toContain('lint.all-complete-without-evidence');
  });
});

it('without a template the kind’s default built-in applies', () => {
  const summary = runChecks(validReport(), { fiscalYear: 2025, gradeBands: DEFAULT_GRADE_BANDS, previousYear: null });
  // the fixture's 产出 40 / 效益 40 against 河北's 50 / 30
  expect(summary.results.find((r) => r.ruleId === 'framework.level1-weights')?.passed).toBe(false);
});
