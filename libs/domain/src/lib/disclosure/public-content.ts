import type {
  ConclusionPart,
  Indicator,
  OverallReportContent,
  ProjectReportContent,
  ReportContent,
  ScoreTablePart,
} from '../report/schema';
import { maskContactText } from './contact-mask';

/**
 * The public version of a report (随决算公开): an explicit allow-list of what is shown, built field by
 * field, so a field added to the schema later (a re-score, a reviewer's note) stays out until it is
 * listed here. Comments, revisions and re-scores live outside the content and never reach it.
 *
 * Left out or masked:
 * - 评价工作组 (部门整体): members' names (unit, position and title stay: they are offices, not people);
 * - 填报信息 (项目支出): 填表人, 联系电话, 单位负责人, 财务负责人 (only 填报日期 stays);
 * - in every free text: mobile and landline numbers, e-mail addresses, and what follows 联系人/联系电话/
 *   电话/手机/邮箱/传真 (maskContactText);
 * - each indicator's 佐证材料 (evidence: internal working papers) and its 指标库 link;
 * - the approval block's approver name (the document carries the disclosure date instead).
 */
export function publicReportContent(content: ReportContent): ReportContent {
  return content.kind === 'project' ? publicProject(content) : publicOverall(content);
}

const t = maskContactText;

function publicOverall(c: OverallReportContent): OverallReportContent {
  const { header: h, basicInfo: b, budget: m } = c;
  return {
    kind: 'department_overall',
    schemaVersion: c.schemaVersion,
    header: {
      attachmentLabel: t(h.attachmentLabel),
      departmentName: t(h.departmentName),
      title: t(h.title),
      policyIssuer: t(h.policyIssuer),
      policyTitle: t(h.policyTitle),
      policyNumber: t(h.policyNumber),
      principles: t(h.principles),
    },
    basicInfo: {
      functions: b.functions.map(t),
      orgUnits: b.orgUnits.map((u) => ({
        name: t(u.name),
        nature: t(u.nature),
        level: t(u.level),
        fundingForm: t(u.fundingForm),
      })),
      staffing: {
        asOf: t(b.staffing.asOf),
        categories: b.staffing.categories.map((s) => ({
          category: t(s.category),
          authorized: s.authorized,
          actual: s.actual,
        })),
        previousHeadcount: b.staffing.previousHeadcount,
        changeReason: t(b.staffing.changeReason),
      },
      assets: {
        asOf: t(b.assets.asOf),
        valuationBasis: t(b.assets.valuationBasis),
        current: b.assets.current && { ...pickAssets(b.assets.current) },
        previous: b.assets.previous && { ...pickAssets(b.assets.previous) },
        yoy: {
          totalAssets: b.assets.yoy.totalAssets,
          totalLiabilities: b.assets.yoy.totalLiabilities,
          netAssets: b.assets.yoy.netAssets,
        },
      },
    },
    budget: {
      income: {
        appropriation: pa(m.income.appropriation),
        other: pa(m.income.other),
        total: pa(m.income.total),
      },
      carryover: m.carryover,
      expenditure: {
        personnel: pa(m.expenditure.personnel),
        publicExpense: pa(m.expenditure.publicExpense),
        basic: pa(m.expenditure.basic),
        project: pa(m.expenditure.project),
        total: pa(m.expenditure.total),
      },
      lines: m.lines.map((l) => ({
        name: t(l.name),
        amount: l.amount,
        spent: l.spent,
        documentNumber: t(l.documentNumber),
      })),
    },
    goals: { items: c.goals.items.map((g) => ({ text: t(g.text) })) },
    selfEvaluation: {
      organization: t(c.selfEvaluation.organization),
      methodAndProcess: t(c.selfEvaluation.methodAndProcess),
    },
    results: {
      overall: t(c.results.overall),
      items: c.results.items.map((i) => ({
        text: t(i.text),
        completionRate: i.completionRate,
        explanation: t(i.explanation),
      })),
    },
    conclusion: publicConclusion(c.conclusion),
    problems: { problems: t(c.problems.problems), measures: t(c.problems.measures) },
    // names are people's: the team is shown by office only
    team: {
      members: c.team.members.map((m) => ({ name: '', unit: t(m.unit), position: t(m.position), title: t(m.title) })),
    },
    scoreTable: publicScoreTable(c.scoreTable),
  };
}

function publicProject(c: ProjectReportContent): ProjectReportContent {
  return {
    kind: 'project',
    schemaVersion: c.schemaVersion,
    projectInfo: {
      name: t(c.projectInfo.name),
      code: c.projectInfo.code,
      supervisingDepartment: t(c.projectInfo.supervisingDepartment),
      implementingUnit: t(c.projectInfo.implementingUnit),
    },
    objectives: { items: c.objectives.items.map((o) => ({ expected: t(o.expected), actual: t(o.actual) })) },
    scoreTable: publicScoreTable(c.scoreTable),
    conclusion: publicConclusion(c.conclusion),
    // who filled it in and how to reach them: people's names and a phone number
    preparers: { preparer: '', phone: '', filledOn: c.preparers.filledOn, unitHead: '', financeHead: '' },
  };
}

function pickAssets(a: { totalAssets: string; totalLiabilities: string; netAssets: string }) {
  return { totalAssets: a.totalAssets, totalLiabilities: a.totalLiabilities, netAssets: a.netAssets };
}

function pa(v: { budget: string | null; actual: string | null }) {
  return { budget: v.budget, actual: v.actual };
}

function publicConclusion(c: ConclusionPart): ConclusionPart {
  return { totalScore: c.totalScore, grade: c.grade, basis: t(c.basis) };
}

function publicScoreTable(s: ScoreTablePart): ScoreTablePart {
  const f = s.funding;
  const columns = (v: typeof f.total) => ({
    initialBudget: v.initialBudget,
    adjustedBudget: v.adjustedBudget,
    executed: v.executed,
  });
  return {
    funding: {
      total: columns(f.total),
      currentYearAppropriation: columns(f.currentYearAppropriation),
      carryover: columns(f.carryover),
      other: columns(f.other),
      executionRate: f.executionRate,
      weight: f.weight,
      score: f.score,
      deviationNote: t(f.deviationNote),
    },
    indicators: s.indicators.map(publicIndicator),
  };
}

function publicIndicator(i: Indicator): Indicator {
  return {
    level1: t(i.level1),
    level2: t(i.level2),
    level3: t(i.level3),
    nature: i.nature,
    target: t(i.target),
    unit: t(i.unit),
    actual: t(i.actual),
    weight: i.weight,
    score: i.score,
    deviationNote: t(i.deviationNote),
    // working papers, not for the public
    evidence: '',
  };
}
