import { contextFor, validProjectReport, validReport } from '../fixture.spec-helper';
import type { OverallReportContent, ProjectReportContent, ReportContent } from '../schema';
import { defaultTemplate } from '../../template/builtins';
import { runChecks } from './index';
import type { RuleContext } from './rule';

/** The sample's sentences (赵县总工会 2024, docs/samples/zhaoxian-union-2024.txt), word for word. */
const STAFF = '截至 2024 年年底，我单位实有行政人员 4 人，与 2023 年相比较减少 1 人。';
const ASSETS =
  '资产情况：截至 2024 年 12 月 31 日，我单位资产总额（账面净值）400.21 万元，较上年减少 1.9%。负债总额 0.00 万元, 较上年减少 0%。净资产 400.21 万元 ,较上年减少 1.9%';
const BUDGET =
  '2024 年年初项目预算 178.646 万元，其中上解市总工会经费 47 万元，俱乐部人员补助经费 82 万元，一线职工送温暖、送清凉 1 万元，大型节日文体活动举办经费 2 万元，劳模体检费 2.82 万元，全县会员保险费 5 万元，赵县总工会职工服务中心养老保险和职业年金单位缴纳部分 10 万元，关于提前下达 2024 年困难职工及劳模帮扶救助专项资金的通知（冀财行【2023】98 号）10.336 万元，关于下达 2024 年市级困难职工及劳模帮扶救助专项资金的通知（石财行【2024】25 号）18.49 万元，当年项目支出 178.646 万元。';
const CONCLUSION = '根据项目执行情况和项目绩效情况，总得分 95 分，等级为优秀。';
/** Sentences whose numbers name no structured figure: the 事业单位's own staff, shares, a rate per head. */
const UNRELATED = [
  '赵县总工会职工服务中心是总工会的事业单位，其中在职人员 6人，2024 年养老保险和职业年金单位应缴金额 10万元；',
  '按级留成和管理经费，基层留 60%，市、县、工会留用 25%，省总工会留用 10%，上解全总 5%的比例逐级上解；',
  '市总工会按照数据库中核实的名单以每人 5 元的标准支付项目资金。总体完成率 100%。',
  '省财政厅拨付我单位 2024 年困难职工及劳模帮扶救助专项资金 10.336 万元',
];

const LINES = ['47', '82', '1', '2', '2.82', '5', '10', '10.336', '18.49'];

/** The fixture with the sample's figures (its 2024 assets, staff, project money and total) and its sentences. */
function sampleLike(): OverallReportContent {
  const c = validReport();
  c.header.departmentName = '赵县总工会';
  c.basicInfo.orgUnits = [{ name: '赵县总工会', nature: '行政', level: '正科级', fundingForm: '财政拨款' }];
  c.basicInfo.staffing = {
    asOf: '2024年年底',
    categories: [{ category: '行政人员', authorized: null, actual: 4 }],
    previousHeadcount: 5,
    changeReason: STAFF,
  };
  c.basicInfo.assets.current = { totalAssets: '400.21', totalLiabilities: '0.00', netAssets: '400.21' };
  c.basicInfo.assets.previous = { totalAssets: '407.95', totalLiabilities: '0.00', netAssets: '407.95' };
  c.basicInfo.assets.yoy = { totalAssets: '-1.9', totalLiabilities: '0', netAssets: '-1.9' };
  c.basicInfo.functions = [ASSETS];
  c.budget.expenditure.project = { budget: '178.646', actual: '178.646' };
  c.budget.lines = LINES.map((amount, i) => ({ name: `项目${i}`, amount, spent: null, documentNumber: '' }));
  c.scoreTable.funding.total = { initialBudget: '178.646', adjustedBudget: '178.646', executed: '178.646' };
  c.goals.items = [{ text: UNRELATED[0] }, { text: UNRELATED[1] }];
  c.results.overall = BUDGET;
  c.results.items = [
    { text: UNRELATED[2], completionRate: '100', explanation: '' },
    { text: UNRELATED[3], completionRate: '100', explanation: '' },
  ];
  c.conclusion = { totalScore: '95', grade: 'excellent', basis: CONCLUSION };
  return c;
}

/** The findings of the prose rules only (the fixture's other rules are not what these tests are about). */
function prose(content: ReportContent, context: Partial<RuleContext> = {}) {
  return runChecks(content, contextFor({ fiscalYear: 2024, ...context }))
    .results.filter((r) => r.ruleId.startsWith('prose.'))
    .flatMap((r) => r.findings.map((f) => ({ ruleId: r.ruleId, severity: r.severity, ...f })));
}

function withSample(mutate: (c: OverallReportContent) => void) {
  const c = sampleLike();
  mutate(c);
  return prose(c);
}

describe('prose numbers agree with the structured figures', () => {
  it('the sample’s sentences agree with its figures: no warning', () => {
    expect(prose(sampleLike())).toEqual([]);
  });

  it('the prose rules run on the 部门整体 report and the 项目 table', () => {
    const ids = (content: ReportContent) =>
      runChecks(content, contextFor())
        .results.map((r) => r.ruleId)
        .filter((id) => id.startsWith('prose.'));
    expect(ids(validReport())).toEqual([
      'prose.assets-agree',
      'prose.staffing-agree',
      'prose.org-units-agree',
      'prose.budget-agree',
      'prose.score-agree',
    ]);
    expect(ids(validProjectReport())).toEqual(['prose.budget-agree', 'prose.score-agree']);
  });

  it('净资产: one warning naming both numbers and both places, at the prose field', () => {
    const findings = withSample((c) => (c.basicInfo.functions = [ASSETS.replace('净资产 400.21', '净资产 412.21')]));
    expect(findings).toEqual([
      {
        ruleId: 'prose.assets-agree',
        severity: 'warning',
        path: 'basicInfo.functions.0',
        message:
          '正文（部门职能第 1 段）“净资产 412.21 万元”与资产情况表中的净资产 400.21 万元不一致（部门基本情况 · 资产情况）',
        remedy: '核对后改正正文中的数字，或改正部门基本情况 · 资产情况中的数据',
      },
    ]);
  });

  it('比上年减少 x%: compared with the exact change to the stated precision', () => {
    const findings = withSample(
      (c) => (c.basicInfo.functions = [ASSETS.replace('较上年减少 1.9%。负债', '较上年减少 2.9%。负债')]),
    );
    expect(findings.map((f) => f.message)).toEqual([
      '正文（部门职能第 1 段）“较上年减少 2.9%”与资产情况表中资产总额的同比变化（减少 1.9%；本年 400.21 万元，上年 407.95 万元）不一致（部门基本情况 · 资产情况）',
    ]);
    // 增加 where the figures fell is a mismatch too, though the digits are the same
    expect(
      withSample(
        (c) => (c.basicInfo.functions = [ASSETS.replace('400.21 万元 ,较上年减少', '400.21 万元 ,较上年增加')]),
      ),
    ).toHaveLength(1);
    // 2 % agrees with −1.897…% at no decimals, 1.90 % does not at two (−1.90 is right, −1.897 rounds to −1.90)
    expect(withSample((c) => (c.basicInfo.functions = [`净资产较上年减少 2%`]))).toEqual([]);
    expect(withSample((c) => (c.basicInfo.functions = [`净资产较上年减少 1.89%`]))).toHaveLength(1);
  });

  it('在职人数 and 比上年减少 N 人 against the staffing table', () => {
    expect(
      withSample((c) => (c.basicInfo.staffing.changeReason = STAFF.replace('4 人', '5 人'))).map((f) => f.message),
    ).toEqual([
      '正文（人员变动情况及原因）“实有行政人员 5 人”与人员情况中行政人员的实有人数 4 人不一致（部门基本情况 · 人员情况）',
    ]);
    expect(
      withSample((c) => (c.basicInfo.staffing.changeReason = STAFF.replace('减少 1 人', '减少 2 人'))).map(
        (f) => f.message,
      ),
    ).toEqual([
      '正文（人员变动情况及原因）“与 2023 年相比较减少 2 人”与人员情况中的人数变化（减少 1 人；年末实有 4 人，上年 5 人）不一致（部门基本情况 · 人员情况）',
    ]);
    expect(withSample((c) => (c.results.overall = '在职人数4人。'))).toEqual([]);
    expect(withSample((c) => (c.results.overall = '在职人数5人。'))[0].ruleId).toBe('prose.staffing-agree');
  });

  it('下设 N 个单位 against 部门机构设置情况, counting the department’s own row or not', () => {
    const units = (c: OverallReportContent) =>
      (c.basicInfo.orgUnits = ['赵县总工会', '赵县总工会职工服务中心', '赵县职工俱乐部'].map((name) => ({
        name,
        nature: '事业',
        level: '',
        fundingForm: '',
      })));
    expect(withSample((c) => (units(c), (c.results.overall = '本部门下设2个二级单位。')))).toEqual([]);
    expect(withSample((c) => (units(c), (c.results.overall = '本部门共包括3个单位。')))).toEqual([]);
    const wrong = withSample((c) => (units(c), (c.results.overall = '本部门下设三个单位。')));
    expect(wrong).toHaveLength(0); // 3 rows: 3 units counting the department itself
    const four = withSample((c) => (units(c), (c.results.overall = '本部门下设4个单位。')));
    expect(four.map((f) => f.message)).toEqual([
      '正文（总体绩效目标实现情况）“下设4个单位”与部门机构设置情况表中的单位数 3 个不一致（部门基本情况 · 机构设置）',
    ]);
    // 下设三个科室 names no unit of the table
    expect(withSample((c) => (units(c), (c.results.overall = '机关下设5个科室。')))).toEqual([]);
  });

  it('项目预算 and 执行率 against section (二) and the 绩效自评表', () => {
    expect(
      withSample((c) => (c.results.overall = BUDGET.replace('年初项目预算 178.646', '年初项目预算 178.65'))).map(
        (f) => f.message,
      ),
    ).toEqual([
      '正文（总体绩效目标实现情况）“年初项目预算 178.65 万元”与收支预决算情况中的年初项目预算 178.646 万元不一致（（二）部门收支预决算情况）',
    ]);
    expect(withSample((c) => (c.problems.problems = '预算执行率100%。'))).toEqual([]);
    expect(withSample((c) => (c.problems.problems = '预算执行率99.5%。'))).toEqual([
      expect.objectContaining({
        ruleId: 'prose.budget-agree',
        path: 'problems.problems',
        message: '正文（存在的问题）“预算执行率99.5%”与绩效自评表中的执行率 100.00%不一致（绩效自评表 · 年度资金总额）',
      }),
    ]);
    // section (二)'s figures: either column may be meant
    expect(withSample((c) => (c.results.overall = '人员经费 121.8 万元，公用经费 30 万元。'))).toEqual([]);
    expect(withSample((c) => (c.results.overall = '人员经费 125 万元。')).map((f) => f.message)).toEqual([
      '正文（总体绩效目标实现情况）“人员经费 125 万元”与收支预决算情况中的人员经费（年初预算数 120 万元，决算数 121.8 万元）均不一致（（二）部门收支预决算情况）',
    ]);
    // a 项目预算 that is one budget line's is not a mismatch
    expect(withSample((c) => (c.results.overall = '劳模帮扶项目预算 18.49 万元。'))).toEqual([]);
  });

  it('总得分 against the conclusion', () => {
    expect(
      withSample((c) => (c.conclusion.basis = CONCLUSION.replace('95', '96'))).map((f) => [f.ruleId, f.message]),
    ).toEqual([
      ['prose.score-agree', '正文（评价结论）“总得分 96 分”与评价结论中的总得分 95 分不一致（四、评价结论和评价等级）'],
    ]);
  });

  it('元 and 万元 are compared after conversion, never flagged when equal', () => {
    expect(withSample((c) => (c.results.overall = '净资产4,002,100元，年初项目预算1786460元。'))).toEqual([]);
    expect(withSample((c) => (c.results.overall = '净资产4,002,000元。'))).toEqual([
      expect.objectContaining({
        message:
          '正文（总体绩效目标实现情况）“净资产4,002,000元”与资产情况表中的净资产 400.21 万元（4,002,100 元）不一致（部门基本情况 · 资产情况）',
      }),
    ]);
  });

  it('numbers that name no structured figure are left alone', () => {
    expect(
      withSample((c) => {
        c.results.overall =
          '举办活动 12 场，培训 300 人次，受益职工 1,200 人，慰问困难职工 35 人，发放慰问金 3.5 万元，约400万元的资产。';
        c.problems.measures = '专项资金 10.336 万元全部发放；较上年增加 3 个活动。';
      }),
    ).toEqual([]);
  });

  it('a date or a document number is not taken as the figure', () => {
    // a reader taking 2024 or 98 as the 项目预算 would warn here
    expect(
      withSample((c) => (c.results.overall = '年初项目预算依据冀财行【2023】98号文件下达，2024 年为 178.646 万元。')),
    ).toEqual([]);
    expect(withSample((c) => (c.results.overall = '年初项目预算 2024 年为 178.646 万元。'))).toEqual([]);
    expect(withSample((c) => (c.results.overall = '净资产截至 2024 年 12 月 31 日为 400.21 万元。'))).toEqual([]);
  });

  it('a comparison with another year than the last is not checked', () => {
    expect(withSample((c) => (c.results.overall = '净资产 400.21 万元，与 2020 年相比减少 30%。'))).toEqual([]);
  });

  it('the 项目 table: 项目资金, 执行数 and 执行率 of its own funding', () => {
    const project = (text: string) => {
      const c: ProjectReportContent = validProjectReport();
      c.objectives.items[0].actual = text;
      return prose(c);
    };
    expect(project('项目资金10.05万元，全年执行数9.8万元，执行率97.51%，总得分94.25分。')).toEqual([]);
    expect(project('项目资金10.5万元，全年执行数9.8万元。')).toEqual([
      expect.objectContaining({
        ruleId: 'prose.budget-agree',
        path: 'objectives.items.0.actual',
        message:
          '正文（年度总体目标第 1 项的实际完成情况）“项目资金10.5万元”与项目资金和绩效指标中的年度资金总额（全年预算数 10.05 万元，年初预算数 10.05 万元）均不一致（项目资金）',
      }),
    ]);
    // 9.8 ÷ 10.05 = 97.512…%: 98% and 97.5% agree at their own precision, 97.6% does not
    expect(project('执行率98%，执行率97.5%。')).toEqual([]);
    expect(project('执行率97.6%。')).toHaveLength(1);
  });

  it('a county can switch a prose rule off or raise it, as any rule', () => {
    const content = sampleLike();
    content.results.overall = '净资产 412.21 万元。';
    const template = defaultTemplate('department_overall');
    expect(prose(content, { template })).toHaveLength(1);
    expect(prose(content, { template: { ...template, rules: { 'prose.assets-agree': { enabled: false } } } })).toEqual(
      [],
    );
    expect(
      prose(content, {
        template: { ...template, rules: { 'prose.assets-agree': { enabled: true, severity: 'error' } } },
      })[0].severity,
    ).toBe('error');
  });
});
