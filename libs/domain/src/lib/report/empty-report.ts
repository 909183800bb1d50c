import { expandTitle } from '../template/outline';
import {
  OVERALL_SCHEMA_VERSION,
  PROJECT_SCHEMA_VERSION,
  type FundingColumns,
  type OverallReportContent,
  type PlannedActual,
  type ProjectReportContent,
  type ScoreTablePart,
} from './schema';

const noFunding = (): FundingColumns => ({ initialBudget: null, adjustedBudget: null, executed: null });
const nothing = (): PlannedActual => ({ budget: null, actual: null });

/** The 绩效自评表 of a new draft: no money, no indicators, the 预算执行率 row worth 10 (财预〔2020〕10号). */
export function emptyScoreTable(): ScoreTablePart {
  return {
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
  };
}

/** A new 部门整体 draft: everything empty but what the system knows (department, year, its own org unit). */
/** What a county's template says of a new report's heading: its 附件 label and its title's pattern. */
export interface DraftDocument {
  attachmentLabel: string;
  titlePattern: string;
}

/** The sample's title (河北): 「2024年度整体支出绩效自评报告」 under 「赵县总工会部门」. */
const DEFAULT_TITLE_PATTERN = '{年度}年度整体支出绩效自评报告';

export function emptyReportContent(input: {
  departmentName: string;
  fiscalYear: number;
  orgUnit?: { nature: string | null; level: string | null; fundingForm: string | null };
  /** the template's heading; without one, the sample's title and no 附件 label */
  document?: DraftDocument;
}): OverallReportContent {
  return {
    kind: 'department_overall',
    schemaVersion: OVERALL_SCHEMA_VERSION,
    header: {
      attachmentLabel: input.document?.attachmentLabel ?? '',
      departmentName: input.departmentName,
      title: expandTitle(input.document?.titlePattern ?? DEFAULT_TITLE_PATTERN, input),
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
      staffing: { asOf: `${input.fiscalYear}年年底`, categories: [], previousHeadcount: null, changeReason: '' },
      assets: {
        asOf: `${input.fiscalYear}年12月31日`,
        valuationBasis: '账面净值',
        current: null,
        previous: null,
        yoy: { totalAssets: null, totalLiabilities: null, netAssets: null },
      },
    },
    budget: {
      income: { appropriation: nothing(), other: nothing(), total: nothing() },
      carryover: null,
      expenditure: {
        personnel: nothing(),
        publicExpense: nothing(),
        basic: nothing(),
        project: nothing(),
        total: nothing(),
      },
      lines: [],
    },
    goals: { items: [] },
    selfEvaluation: { organization: '', methodAndProcess: '' },
    results: { overall: '', items: [] },
    conclusion: { totalScore: null, grade: null, basis: '根据项目执行情况和项目绩效情况' },
    problems: { problems: '', measures: '' },
    team: { members: [] },
    scoreTable: emptyScoreTable(),
  };
}

/** The project a 项目支出绩效自评表 is about: its key (code) and name, who is in charge of it and who ran it. */
export interface ProjectIdentity {
  code: string;
  name: string;
  /** 主管部门; the department itself when not given */
  supervisingDepartment?: string;
  /** 实施单位; the department itself when not given */
  implementingUnit?: string;
}

/** A new 项目支出绩效自评表: the project named, one empty goal, the empty table. */
export function emptyProjectContent(input: { departmentName: string; project: ProjectIdentity }): ProjectReportContent {
  const { project } = input;
  return {
    kind: 'project',
    schemaVersion: PROJECT_SCHEMA_VERSION,
    projectInfo: {
      name: project.name,
      code: project.code,
      supervisingDepartment: project.supervisingDepartment?.trim() || input.departmentName,
      implementingUnit: project.implementingUnit?.trim() || input.departmentName,
    },
    objectives: { items: [{ expected: '', actual: '' }] },
    scoreTable: emptyScoreTable(),
    conclusion: { totalScore: null, grade: null, basis: '' },
    preparers: { preparer: '', phone: '', filledOn: '', unitHead: '', financeHead: '' },
  };
}
