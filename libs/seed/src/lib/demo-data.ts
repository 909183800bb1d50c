import type { DepartmentKind, GradeBand, ReportContent, ReportStatus, Role } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024, zhaoxianUnion2023 } from './zhaoxian-union-2024';

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
}

export interface DemoReport {
  departmentKey: string;
  fiscalYear: number;
  status: ReportStatus;
  content: () => ReportContent;
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
    reports: [
      // last year's, approved: the source of this year's prefill and year-over-year checks
      { departmentKey: 'union', fiscalYear: 2023, status: 'approved', content: zhaoxianUnion2023 },
      // the sample itself, still a draft
      {
        departmentKey: 'union',
        fiscalYear: 2024,
        status: 'draft',
        content: () => structuredClone(ZHAOXIAN_UNION_2024),
      },
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
    ],
    users: countyUsers('luancheng', '栾城区', '栾城区总工会', '栾城区财政局'),
  },
];

export function allDemoUsers(): DemoUser[] {
  return [DEMO_PLATFORM_ADMIN, ...DEMO_TENANTS.flatMap((t) => t.users)];
}
