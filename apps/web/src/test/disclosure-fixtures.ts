import type { Principal } from '@evalflow/domain';
import type { PublicationView, PublicCountyView } from '../api/publications-api';
import { FINANCE_BUREAU, PRINCIPALS, TENANT } from './session-fixtures';

/** The finance bureau's leader: publishes and withdraws (随决算公开). */
export const FINANCE_APPROVER: Principal = {
  tenantId: TENANT.id,
  userId: 'aaaaaaaa-0000-4000-8000-000000000005',
  username: 'zhaoxian.finance.approver',
  displayName: '赵领导',
  departmentId: FINANCE_BUREAU.id,
  departmentKind: 'finance_bureau',
  roles: ['finance_approver'],
};
export const FINANCE_REVIEWER: Principal = PRINCIPALS.financeReviewer;

export function publicationView(overrides: Partial<PublicationView> = {}): PublicationView {
  return {
    id: 'bbbbbbbb-0000-4000-8000-000000000001',
    reportId: 'cccccccc-0000-4000-8000-000000000001',
    revision: 2,
    documentId: 'dddddddd-0000-4000-8000-000000000001',
    documentStatus: 'done',
    publishedOn: '2025-08-01',
    publishedAt: '2025-08-01T02:00:00.000Z',
    publishedByName: '赵领导',
    withdrawnAt: null,
    withdrawnByName: null,
    withdrawalReason: null,
    departmentName: '赵县总工会',
    fiscalYear: 2024,
    kind: 'department_overall',
    projectName: null,
    reportName: '赵县总工会2024年度整体支出绩效自评报告',
    ...overrides,
  };
}

export const PUBLIC_COUNTY: PublicCountyView = {
  code: '130133',
  name: '赵县',
  publications: [
    {
      id: 'bbbbbbbb-0000-4000-8000-000000000001',
      departmentName: '赵县总工会',
      fiscalYear: 2024,
      kind: 'department_overall',
      reportName: '赵县总工会2024年度整体支出绩效自评报告',
      publishedOn: '2025-08-01',
      sizeBytes: 512_000,
      pdfUrl: '/api/public/counties/130133/publications/bbbbbbbb-0000-4000-8000-000000000001/pdf',
    },
    {
      id: 'bbbbbbbb-0000-4000-8000-000000000002',
      departmentName: '赵县总工会',
      fiscalYear: 2023,
      kind: 'project',
      reportName: '赵县总工会2023年度困难职工帮扶项目支出绩效自评表',
      publishedOn: '2024-08-01',
      sizeBytes: 90_000,
      pdfUrl: '/api/public/counties/130133/publications/bbbbbbbb-0000-4000-8000-000000000002/pdf',
    },
  ],
};
