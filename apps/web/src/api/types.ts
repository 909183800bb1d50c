import type { PackRule } from '@casl/ability/extra';
import type {
  AppRule,
  DepartmentKind,
  EvidenceLimits,
  FourEyesSettings,
  GradeBand,
  InflationThresholds,
  Role,
  TenantStatus,
} from '@evalflow/domain';

/** GET /api/auth/me: who is signed in, where, and the CASL rules of what they may do. */
export interface MeView {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: Role[];
    /** the password was set by an administrator: nothing but changing it is allowed */
    mustChangePassword?: boolean;
  };
  tenant: { id: string; name: string; regionCode: string } | null;
  department: { id: string; name: string; kind: DepartmentKind } | null;
  abilities: PackRule<AppRule>[];
}

/** The answer of login and refresh. */
export interface TokenView {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  me: MeView;
}

export interface TenantAdminView {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}

export interface TenantView {
  id: string;
  name: string;
  regionCode: string;
  city: string;
  province: string;
  status: TenantStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Platform administrators only. */
  admins?: TenantAdminView[];
}

export interface DepartmentView {
  id: string;
  tenantId: string;
  name: string;
  kind: DepartmentKind;
  unitNature: string | null;
  unitLevel: string | null;
  fundingForm: string | null;
  budgetCode: string | null;
  active: boolean;
  userCount: number;
  version: number;
  updatedAt: string;
}

export interface UserView {
  id: string;
  tenantId: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  departmentName?: string | null;
  roles: Role[];
  /** where notification e-mail goes: the user's own and county administrators only */
  email?: string | null;
  // the fields below reach county administrators only
  active?: boolean;
  lastLoginAt?: string | null;
  createdAt?: string;
  version?: number;
}

export interface UserPage {
  items: UserView[];
  nextAfter: string | null;
}

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditEntryView {
  id: string;
  occurredAt: string;
  tenantId: string | null;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown>;
  clientIp: string | null;
  requestId: string | null;
}

export interface AuditPage {
  items: AuditEntryView[];
  nextBefore: string | null;
}

/** One field-level problem in an error's details (validation, password policy, role assignment). */
export interface FieldProblem {
  field: string;
  rule?: string;
  message: string;
}

/** GET /api/settings: the county's own settings. */
export interface SettingsView {
  gradeBands: GradeBand[];
  /** A dept_editor may submit only what the department head has signed off. */
  requireHeadSignOff: boolean;
  /** 县级概览's score-inflation thresholds (the named defaults until the county sets them). */
  inflationThresholds: InflationThresholds;
  /** 四眼原则: both on until the county's administrator turns one off. */
  fourEyes: FourEyesSettings;
  /** 佐证材料: the most one file, and one report's files together, may be (whole MB). */
  evidenceLimits: EvidenceLimits;
  /** The platform's ceilings the county's limits may not exceed (read-only). */
  evidenceCeilings: EvidenceLimits;
  /** 0 while the county still uses the defaults. */
  version: number;
  isDefault?: boolean;
  updatedAt?: string | null;
}

/** The county's 填报截止日期 of one fiscal year. */
export interface DeadlineView {
  fiscalYear: number;
  /** YYYY-MM-DD */
  dueOn: string;
  version: number;
  updatedAt: string;
}

export type NotificationKind =
  | 'report.submit'
  | 'report.withdraw'
  | 'report.start_review'
  | 'report.return'
  | 'report.approve'
  | 'report.reopen'
  | 'comment.added'
  | 'deadline.due_soon';

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  reportId: string | null;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage {
  items: NotificationView[];
  /** Unread notifications in all. */
  unread: number;
  nextCursor?: string | null;
}
