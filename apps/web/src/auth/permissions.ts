import { tagged, type AppAbility } from '@evalflow/domain';
import type { MeView } from '../api/types';

/** What the signed-in user may reach in the app, decided from the CASL rules the API sent. */
export interface Permissions {
  manageTenants: boolean;
  manageDepartments: boolean;
  /** Reads every department of the county without managing them (the finance bureau). */
  browseDepartments: boolean;
  manageUsers: boolean;
  readAuditLog: boolean;
  /** Drafts and submits its own department's reports (我的报告). */
  draftReports: boolean;
  /** Reviews every report of the county (待审报告): starts comment threads, sees the diff between revisions. */
  reviewReports: boolean;
  /** Decides on review comments (resolves and reopens threads): the finance bureau. */
  resolveComments: boolean;
  /** Sets the county's deadlines, sign-off rule and grade bands. */
  manageSettings: boolean;
  /** Has an inbox of notifications. */
  notifications: boolean;
  /** Reads the county's 指标库: every county user. */
  readIndicatorLibrary: boolean;
  /** Adds, edits, archives and imports the county's 指标库 entries: the county administrator and the finance bureau. */
  curateIndicatorLibrary: boolean;
  /** Reads the county's report templates (报告模板): every county user. */
  readTemplates: boolean;
  /** Publishes approved reports (随决算公开) and withdraws them: the finance approver. */
  publishReports: boolean;
  /** Reads the 公开登记 (what was published, when, by whom): the finance bureau. */
  readPublications: boolean;
  /** Copies, edits and publishes the county's report templates: the county administrator. */
  manageTemplates: boolean;
  /** Names stand-ins (代理人): reviewers and approvers for themselves, the county administrator for anyone. */
  manageDelegations: boolean;
  /** Creates and revokes the county's API keys (预算一体化 and other systems): the county administrator. */
  manageApiKeys: boolean;
  /** Registers the county's webhook endpoints (推送地址): the county administrator. */
  manageWebhooks: boolean;
}

/** Stands for "some department other than the user's own" in object checks. */
const OTHER_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

export function permissionsOf(ability: AppAbility, me: MeView): Permissions {
  const manageDepartments = ability.can('create', 'Department');
  // "some other department of my county": true for county-wide readers, false for a department's own staff
  const browseDepartments =
    !manageDepartments &&
    me.tenant !== null &&
    ability.can('read', tagged('Department', { tenantId: me.tenant.id, id: OTHER_DEPARTMENT }));
  const draftReports = ability.can('create', 'Report');
  // any report of the county, whatever its department: the finance bureau
  const reviewReports =
    !draftReports &&
    me.tenant !== null &&
    ability.can('read', tagged('Report', { tenantId: me.tenant.id, departmentId: OTHER_DEPARTMENT }));
  return {
    manageTenants: ability.can('create', 'Tenant'),
    manageDepartments,
    browseDepartments,
    manageUsers: ability.can('create', 'User') && me.tenant !== null,
    readAuditLog: ability.can('read', 'AuditLog'),
    draftReports,
    reviewReports,
    resolveComments:
      me.tenant !== null &&
      ability.can('review', tagged('Report', { tenantId: me.tenant.id, departmentId: OTHER_DEPARTMENT })),
    manageSettings: ability.can('update', 'TenantSettings') && me.tenant !== null,
    notifications: ability.can('read', 'Notification'),
    readIndicatorLibrary:
      me.tenant !== null && ability.can('read', tagged('IndicatorLibrary', { tenantId: me.tenant.id })),
    curateIndicatorLibrary:
      me.tenant !== null && ability.can('update', tagged('IndicatorLibrary', { tenantId: me.tenant.id })),
    readTemplates: me.tenant !== null && ability.can('read', tagged('ReportTemplate', { tenantId: me.tenant.id })),
    manageTemplates: me.tenant !== null && ability.can('update', tagged('ReportTemplate', { tenantId: me.tenant.id })),
    publishReports: me.tenant !== null && ability.can('create', tagged('Publication', { tenantId: me.tenant.id })),
    readPublications: me.tenant !== null && ability.can('read', tagged('Publication', { tenantId: me.tenant.id })),
    manageDelegations: me.tenant !== null && ability.can('create', 'Delegation'),
    manageApiKeys: me.tenant !== null && ability.can('create', tagged('ApiKey', { tenantId: me.tenant.id })),
    manageWebhooks: me.tenant !== null && ability.can('create', tagged('WebhookEndpoint', { tenantId: me.tenant.id })),
  };
}
