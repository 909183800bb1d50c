import {
  AbilityBuilder,
  createMongoAbility,
  subject,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from '@casl/ability';
import type { Role } from '../tenancy/roles';
import type { Principal } from './principal';

/**
 * What each role may do, as CASL rules: one place, shared by the API (guards, query filters,
 * field checks) and the web app (what to show). Conditions name fields of the API objects.
 */
/** review: decide on a report's review comments (resolve, reopen) — the finance bureau's side */
export type Action = 'manage' | 'read' | 'create' | 'update' | 'resetPassword' | 'review';
export type SubjectName =
  | 'Tenant'
  | 'Department'
  | 'User'
  | 'AuditLog'
  | 'System'
  | 'Report'
  | 'TenantSettings'
  | 'Notification'
  | 'ReportTemplate'
  | 'IndicatorLibrary'
  /** a report's public version (随决算公开): create is publishing, update is withdrawing */
  | 'Publication'
  /** a stand-in (代理人) for a reviewer or approver: update is revoking */
  | 'Delegation'
  /** a county's API key (service account): update is revoking */
  | 'ApiKey'
  /** a county's webhook endpoint (推送地址) and its deliveries */
  | 'WebhookEndpoint';
/** The fields rules may name, per subject. */
interface SubjectFields {
  Tenant: { id: string };
  Department: { id: string; tenantId: string; kind: string };
  User: { id: string; tenantId: string | null; departmentId: string | null; roles: string[] };
  AuditLog: { tenantId: string | null };
  System: Record<string, never>;
  Report: { id: string; tenantId: string; departmentId: string; status: string };
  TenantSettings: { tenantId: string };
  Notification: { userId: string };
  /** a county's template (built-ins have tenantId null and are read by every county) */
  ReportTemplate: { tenantId: string | null };
  IndicatorLibrary: { tenantId: string };
  Publication: { tenantId: string };
  Delegation: { tenantId: string; principalUserId: string; standInUserId: string };
  ApiKey: { tenantId: string };
  WebhookEndpoint: { tenantId: string };
}
type TaggedSubject = {
  [N in SubjectName]: Partial<SubjectFields[N]> & ForcedSubject<N> & Record<string, unknown>;
}[SubjectName];

/** A subject is a type name ("some user") or an object tagged with its type ("this user"). */
export type AppSubject = SubjectName | TaggedSubject;
export type AppAbility = MongoAbility<[Action, AppSubject]>;

/** "This object", for object-level checks: a copy of it tagged with its subject type. */
export function tagged(type: SubjectName, object: object): AppSubject {
  return subject(type, { ...object }) as unknown as AppSubject;
}
export type AppRule = RawRuleOf<AppAbility>;

/** Fields a tenant admin may change on a department and on a user; anything else is refused. */
export const DEPARTMENT_UPDATABLE_FIELDS = [
  'name',
  'kind',
  'unitNature',
  'unitLevel',
  'fundingForm',
  'budgetCode',
  'active',
];
export const USER_UPDATABLE_FIELDS = ['displayName', 'email', 'departmentId', 'roles', 'active'];
export const TENANT_UPDATABLE_FIELDS = ['name', 'city', 'province', 'status'];
/** What a user may read of its own account, and a tenant admin of every account. */
export const USER_SELF_FIELDS = [
  'id',
  'tenantId',
  'username',
  'displayName',
  'departmentId',
  'departmentName',
  'roles',
  'email',
];

type Builder = AbilityBuilder<AppAbility>;

const ROLE_RULES: Record<Role, (b: Builder, p: Principal) => void> = {
  platform_admin: ({ can }) => {
    can(['read', 'create'], 'Tenant');
    can('update', 'Tenant', TENANT_UPDATABLE_FIELDS);
    // the first administrator of a county, and nothing else
    can('create', 'User', { roles: { $all: ['tenant_admin'], $size: 1 }, tenantId: { $ne: null } });
    can('read', 'AuditLog', { tenantId: null });
    can('manage', 'System');
  },
  tenant_admin: ({ can, cannot }, p) => {
    can('read', 'Tenant', { id: p.tenantId });
    can(['read', 'create'], 'Department', { tenantId: p.tenantId });
    can('update', 'Department', DEPARTMENT_UPDATABLE_FIELDS, { tenantId: p.tenantId });
    can(['read', 'create', 'resetPassword'], 'User', { tenantId: p.tenantId });
    can('update', 'User', USER_UPDATABLE_FIELDS, { tenantId: p.tenantId });
    // an administrator cannot lock itself out
    cannot('update', 'User', ['roles', 'active'], { id: p.userId });
    can('read', 'AuditLog', { tenantId: p.tenantId });
    can('update', 'TenantSettings', { tenantId: p.tenantId });
    // the county's forms: the finance bureau's yearly notice, configured by the county's administrator
    can(['create', 'update'], 'ReportTemplate', { tenantId: p.tenantId });
    can(['create', 'update'], 'IndicatorLibrary', { tenantId: p.tenantId });
    // arranges stand-ins for anyone of the county (who is away may not be able to)
    can(['read', 'create', 'update'], 'Delegation', { tenantId: p.tenantId });
    // keys for 预算一体化 and other systems that pull the county's results
    can(['read', 'create', 'update'], 'ApiKey', { tenantId: p.tenantId });
    // connects the county's other systems (预算一体化): the endpoints events are pushed to
    can(['read', 'create', 'update'], 'WebhookEndpoint', { tenantId: p.tenantId });
    // administers people and forms, not content: no report access
  },
  finance_reviewer: (b, p) => {
    const { can } = b;
    can('read', 'Tenant', { id: p.tenantId });
    can('read', 'Department', { tenantId: p.tenantId });
    can(['read', 'review'], 'Report', { tenantId: p.tenantId });
    // the finance bureau curates the 指标库
    can(['create', 'update'], 'IndicatorLibrary', { tenantId: p.tenantId });
    // sees the register; publishing is the leadership's release, like approval
    can('read', 'Publication', { tenantId: p.tenantId });
    financeStandIns(b, p);
  },
  finance_approver: (b, p) => {
    const { can } = b;
    can('read', 'Tenant', { id: p.tenantId });
    can('read', 'Department', { tenantId: p.tenantId });
    can(['read', 'review'], 'Report', { tenantId: p.tenantId });
    can(['create', 'update'], 'IndicatorLibrary', { tenantId: p.tenantId });
    // 随决算公开: publishes approved reports and withdraws them
    can(['read', 'create', 'update'], 'Publication', { tenantId: p.tenantId });
    financeStandIns(b, p);
  },
  dept_editor: (b, p) => departmentDrafting(b, p),
  dept_head: (b, p) => departmentDrafting(b, p),
};

/** A reviewer or approver names and revokes its own stand-ins, and sees the delegations it holds. */
function financeStandIns({ can }: Builder, p: Principal): void {
  can(['read', 'create', 'update'], 'Delegation', { tenantId: p.tenantId, principalUserId: p.userId });
  can('read', 'Delegation', { tenantId: p.tenantId, standInUserId: p.userId });
}

/** Department staff draft their own department's reports (whether the state allows an edit is the workflow's call). */
function departmentDrafting({ can }: Builder, p: Principal): void {
  can('read', 'Tenant', { id: p.tenantId });
  can('read', 'Department', { id: p.departmentId });
  can(['read', 'create', 'update'], 'Report', { tenantId: p.tenantId, departmentId: p.departmentId });
}

export class UnknownRoleError extends Error {
  constructor(role: string) {
    super(`Unknown role "${role}"`);
    this.name = 'UnknownRoleError';
  }
}

export function defineAbilityFor(principal: Principal): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  // every county user may read the basic facts of its own account (operators use /api/auth/me)
  if (principal.tenantId) {
    builder.can('read', 'User', USER_SELF_FIELDS, { id: principal.userId });
    // grade bands are needed wherever a score is shown
    builder.can('read', 'TenantSettings', { tenantId: principal.tenantId });
    // the forms and the 指标库 are read wherever a report is written or reviewed
    builder.can('read', 'ReportTemplate', { tenantId: { $in: [principal.tenantId, null] } });
    builder.can('read', 'IndicatorLibrary', { tenantId: principal.tenantId });
    // one's own inbox, and no one else's
    builder.can(['read', 'update'], 'Notification', { userId: principal.userId });
  }
  for (const role of principal.roles) {
    const rules = ROLE_RULES[role];
    if (!rules) throw new UnknownRoleError(role);
    rules(builder, principal);
  }
  return builder.build();
}

/** Rebuilds an ability from rules sent over the wire (the web app gets them from /api/auth/me). */
export function abilityFromRules(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}
