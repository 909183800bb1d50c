import { ZHAOXIAN_TEMPLATES, type DemoTemplate } from './demo-templates';
import type { DepartmentKind, GradeBand, ReportContent, ReportPart, Role, TransitionAction } from '@evalflow/domain';
import {
  luanchengUnionSports2024,
  ZHAOXIAN_UNION_2024,
  zhaoxianCityRelief2024,
  zhaoxianProvincialRelief2024,
  zhaoxianUnion2023,
} from '@evalflow/samples';
import { ZHAOXIAN_LIBRARY, type DemoLibraryEntry } from './demo-library';

/** The demo's one password, for demo logins only. */
export const DEMO_PASSWORD = 'evalflow-demo';

export interface DemoDepartment {
  key: string;
  name: string;
  kind: DepartmentKind;
  unitNature: string;
  unitLevel: string;
  fundingForm: string;
  budgetCode: string;
}

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  departmentKey?: string;
}

export interface DemoTenant {
  name: string;
  regionCode: string;
  city: string;
  province: string;
  departments: DemoDepartment[];
  users: DemoUser[];
  /** the county's own grade labels, when it has them */
  gradeBands?: GradeBand[];
  reports?: DemoReport[];
  /** 填报截止日期 per fiscal year */
  deadlines?: Array<{ fiscalYear: number; dueOn: string }>;
  /** the county's 指标库 */
  indicatorLibrary?: DemoLibraryEntry[];
  /** the county's own forms, each published for its year */
  templates?: DemoTemplate[];
}

export interface DemoComment {
  part: ReportPart;
  fieldPath?: string;
  body: string;
  /** a reply from the department */
  reply?: string;
}

/** One workflow step as it happened (the seed replays them: transitions, revisions, comments). */
export interface DemoStep {
  action: TransitionAction;
  /** the actor: a demo username, or the name of someone without a demo login */
  by: string;
  at: string;
  reason?: string;
  /** comments the reviewer wrote before this step */
  comments?: DemoComment[];
}

export interface DemoReport {
  departmentKey: string;
  fiscalYear: number;
  content: () => ReportContent;
  /** the report's history; none leaves it a draft */
  steps?: DemoStep[];
}

/** The sample, as another department of the county would have written it (names swapped; figures kept). */
function sampleFor(departmentName: string): () => ReportContent {
  return () => JSON.parse(JSON.stringify(ZHAOXIAN_UNION_2024).replaceAll('赵县总工会', departmentName));
}

/** Hebei writes the grades out in full (the sample: 「评价等级为优秀」). */
export const HEBEI_GRADE_BANDS: GradeBand[] = [
  { grade: 'excellent', label: '优秀', min: '90' },
  { grade: 'good', label: '良好', min: '80' },
  { grade: 'fair', label: '中', min: '60' },
  { grade: 'poor', label: '差', min: '0' },
];

function countyUsers(prefix: string, county: string, union: string, finance: string): DemoUser[] {
  return [
    { username: `${prefix}.admin`, displayName: `${county}系统管理员`, roles: ['tenant_admin'] },
    {
      username: `${prefix}.union.editor`,
      displayName: `${union}编制人`,
      roles: ['dept_editor'],
      departmentKey: 'union',
    },
    { username: `${prefix}.union.head`, displayName: `${union}负责人`, roles: ['dept_head'], departmentKey: 'union' },
    {
      username: `${prefix}.finance.reviewer`,
      displayName: `${finance}审核人`,
      roles: ['finance_reviewer'],
      departmentKey: 'finance',
    },
    {
      username: `${prefix}.finance.approver`,
      displayName: `${finance}领导`,
      roles: ['finance_approver'],
      departmentKey: 'finance',
    },
  ];
}

export const DEMO_PLATFORM_ADMIN: DemoUser = {
  username: 'platform.admin',
  displayName: '平台管理员',
  roles: ['platform_admin'],
};

export const DEMO_TENANTS: DemoTenant[] = [
  {
    name: '赵县',
    regionCode: '130133',
    city: '石家庄市',
    province: '河北省',
    departments: [
      {
        key: 'union',
        name: '赵县总工会',
        kind: 'budget_department',
        unitNature: '行政',
        unitLevel: '正科级',
        fundingForm: '财政拨款',
        budgetCode: '130133-501',
      },
      {
        key: 'finance',
        name: '赵县财政局',
        kind: 'finance_bureau',
        unitNature: '行政',
        unitLevel: '正科级',
        fundingForm: '财政拨款',
        budgetCode: '130133-105',
      },
    ],
    users: countyUsers('zhaoxian', '赵县', '赵县总工会', '赵县财政局'),
    gradeBands: HEBEI_GRADE_BANDS,
    indicatorLibrary: ZHAOXIAN_LIBRARY,
    templates: ZHAOXIAN_TEMPLATES,
    reports: [
      // last year's, approved: the source of this year's prefill and year-over-year checks
      {
        departmentKey: 'union',
        fiscalYear: 2023,
        content: zhaoxianUnion2023,
        steps: [
          { action: 'submit', by: 'zhaoxian.union.editor', at: '2024-04-18T09:30:00+08:00' },
          { action: 'start_review', by: 'zhaoxian.finance.reviewer', at: '2024-04-22T10:05:00+08:00' },
          { action: 'approve', by: 'zhaoxian.finance.approver', at: '2024-05-06T15:20:00+08:00' },
        ],
      },
      // the sample itself, still a draft
      { departmentKey: 'union', fiscalYear: 2024, content: () => structuredClone(ZHAOXIAN_UNION_2024) },
      // 项目支出绩效自评表 of two of its budget lines: the province's fund submitted, the city's still a draft
      {
        departmentKey: 'union',
        fiscalYear: 2024,
        content: zhaoxianProvincialRelief2024,
        steps: [{ action: 'submit', by: 'zhaoxian.union.editor', at: '2025-04-16T10:20:00+08:00' }],
      },
      { departmentKey: 'union', fiscalYear: 2024, content: zhaoxianCityRelief2024 },
    ],
  },
  {
    name: '栾城区',
    regionCode: '130111',
    city: '石家庄市',
    province: '河北省',
    departments: [
      {
        key: 'union',
        name: '栾城区总工会',
        kind: 'budget_department',
        unitNature: '行政',
        unitLevel: '正科级',
        fundingForm: '财政拨款',
        budgetCode: '130111-501',
      },
      {
        key: 'finance',
        name: '栾城区财政局',
        kind: 'finance_bureau',
        unitNature: '行政',
        unitLevel: '正科级',
        fundingForm: '财政拨款',
        budgetCode: '130111-105',
      },
      budgetDepartment('education', '栾城区教育局', '130111-301'),
      budgetDepartment('civil', '栾城区民政局', '130111-302'),
      budgetDepartment('health', '栾城区卫生健康局', '130111-303'),
    ],
    users: [
      ...countyUsers('luancheng', '栾城区', '栾城区总工会', '栾城区财政局'),
      {
        username: 'luancheng.health.editor',
        displayName: '栾城区卫生健康局编制人',
        roles: ['dept_editor'],
        departmentKey: 'health',
      },
    ],
    deadlines: [{ fiscalYear: 2024, dueOn: '2025-04-30' }],
    // one report in each state the demo should show
    reports: [
      {
        departmentKey: 'union',
        fiscalYear: 2024,
        content: luanchengUnionSports2024,
        steps: [
          { action: 'submit', by: 'luancheng.union.editor', at: '2025-04-22T15:10:00+08:00' },
          { action: 'start_review', by: 'luancheng.finance.reviewer', at: '2025-04-28T10:00:00+08:00' },
        ],
      },
      {
        departmentKey: 'education',
        fiscalYear: 2024,
        content: sampleFor('栾城区教育局'),
        steps: [{ action: 'submit', by: '栾城区教育局编制人', at: '2025-04-25T16:40:00+08:00' }],
      },
      {
        departmentKey: 'civil',
        fiscalYear: 2024,
        content: sampleFor('栾城区民政局'),
        steps: [
          { action: 'submit', by: '栾城区民政局编制人', at: '2025-04-21T11:00:00+08:00' },
          { action: 'start_review', by: 'luancheng.finance.reviewer', at: '2025-04-27T09:15:00+08:00' },
        ],
      },
      {
        departmentKey: 'health',
        fiscalYear: 2024,
        content: sampleFor('栾城区卫生健康局'),
        steps: [
          { action: 'submit', by: 'luancheng.health.editor', at: '2025-04-29T17:50:00+08:00' },
          { action: 'start_review', by: 'luancheng.finance.reviewer', at: '2025-05-06T09:00:00+08:00' },
          {
            action: 'return',
            by: 'luancheng.finance.reviewer',
            at: '2025-05-08T14:30:00+08:00',
            reason: '预算明细与批复不一致，评价工作组信息不全，请按意见修改后重新提交。',
            comments: [
              {
                part: 'budget',
                fieldPath: 'budget.lines.2.amount',
                body: '第 3 项预算金额与县财政批复不一致，请核对批复文件后修改。',
                reply: '正在核对批复文件，修改后重新提交。',
              },
              {
                part: 'team',
                fieldPath: 'team.members.0.title',
                body: '评价工作组组长未填写职称。',
              },
            ],
          },
        ],
      },
    ],
  },
];

function budgetDepartment(key: string, name: string, budgetCode: string): DemoDepartment {
  return {
    key,
    name,
    kind: 'budget_department',
    unitNature: '行政',
    unitLevel: '正科级',
    fundingForm: '财政拨款',
    budgetCode,
  };
}

export function allDemoUsers(): DemoUser[] {
  return [DEMO_PLATFORM_ADMIN, ...DEMO_TENANTS.flatMap((t) => t.users)];
}
