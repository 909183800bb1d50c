import { dec } from '../../money/decimal';
import { DEFAULT_GRADE_BANDS, type GradeBand } from '../grades';
import { emptyProjectContent } from '../empty-report';
import {
  checkMutated,
  checkProjectMutated,
  contextFor,
  failuresOf,
  validProjectReport,
  validReport,
} from '../fixture.spec-helper';
import type { OverallReportContent, ProjectReportContent } from '../schema';
import { OVERALL_RULES, PROJECT_RULES, runChecks } from './index';
import type { RuleContext } from './rule';

/** Runs every rule on a report changed by `mutate`; returns the findings of the failing rules. */
function failing(mutate: (c: OverallReportContent) => void, context: Partial<RuleContext> = {}) {
  return checkMutated(mutate, context)
    .results.filter((r) => !r.passed)
    .map((r) => ({ ruleId: r.ruleId, severity: r.severity, findings: r.findings }));
}

describe('report rules', () => {
  it('the fixture passes every rule', () => {
    expect(failing(() => undefined)).toEqual([]);
  });

  it('every rule has a stable, unique id, a severity and a Chinese title', () => {
    for (const rules of [OVERALL_RULES, PROJECT_RULES] as Array<Array<{ id: string }>>) {
      const ids = rules.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    for (const rule of [...OVERALL_RULES, ...PROJECT_RULES]) {
      expect(rule.id).toMatch(/^[a-z][a-zA-Z]*\.[a-z0-9-]+$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('budget.lines-sum-to-total names both sums', () => {
    const result = failing((c) => (c.budget.expenditure.project.budget = '30.26'));
    expect(result.find((r) => r.ruleId === 'budget.lines-sum-to-total')).toEqual({
      ruleId: 'budget.lines-sum-to-total',
      severity: 'error',
      findings: [
        {
          path: 'budget.expenditure.project.budget',
          message: '项目预算明细合计 30.25 万元，与填报的年初项目预算 30.26 万元不一致',
          remedy: '核对各条预算明细的金额，或把年初项目预算改为 30.25 万元',
        },
      ],
    });
  });

  it('budget.lines-sum-to-total adds exactly (47+82+1+2+2.82+5+10+10.336+18.49 = 178.646)', () => {
    const amounts = ['47', '82', '1', '2', '2.82', '5', '10', '10.336', '18.49'];
    const withLines = (total: string) =>
      failing((c) => {
        c.budget.lines = amounts.map((amount, i) => ({ name: `项目${i}`, amount, spent: null, documentNumber: '' }));
        c.budget.expenditure.project = { budget: total, actual: '178.646' };
        // the sample states project money only: the 自评表 covers it
        c.budget.expenditure.basic = { budget: null, actual: null };
        c.budget.expenditure.total = { budget: null, actual: null };
        c.scoreTable.funding.total.initialBudget = total;
        c.scoreTable.funding.total.executed = '178.646';
      }).filter((r) => r.ruleId.startsWith('budget.'));
    expect(withLines('178.646')).toEqual([]);
    expect(withLines('178.65')[0].findings[0].message).toBe(
      '项目预算明细合计 178.646 万元，与填报的年初项目预算 178.65 万元不一致',
    );
    expect(
      failing((c) => ((c.budget.lines = []), (c.budget.expenditure.project.budget = '30.26'))).map((r) => r.ruleId),
    ).not.toContain('budget.lines-sum-to-total');
  });

  it('budget.lines-sum-to-spent: each line’s 执行数, all or none, adding up to 当年项目支出', () => {
    expect(
      failing((c) => (c.budget.lines[1].spent = '9.9')).find((r) => r.ruleId === 'budget.lines-sum-to-spent'),
    ).toEqual({
      ruleId: 'budget.lines-sum-to-spent',
      severity: 'error',
      findings: [
        {
          path: 'budget.expenditure.project.actual',
          message: '各项目执行数合计 29.60 万元，与填报的当年项目支出 29.50 万元不一致',
          remedy: '核对各条预算明细的执行数，或把当年项目支出改为 29.60 万元',
        },
      ],
    });
    expect(failing((c) => (c.budget.lines[0].spent = null))).toEqual([
      {
        ruleId: 'budget.lines-sum-to-spent',
        severity: 'error',
        findings: [
          {
            path: 'budget.lines.0.spent',
            message: '第 1 条预算明细「群众文化活动经费」未填报执行数，各项目执行数应逐条填报',
          },
        ],
      },
    ]);
    // no line gives its 执行数: nothing to add up
    expect(failing((c) => c.budget.lines.forEach((l) => (l.spent = null)))).toEqual([]);
  });

  it('budget.spent-within-budget', () => {
    const result = failing((c) => {
      c.budget.expenditure.project.actual = '30.2501';
      c.budget.lines[0].spent = '20.4501';
      c.budget.expenditure.total.actual = '181.7501';
      c.scoreTable.funding.total.executed = '181.7501';
    });
    expect(result.find((r) => r.ruleId === 'budget.spent-within-budget')).toEqual({
      ruleId: 'budget.spent-within-budget',
      severity: 'error',
      findings: [
        {
          path: 'budget.expenditure.project.actual',
          message: '当年项目支出 30.2501 万元，超过年初项目预算 30.25 万元',
        },
      ],
    });
  });

  it('budget.expenditure-adds-up: 人员经费 + 公用经费 = 基本支出, 基本支出 + 项目支出 = 支出合计, per column', () => {
    expect(failing((c) => (c.budget.expenditure.personnel.actual = '121.9'))).toEqual([
      {
        ruleId: 'budget.expenditure-adds-up',
        severity: 'error',
        findings: [
          {
            path: 'budget.expenditure.basic.actual',
            message:
              '决算数：人员经费 121.90 万元 + 公用经费 29.70 万元 = 151.60 万元，与填报的基本支出 151.50 万元不一致',
            remedy: '核对各分项，或把基本支出改为 151.60 万元',
          },
        ],
      },
    ]);
    const total = failing((c) => (c.budget.expenditure.total.budget = '180.3')).find(
      (r) => r.ruleId === 'budget.expenditure-adds-up',
    );
    expect(total?.findings).toEqual([
      {
        path: 'budget.expenditure.total.budget',
        message:
          '年初预算数：基本支出 150.00 万元 + 项目支出 30.25 万元 = 180.25 万元，与填报的本年支出合计 180.30 万元不一致',
        remedy: '核对各分项，或把本年支出合计改为 180.25 万元',
      },
    ]);
    // a part not stated proves nothing: the sum is not checked
    expect(failing((c) => (c.budget.expenditure.personnel = { budget: null, actual: null }))).toEqual([]);
  });

  it('budget.income-adds-up: 财政拨款收入 + 其他收入 = 本年收入合计', () => {
    expect(failing((c) => (c.budget.income.other.budget = '0.5'))).toEqual([
      {
        ruleId: 'budget.income-adds-up',
        severity: 'error',
        findings: [
          {
            path: 'budget.income.total.budget',
            message:
              '年初预算数：财政拨款收入 180.25 万元 + 其他收入 0.50 万元 = 180.75 万元，与填报的本年收入合计 180.25 万元不一致',
            remedy: '核对各分项，或把本年收入合计改为 180.75 万元',
          },
        ],
      },
    ]);
  });

  it('budget.expenditure-within-income warns when 支出 exceeds 收入 and the carry-over', () => {
    const spending = (carryover: string | null) =>
      failing((c) => {
        c.budget.carryover = carryover;
        c.budget.income.appropriation.actual = '176.3';
        c.budget.income.total.actual = '177.5';
      });
    // exactly what was there: no warning
    expect(spending('3.5')).toEqual([]);
    expect(spending('3.4')[0].findings[0].message).toBe(
      '本年支出合计 181.00 万元，超过本年收入合计 177.50 万元 + 年初结转结余 3.40 万元，即 180.90 万元，请核对或说明资金来源',
    );
    expect(spending(null)[0].findings[0].message).toBe(
      '本年支出合计 181.00 万元，超过本年收入合计 177.50 万元（未填报年初结转结余），即 177.50 万元，请核对或说明资金来源',
    );
  });

  it('staffing.actual-within-authorized warns per category', () => {
    const result = failing((c) => {
      c.basicInfo.staffing.categories = [
        { category: '事业人员', authorized: 10, actual: 11 },
        { category: '工勤人员', authorized: 2, actual: 1 },
      ];
    });
    expect(result).toEqual([
      {
        ruleId: 'staffing.actual-within-authorized',
        severity: 'warning',
        findings: [
          {
            path: 'basicInfo.staffing.categories.0.actual',
            message: '事业人员实有 11 人，超过编制数 10 人，请说明超编原因',
          },
        ],
      },
    ]);
  });

  it('scoreTable.funding-matches-budget: the 自评表 covers what section (二) covers', () => {
    const result = failing((c) => (c.scoreTable.funding.total.initialBudget = '180'));
    expect(result.find((r) => r.ruleId === 'scoreTable.funding-matches-budget')).toEqual({
      ruleId: 'scoreTable.funding-matches-budget',
      severity: 'error',
      findings: [
        {
          path: 'scoreTable.funding.total.initialBudget',
          message:
            '绩效自评表年度资金总额的年初预算数 180.00 万元，与（二）部门收支预决算情况中的本年支出合计的年初预算数 180.25 万元不一致',
        },
      ],
    });
    // a report that states only project money (the sample) compares with 项目支出
    const projectOnly = failing((c) => {
      c.budget.expenditure.total = { budget: null, actual: null };
    }).find((r) => r.ruleId === 'scoreTable.funding-matches-budget');
    expect(projectOnly?.findings.map((f) => f.message)).toEqual([
      '绩效自评表年度资金总额的年初预算数 180.25 万元，与（二）部门收支预决算情况中的年初项目预算 30.25 万元不一致',
      '绩效自评表年度资金总额的全年执行数 181.00 万元，与（二）部门收支预决算情况中的当年项目支出 29.50 万元不一致',
    ]);
  });

  it('assets.net-equals-assets-minus-liabilities, for this year and last', () => {
    const result = failing((c) => {
      c.basicInfo.assets.current = { totalAssets: '120.5', totalLiabilities: '20.5', netAssets: '100.1' };
      c.basicInfo.assets.previous = { totalAssets: '100', totalLiabilities: '20', netAssets: '81' };
    });
    const rule = result.find((r) => r.ruleId === 'assets.net-equals-assets-minus-liabilities');
    expect(rule?.findings).toEqual([
      {
        path: 'basicInfo.assets.current.netAssets',
        message: '年末净资产 100.10 万元，应等于资产总额 120.50 万元减负债总额 20.50 万元，即 100.00 万元',
      },
      {
        path: 'basicInfo.assets.previous.netAssets',
        message: '上年净资产 81.00 万元，应等于资产总额 100.00 万元减负债总额 20.00 万元，即 80.00 万元',
      },
    ]);
  });

  it('assets.yoy-agrees-with-figures rounds half-up to the stated places, and knows the sign', () => {
    const result = (yoy: string | null) =>
      failing((c) => {
        c.basicInfo.assets.current = { totalAssets: '400.21', totalLiabilities: '0', netAssets: '400.21' };
        c.basicInfo.assets.previous = { totalAssets: '407.95', totalLiabilities: '0', netAssets: '407.95' };
        c.basicInfo.assets.yoy = { totalAssets: yoy, totalLiabilities: '0', netAssets: '-1.9' };
      });
    expect(result('-1.9')).toEqual([]); // −1.8973…% → −1.9
    expect(result('-1.90')).toEqual([]);
    expect(result('-2')).toEqual([]);
    expect(result('1.9')).toEqual([
      {
        ruleId: 'assets.yoy-agrees-with-figures',
        severity: 'error',
        findings: [
          {
            path: 'basicInfo.assets.yoy.totalAssets',
            message: '资产总额较上年变化应为 -1.9%（本年 400.21 万元，上年 407.95 万元），填报为 +1.9%',
          },
        ],
      },
    ]);
    expect(result(null)[0].findings[0].message).toBe(
      '请填写资产总额的同比变化：应为 -1.9%（本年 400.21 万元，上年 407.95 万元）',
    );
  });

  it('assets.yoy-agrees-with-figures cannot divide by a zero previous year', () => {
    const result = failing((c) => {
      c.basicInfo.assets.current = { totalAssets: '10', totalLiabilities: '5', netAssets: '5' };
      c.basicInfo.assets.previous = { totalAssets: '10', totalLiabilities: '0', netAssets: '10' };
      c.basicInfo.assets.yoy = { totalAssets: '0', totalLiabilities: '100', netAssets: '-50' };
    });
    expect(result[0].findings).toEqual([
      {
        path: 'basicInfo.assets.yoy.totalLiabilities',
        message: '上年负债总额为 0，无法计算同比变化（本年 5.00 万元，上年 0.00 万元），请留空',
      },
    ]);
  });

  it('assets.previous-year-matches-last-report compares with last year’s approved report', () => {
    const lastYear = validReport();
    lastYear.basicInfo.assets.current = { totalAssets: '100', totalLiabilities: '20', netAssets: '80' };
    lastYear.basicInfo.staffing.categories = [{ category: '事业人员', authorized: 14, actual: 12 }];
    expect(failing(() => undefined, { previousYear: { fiscalYear: 2024, content: lastYear } })).toEqual([]);
    lastYear.basicInfo.assets.current = { totalAssets: '100.5', totalLiabilities: '20', netAssets: '80.5' };
    lastYear.basicInfo.staffing.categories = [
      { category: '事业人员', authorized: 14, actual: 10 },
      { category: '工勤人员', authorized: 1, actual: 1 },
    ];
    const result = failing(() => undefined, { previousYear: { fiscalYear: 2024, content: lastYear } });
    expect(result).toEqual([
      {
        ruleId: 'assets.previous-year-matches-last-report',
        severity: 'error',
        findings: [
          {
            path: 'basicInfo.assets.previous.totalAssets',
            message: '上年资产总额填报为 100.00 万元，与2024 年度已通过报告中的 100.50 万元不一致',
          },
          {
            path: 'basicInfo.assets.previous.netAssets',
            message: '上年净资产填报为 80.00 万元，与2024 年度已通过报告中的 80.50 万元不一致',
          },
          {
            path: 'basicInfo.staffing.previousHeadcount',
            message: '上年人数填报为 12 人，与2024 年度已通过报告中的 11 人不一致',
          },
        ],
      },
    ]);
  });

  it('scoreTable.funding-rows-sum-to-total', () => {
    const result = failing((c) => (c.scoreTable.funding.carryover.initialBudget = '1'));
    expect(result).toEqual([
      {
        ruleId: 'scoreTable.funding-rows-sum-to-total',
        severity: 'error',
        findings: [
          {
            path: 'scoreTable.funding.total.initialBudget',
            message: '年初预算数：本年财政拨款、上年结转和其他资金合计 181.25 万元，与年度资金总额 180.25 万元不一致',
          },
        ],
      },
    ]);
  });

  it('scoreTable.executed-within-budget', () => {
    const result = failing((c) => {
      c.scoreTable.funding.other = { initialBudget: '0', adjustedBudget: '1', executed: '2' };
      c.scoreTable.funding.total = { initialBudget: '180.25', adjustedBudget: '184.8', executed: '185.8' };
      c.scoreTable.funding.executionRate = '100.54';
    });
    expect(result.find((r) => r.ruleId === 'scoreTable.executed-within-budget')?.findings).toEqual([
      {
        path: 'scoreTable.funding.total.executed',
        message: '年度资金总额的全年执行数 185.80 万元，超过全年预算数 184.80 万元',
      },
      {
        path: 'scoreTable.funding.other.executed',
        message: '其他资金的全年执行数 2.00 万元，超过全年预算数 1.00 万元',
      },
    ]);
  });

  it('scoreTable.execution-rate = executed ÷ adjusted budget', () => {
    expect(failing((c) => (c.scoreTable.funding.executionRate = '97.8'))).toEqual([]); // 97.837… at 1 place
    expect(failing((c) => (c.scoreTable.funding.executionRate = '97.85'))).toEqual([
      {
        ruleId: 'scoreTable.execution-rate',
        severity: 'error',
        findings: [
          {
            path: 'scoreTable.funding.executionRate',
            message: '执行率填报为 97.85%，按全年执行数 181.00 万元 ÷ 全年预算数 185.00 万元应为 97.84%',
            remedy: '把执行率改为 97.84%，或核对全年预算数和全年执行数',
          },
        ],
      },
    ]);
  });

  it('scoreTable.execution-score is rate × weight, capped at the weight', () => {
    expect(failing((c) => (c.scoreTable.funding.score = '10'))).toEqual([
      {
        ruleId: 'scoreTable.execution-score',
        severity: 'error',
        findings: [
          {
            path: 'scoreTable.funding.score',
            message: '预算执行率得分填报为 10 分，按执行率 97.84% × 分值 10 分应为 9.78 分',
            remedy: '把预算执行率得分改为 9.78 分',
          },
        ],
      },
      {
        ruleId: 'conclusion.score-equals-table',
        severity: 'error',
        findings: [
          {
            path: 'conclusion.totalScore',
            message: '总得分填报为 97.78 分，绩效自评表各项得分合计为 98 分',
            remedy: '把总得分改为 98 分，或核对绩效自评表各项得分',
          },
        ],
      },
    ]);
  });

  it('scoreTable.low-execution-explained warns below 90 %', () => {
    const result = failing((c) => {
      c.scoreTable.funding.total.adjustedBudget = '250';
      c.scoreTable.funding.currentYearAppropriation.adjustedBudget = '248.8';
      c.scoreTable.funding.executionRate = '72.4';
      c.scoreTable.funding.score = '7.24';
      c.conclusion.totalScore = '95.24';
    });
    expect(result).toEqual([
      {
        ruleId: 'scoreTable.low-execution-explained',
        severity: 'warning',
        findings: [
          {
            path: 'scoreTable.funding.deviationNote',
            message: '执行率为 72.40%，低于 90%，请说明原因及改进措施',
            remedy: '在「偏差原因」中说明资金未执行的原因和改进措施；执行率达到 90% 后无须说明',
          },
        ],
      },
    ]);
  });

  it('scoreTable.score-within-weight', () => {
    const result = failing((c) => {
      c.scoreTable.indicators[2].score = '10.5';
      c.conclusion.totalScore = '98.28';
    });
    expect(result.find((r) => r.ruleId === 'scoreTable.score-within-weight')).toEqual({
      ruleId: 'scoreTable.score-within-weight',
      severity: 'error',
      findings: [
        {
          path: 'scoreTable.indicators.2.score',
          message: '「群众满意度」得分 10.5 分，超过其分值 10 分',
          remedy: '得分不能超过分值 10 分',
        },
      ],
    });
  });

  it('scoreTable.weights-total-100', () => {
    const result = failing((c) => (c.scoreTable.indicators[0].weight = '45'));
    expect(result.find((r) => r.ruleId === 'scoreTable.weights-total-100')?.findings).toEqual([
      {
        path: 'scoreTable.indicators',
        message: '预算执行率与各指标分值合计 105 分，应为 100 分',
        remedy: '按本年度指标体系分配分值：预算执行率 10、产出指标 40、效益指标 40、满意度指标 10',
      },
    ]);
  });

  it('scoreTable.indicator-score-formula warns when a quantitative score departs from the formula', () => {
    const result = failing((c) => {
      c.scoreTable.indicators[1].score = '40';
      c.conclusion.totalScore = '99.78';
    });
    expect(result).toEqual([
      {
        ruleId: 'scoreTable.indicator-score-formula',
        severity: 'warning',
        findings: [
          {
            path: 'scoreTable.indicators.1.score',
            message: '「非遗项目普查完成率」指标值 100，完成值 95，按完成值 ÷ 指标值 × 分值应得 38.00 分，填报为 40 分',
            remedy: '把得分改为 38.00 分，或核实完成值后在「偏差原因分析」中说明',
          },
        ],
      },
      {
        ruleId: 'scoreTable.full-marks-need-evidence',
        severity: 'warning',
        findings: [
          {
            path: 'scoreTable.indicators.1.evidence',
            message: '「非遗项目普查完成率」为满分，请注明佐证材料（严禁虚高自评）',
          },
        ],
      },
    ]);
  });

  it('the formula for ≤ indicators is target ÷ actual × weight', () => {
    const result = failing((c) => {
      c.scoreTable.indicators[0] = {
        ...c.scoreTable.indicators[0],
        nature: '<=',
        target: '8',
        actual: '10',
        score: '40',
      };
      c.conclusion.totalScore = '97.78';
    });
    expect(result[0].findings[0].message).toContain('按指标值 ÷ 完成值 × 分值应得 32.00 分');
  });

  it('conclusion.score-equals-table', () => {
    expect(failing((c) => (c.conclusion.totalScore = '97.7'))).toEqual([
      {
        ruleId: 'conclusion.score-equals-table',
        severity: 'error',
        findings: [
          {
            path: 'conclusion.totalScore',
            message: '总得分填报为 97.7 分，绩效自评表各项得分合计为 97.78 分',
            remedy: '把总得分改为 97.78 分，或核对绩效自评表各项得分',
          },
        ],
      },
    ]);
  });

  it('conclusion.score-equals-table: a stated total beside an empty 自评表 is a finding too', () => {
    const result = failing((c) => {
      c.scoreTable.indicators = [];
      c.scoreTable.funding.score = null;
    }).filter((r) => r.ruleId === 'conclusion.score-equals-table');
    expect(result).toEqual([
      {
        ruleId: 'conclusion.score-equals-table',
        severity: 'error',
        findings: [
          {
            path: 'conclusion.totalScore',
            message: '总得分填报为 97.78 分，绩效自评表尚无绩效指标，各项得分合计为 0 分',
            remedy: '先在绩效自评表中填写各项指标及得分，总得分为各项得分之和',
          },
        ],
      },
    ]);
  });

  it('conclusion.grade-matches-band: a grade stated without a total is held against the table’s total', () => {
    const grades = (mutate: (c: OverallReportContent) => void) =>
      failing(mutate).filter((r) => r.ruleId === 'conclusion.grade-matches-band');
    // the sample's table sums to 97.78: 优
    expect(grades((c) => (c.conclusion.totalScore = null))).toEqual([]);
    expect(
      grades((c) => {
        c.conclusion.totalScore = null;
        c.conclusion.grade = 'good';
      })[0].findings,
    ).toEqual([
      {
        path: 'conclusion.grade',
        message:
          '总得分未填写，绩效自评表各项得分合计 97.78 分对应等级「优」（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 ≥ 0），填报为「良」',
        remedy: '把评价等级改为「优」',
      },
    ]);
    // an empty table sums to nothing: a stated 优 disagrees with it
    expect(
      grades((c) => {
        c.conclusion.totalScore = null;
        c.scoreTable.indicators = [];
        c.scoreTable.funding.score = null;
      })[0].findings[0].message,
    ).toContain('各项得分合计 0 分对应等级「差」');
  });

  it('conclusion.grade-matches-band: lower bounds included, so 89.5 is 良 and 90 is 优', () => {
    const grade = (score: string, grade: OverallReportContent['conclusion']['grade'], bands?: GradeBand[]) =>
      failing(
        (c) => {
          c.conclusion = { ...c.conclusion, totalScore: score, grade };
          c.scoreTable.indicators[0].score = dec(score).minus('57.78').toString();
        },
        bands ? { gradeBands: bands } : {},
      ).filter((r) => r.ruleId === 'conclusion.grade-matches-band');
    expect(grade('90', 'excellent')).toEqual([]);
    expect(grade('89.5', 'good')).toEqual([]);
    expect(grade('89.5', 'excellent')).toEqual([
      {
        ruleId: 'conclusion.grade-matches-band',
        severity: 'error',
        findings: [
          {
            path: 'conclusion.grade',
            message: '总得分 89.5 分对应等级「良」（优 ≥ 90，良 ≥ 80，中 ≥ 60，差 ≥ 0），填报为「优」',
            remedy: '把评价等级改为「良」',
          },
        ],
      },
    ]);
    const hebei = DEFAULT_GRADE_BANDS.map((b) => ({
      ...b,
      label: { excellent: '优秀', good: '良好', fair: '中', poor: '差' }[b.grade],
    }));
    expect(grade('79.99', 'good', hebei)[0].findings[0].message).toBe(
      '总得分 79.99 分对应等级「中」（优秀 ≥ 90，良好 ≥ 80，中 ≥ 60，差 ≥ 0），填报为「良好」',
    );
  });

  it('results.completion-rate-range: negative refused, above 100 needs an explanation', () => {
    expect(failing((c) => (c.results.items[0].completionRate = '-1'))[0].findings).toEqual([
      { path: 'results.items.0.completionRate', message: '第 1 项完成率 -1% 不能为负数' },
    ]);
    expect(failing((c) => (c.results.items[1].completionRate = '105'))[0].findings).toEqual([
      { path: 'results.items.1.explanation', message: '第 2 项完成率 105% 超过 100%，请说明原因' },
    ]);
    expect(
      failing((c) => ((c.results.items[1].completionRate = '105'), (c.results.items[1].explanation = '追加任务'))),
    ).toEqual([]);
  });

  it('results.cover-every-goal warns when counts differ', () => {
    expect(failing((c) => c.goals.items.push({ text: '第三个目标' }))).toEqual([
      {
        ruleId: 'results.cover-every-goal',
        severity: 'warning',
        findings: [{ path: 'results.items', message: '绩效目标有 3 项，分项实现情况有 2 项，请核对是否逐项说明' }],
      },
    ]);
  });

  it('report.required-fields lists what is missing, each on its field', () => {
    const result = failing((c) => {
      c.basicInfo.functions = ['  '];
      // an indicator not measured: its formula cannot be checked, but the field is required
      c.scoreTable.indicators[1].actual = '';
      c.conclusion.grade = null;
      c.problems.measures = '';
    });
    expect(result).toEqual([
      {
        ruleId: 'report.required-fields',
        severity: 'error',
        findings: [
          { path: 'basicInfo.functions', message: '请填写部门职能' },
          { path: 'conclusion.grade', message: '请填写评价等级' },
          { path: 'problems.measures', message: '请填写改进措施' },
          { path: 'scoreTable.indicators.1.actual', message: '请填写第 2 个指标的实际完成值' },
        ],
      },
    ]);
  });

  it('team.has-members needs at least one complete member', () => {
    expect(failing((c) => (c.team.members = []))).toEqual([
      {
        ruleId: 'team.has-members',
        severity: 'error',
        findings: [{ path: 'team.members', message: '评价工作组至少需要一名成员' }],
      },
    ]);
    expect(
      failing((c) => c.team.members.push({ name: '李四', unit: '', position: '', title: '' }))[0].findings,
    ).toEqual([{ path: 'team.members.1', message: '第 2 名成员的姓名、工作单位和职务均需填写' }]);
  });

  it('header.title-year warns about a stale year in the title', () => {
    expect(failing((c) => (c.header.title = '2024年度整体支出绩效自评报告'))).toEqual([
      {
        ruleId: 'header.title-year',
        severity: 'warning',
        findings: [{ path: 'header.title', message: '标题写的是 2024 年，报告年度为 2025 年' }],
      },
    ]);
  });

  it('an empty draft is blocked, and says what to fill in', () => {
    const draft = validReport();
    draft.budget.expenditure.project = { budget: null, actual: null };
    draft.budget.lines = [];
    const summary = runChecks(draft, contextFor());
    expect(summary.blocking).toBe(true);
    expect(summary.errors).toBe(2);
    expect(summary.warnings).toBe(0);
  });
});

describe('project table rules (项目支出绩效自评表)', () => {
  const projectFailing = (mutate: (c: ProjectReportContent) => void, context: Partial<RuleContext> = {}) =>
    failuresOf(checkProjectMutated(mutate, context));

  it('the project fixture passes every rule', () => {
    expect(projectFailing(() => undefined)).toEqual([]);
  });

  it('runs the 绩效自评表 and conclusion rules of the overall report, on the same paths', () => {
    const ids = PROJECT_RULES.map((r) => r.id);
    for (const id of OVERALL_RULES.map((r) => r.id).filter(
      (i) => i.startsWith('scoreTable.') || i.startsWith('conclusion.'),
    )) {
      // the one overall-only table rule compares with section (二), which a project table does not have
      if (id === 'scoreTable.funding-matches-budget') expect(ids).not.toContain(id);
      else expect(ids).toContain(id);
    }
    expect(projectFailing((c) => (c.scoreTable.funding.score = '10')).map((r) => r.ruleId)).toEqual([
      'scoreTable.execution-score',
      'conclusion.score-equals-table',
    ]);
  });

  it('report.required-fields names what a project table lacks, each on its field', () => {
    expect(
      projectFailing((c) => {
        c.projectInfo.implementingUnit = ' ';
        c.objectives.items[0].actual = '';
        c.scoreTable.indicators[2].actual = '';
        c.scoreTable.indicators[2].level2 = '';
        c.preparers.phone = '';
      }),
    ).toEqual([
      {
        ruleId: 'report.required-fields',
        severity: 'error',
        findings: [
          { path: 'projectInfo.implementingUnit', message: '请填写实施单位' },
          { path: 'objectives.items.0.actual', message: '请填写第 1 项目标的实际完成情况' },
          { path: 'scoreTable.indicators.2.actual', message: '请填写第 3 个指标的实际完成值' },
          { path: 'scoreTable.indicators.2.level2', message: '请填写第 3 个指标的二级指标' },
          { path: 'preparers.phone', message: '请填写联系电话' },
        ],
      },
    ]);
  });

  it('a new project table is blocked until the table is filled in', () => {
    const summary = runChecks(
      emptyProjectContent({ departmentName: '某县文化馆', project: { code: 'X1', name: '某项目' } }),
      contextFor(),
    );
    expect(summary.blocking).toBe(true);
    expect(summary.results.find((r) => r.ruleId === 'report.required-fields')?.findings.map((f) => f.path)).toEqual([
      'objectives.items',
      'scoreTable.funding.total.adjustedBudget',
      'scoreTable.funding.total.executed',
      'scoreTable.indicators',
      'conclusion.totalScore',
      'conclusion.grade',
      'preparers.preparer',
      'preparers.phone',
    ]);
  });

  it('last year’s report of another kind is not compared', () => {
    const overall = validReport();
    overall.basicInfo.assets.current = { totalAssets: '1', totalLiabilities: '0', netAssets: '1' };
    expect(projectFailing(() => undefined, { previousYear: { fiscalYear: 2024, content: overall } })).toEqual([]);
    expect(failing(() => undefined, { previousYear: { fiscalYear: 2024, content: validProjectReport() } })).toEqual([]);
  });
});
