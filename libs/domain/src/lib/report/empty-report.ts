import { REPORT_SCHEMA_VERSION, type FundingColumns, type ReportContent } from './schema';

const noFunding = (): FundingColumns => ({ initialBudget: null, adjustedBudget: null, executed: null });

/** A new draft: everything empty but what the system knows (department, year, its own org unit). */
export function emptyReportContent(input: {
  departmentName: string;
  fiscalYear: number;
  orgUnit?: { nature: string | null; level: string | null; fundingForm: string | null };
}): ReportContent {
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    header: {
      attachmentLabel: '',
      departmentName: input.departmentName,
      title: `${input.fiscalYear}年度整体支出绩效自评报告`,
      policyIssuer: '',
      policyTitle: '',
      policyNumber: '',
      principles: '科学性、规范性、客观性和公正性',
    },
    basicInfo: {
      functions: [],
      orgUnits: input.orgUnit
        ? [
            {
              name: input.departmentName,
              nature: input.orgUnit.nature ?? '',
              level: input.orgUnit.level ?? '',
              fundingForm: input.orgUnit.fundingForm ?? '',
            },
          ]
        : [],
      staffing: {
        category: '',
        asOf: `${input.fiscalYear}年年底`,
        headcount: null,
        previousHeadcount: null,
        changeReason: '',
      },
      assets: {
        asOf: `${input.fiscalYear}年12月31日`,
        valuationBasis: '账面净值',
        current: null,
        previous: null,
        yoy: { totalAssets: null, totalLiabilities: null, netAssets: null },
      },
    },
    budget: { projectBudgetTotal: null, lines: [], projectSpent: null },
    goals: { items: [] },
    selfEvaluation: { organization: '', methodAndProcess: '' },
    results: { overall: '', items: [] },
    conclusion: { totalScore: null, grade: null, basis: '根据项目执行情况和项目绩效情况' },
    problems: { problems: '', measures: '' },
    team: { members: [] },
    scoreTable: {
      funding: {
        total: noFunding(),
        currentYearAppropriation: noFunding(),
        carryover: noFunding(),
        other: noFunding(),
        executionRate: null,
        weight: '10',
        score: null,
        deviationNote: '',
      },
      indicators: [],
    },
  };
}
