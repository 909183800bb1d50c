import { emptyProjectContent, emptyReportContent } from './empty-report';
import { defaultTemplate, type TemplateDefinition } from '../template';
import type { OverallReportContent, ProjectReportContent, ReportContent } from './schema';
import { runChecks, type CheckSummary } from './rules/index';
import type { RuleContext, RuleResult } from './rules/rule';
import { DEFAULT_GRADE_BANDS } from './grades';

/** A small complete report on which every rule passes; each rule test breaks one thing. */
export function validReport(): OverallReportContent {
  const c = emptyReportContent({
    departmentName: '某县文化馆',
    fiscalYear: 2025,
    orgUnit: { nature: '事业', level: '股级', fundingForm: '财政拨款' },
  });
  c.header.attachmentLabel = '附件4';
  c.header.policyIssuer = '县委、县政府';
  c.header.policyTitle = '全面落实预算绩效管理的实施意见';
  c.header.policyNumber = '[2019]77';
  c.basicInfo.functions = ['负责全县群众文化活动。'];
  c.basicInfo.staffing = {
    asOf: '2025年年底',
    categories: [{ category: '事业人员', authorized: 14, actual: 12 }],
    previousHeadcount: 12,
    changeReason: '',
  };
  c.basicInfo.assets.current = { totalAssets: '120.5', totalLiabilities: '20.5', netAssets: '100' };
  c.basicInfo.assets.previous = { totalAssets: '100', totalLiabilities: '20', netAssets: '80' };
  c.basicInfo.assets.yoy = { totalAssets: '20.5', totalLiabilities: '2.5', netAssets: '25' };
  c.budget = {
    income: {
      appropriation: { budget: '180.25', actual: '182.3' },
      other: { budget: '0', actual: '1.2' },
      total: { budget: '180.25', actual: '183.5' },
    },
    carryover: '3.5',
    expenditure: {
      personnel: { budget: '120', actual: '121.8' },
      publicExpense: { budget: '30', actual: '29.7' },
      basic: { budget: '150', actual: '151.5' },
      project: { budget: '30.25', actual: '29.5' },
      total: { budget: '180.25', actual: '181' },
    },
    lines: [
      { name: '群众文化活动经费', amount: '20.2', spent: '19.7', documentNumber: '' },
      { name: '非遗保护专项资金', amount: '10.05', spent: '9.8', documentNumber: '冀财教【2024】12号' },
    ],
  };
  c.goals.items = [{ text: '举办群众文化活动。' }, { text: '保护非物质文化遗产。' }];
  c.selfEvaluation = { organization: '成立自评小组。', methodAndProcess: '逐项检查。' };
  c.results = {
    overall: '总体完成。',
    items: [
      { text: '举办活动 12 场。', completionRate: '100', explanation: '' },
      { text: '完成非遗普查。', completionRate: '95', explanation: '' },
    ],
  };
  c.problems = { problems: '宣传不足。', measures: '加强宣传。' };
  c.team.members = [{ name: '张三', unit: '某县文化馆', position: '馆长', title: '' }];
  // the whole year's money, as section (二) states it in 支出合计
  c.scoreTable.funding = {
    total: { initialBudget: '180.25', adjustedBudget: '185', executed: '181' },
    currentYearAppropriation: { initialBudget: '180.25', adjustedBudget: '183.8', executed: '179.8' },
    carryover: { initialBudget: '0', adjustedBudget: '0', executed: '0' },
    other: { initialBudget: '0', adjustedBudget: '1.2', executed: '1.2' },
    executionRate: '97.84',
    weight: '10',
    score: '9.78',
    deviationNote: '',
  };
  c.scoreTable.indicators = [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '文化活动场次',
      nature: '>=',
      target: '12',
      unit: '场',
      actual: '12',
      weight: '40',
      score: '40',
      deviationNote: '',
      evidence: '活动记录',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '非遗项目普查完成率',
      nature: '>=',
      target: '100',
      unit: '%',
      actual: '95',
      weight: '40',
      score: '38',
      deviationNote: '个别项目传承人外出',
      evidence: '',
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      level3: '群众满意度',
      nature: '>=',
      target: '90',
      unit: '%',
      actual: '92',
      weight: '10',
      score: '10',
      deviationNote: '',
      evidence: '问卷',
    },
  ];
  c.conclusion = { totalScore: '97.78', grade: 'excellent', basis: '根据项目执行情况和项目绩效情况' };
  return c;
}

/** A small complete 项目支出绩效自评表 on which every rule passes. */
export function validProjectReport(): ProjectReportContent {
  const c = emptyProjectContent({
    departmentName: '某县文化馆',
    project: { code: '13013325T000000000012', name: '非遗保护专项资金' },
  });
  c.objectives.items = [{ expected: '完成全县非遗项目普查。', actual: '完成普查 95%。' }];
  c.scoreTable.funding = {
    total: { initialBudget: '10.05', adjustedBudget: '10.05', executed: '9.8' },
    currentYearAppropriation: { initialBudget: '10.05', adjustedBudget: '10.05', executed: '9.8' },
    carryover: { initialBudget: '0', adjustedBudget: '0', executed: '0' },
    other: { initialBudget: '0', adjustedBudget: '0', executed: '0' },
    executionRate: '97.51',
    weight: '10',
    score: '9.75',
    deviationNote: '',
  };
  c.scoreTable.indicators = [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '非遗项目普查完成率',
      nature: '>=',
      target: '100',
      unit: '%',
      actual: '95',
      weight: '50',
      score: '47.5',
      deviationNote: '个别项目传承人外出',
      evidence: '',
    },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '非遗保护意识提升',
      nature: 'qualitative',
      target: '明显提升',
      unit: '',
      actual: '基本实现',
      weight: '30',
      score: '27',
      deviationNote: '宣传覆盖面不足',
      evidence: '',
    },
    {
      level1: '满意度指标',
      level2: '服务对象满意度指标',
      level3: '传承人满意度',
      nature: '>=',
      target: '90',
      unit: '%',
      actual: '92',
      weight: '10',
      score: '10',
      deviationNote: '',
      evidence: '问卷',
    },
  ];
  c.conclusion = { totalScore: '94.25', grade: 'excellent', basis: '' };
  c.preparers = {
    preparer: '李四',
    phone: '0311-8000000',
    filledOn: '2026-04-10',
    unitHead: '张三',
    financeHead: '王五',
  };
  return c;
}

/**
 * The sample's 河北 template with a framework the small fixture meets (产出 40, 效益 40): the fixture is
 * about arithmetic, the framework rules have tests of their own.
 */
export const FIXTURE_TEMPLATE: TemplateDefinition = {
  ...defaultTemplate('department_overall'),
  framework: {
    executionWeight: '10',
    level1: [
      { name: '产出指标', weight: '40', requiredLevel2: ['数量指标'] },
      { name: '效益指标', weight: '40', requiredLevel2: [] },
      { name: '满意度指标', weight: '10', requiredLevel2: [] },
    ],
    enforcement: 'error',
  },
};

export function contextFor(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    fiscalYear: 2025,
    gradeBands: DEFAULT_GRADE_BANDS,
    previousYear: null,
    template: FIXTURE_TEMPLATE,
    ...overrides,
  };
}

/** Runs every rule on the fixture changed by `mutate`. */
export function checkMutated(
  mutate: (c: OverallReportContent) => void,
  context: Partial<RuleContext> = {},
): CheckSummary {
  const content = validReport();
  mutate(content);
  return runChecks(content, contextFor(context));
}

/** Runs every rule on the fixture changed by `mutate`; returns the result of one rule. */
export function check(
  ruleId: string,
  mutate: (c: OverallReportContent) => void,
  context: Partial<RuleContext> = {},
): RuleResult {
  const result = checkMutated(mutate, context).results.find((r) => r.ruleId === ruleId);
  if (!result) throw new Error(`no rule ${ruleId}`);
  return result;
}

/** Runs every rule on the project fixture changed by `mutate`. */
export function checkProjectMutated(
  mutate: (c: ProjectReportContent) => void,
  context: Partial<RuleContext> = {},
): CheckSummary {
  const content = validProjectReport();
  mutate(content);
  return runChecks(content, contextFor(context));
}

/** The failing rules' findings, for a test to compare as a whole. */
export function failuresOf(summary: CheckSummary) {
  return summary.results
    .filter((r) => !r.passed)
    .map((r) => ({ ruleId: r.ruleId, severity: r.severity, findings: r.findings }));
}

export type { ReportContent };
