import { daysBetween, isIsoDate } from '../review/deadlines';
import { ROLE_LABELS, type Role } from '../tenancy/roles';

/**
 * Stand-ins (代理人): a reviewer or approver names a colleague of the same county and role to act for them
 * over a range of days (inclusive, China Standard Time). What the stand-in does is recorded as done for the
 * principal (「张三（代李四）」). Pure rules, shared by the api and the web.
 */
export const DELEGABLE_ROLES = ['finance_reviewer', 'finance_approver'] as const satisfies readonly Role[];
export type DelegableRole = (typeof DELEGABLE_ROLES)[number];
/** A leave long enough for any absence; a longer one is a change of roles, for the administrator. */
export const MAX_DELEGATION_DAYS = 92;
export const MAX_DELEGATION_REASON = 200;

export function isDelegableRole(value: unknown): value is DelegableRole {
  return typeof value === 'string' && (DELEGABLE_ROLES as readonly string[]).includes(value);
}

/** A county user as the rules see it; null when no such user is in the actor's county. */
export interface DelegationParty {
  userId: string;
  roles: readonly string[];
  active: boolean;
}

export interface DelegationPeriod {
  id: string;
  principalUserId: string;
  standInUserId: string;
  role: string;
  startsOn: string;
  endsOn: string;
  revokedAt: string | null;
}

export interface NewDelegation {
  principal: DelegationParty;
  /** null: not a user of the county (another county's, or none) */
  standIn: DelegationParty | null;
  role: string;
  startsOn: string;
  endsOn: string;
  /** today in China Standard Time (chinaDate) */
  today: string;
  /** the delegations, not revoked, of the principal and of the stand-in */
  existing: readonly DelegationPeriod[];
}

export type DelegationCode =
  | 'DELEGATION_ROLE_INVALID'
  | 'DELEGATION_TO_SELF'
  | 'DELEGATION_OUTSIDE_COUNTY'
  | 'DELEGATION_STAND_IN_LACKS_ROLE'
  | 'DELEGATION_DATES_INVALID'
  | 'DELEGATION_OVERLAPS'
  | 'DELEGATION_STAND_IN_AWAY';

export interface DelegationRefusal {
  code: DelegationCode;
  message: string;
  /** the delegation in the way, for an overlap */
  conflictingId?: string;
}

const refuse = (code: DelegationCode, message: string, conflictingId?: string): DelegationRefusal =>
  conflictingId ? { code, message, conflictingId } : { code, message };

const overlaps = (a: { startsOn: string; endsOn: string }, b: { startsOn: string; endsOn: string }) =>
  a.startsOn <= b.endsOn && b.startsOn <= a.endsOn;

/** Why this delegation may not be made; null when it may. Checked in the order a user would fix things. */
export function checkNewDelegation(d: NewDelegation): DelegationRefusal | null {
  if (!isDelegableRole(d.role) || !d.principal.roles.includes(d.role)) {
    return refuse('DELEGATION_ROLE_INVALID', '只能委托本人担任的财政局审核人或财政局领导角色');
  }
  const roleLabel = ROLE_LABELS[d.role];
  if (d.standIn?.userId === d.principal.userId) return refuse('DELEGATION_TO_SELF', '不能指定本人为自己的代理人');
  if (!d.standIn) return refuse('DELEGATION_OUTSIDE_COUNTY', '代理人须为本县（区）的用户');
  if (!d.standIn.active || !d.standIn.roles.includes(d.role)) {
    return refuse('DELEGATION_STAND_IN_LACKS_ROLE', `代理人须为本县（区）在用的「${roleLabel}」`);
  }
  const dates = checkPeriod(d.startsOn, d.endsOn, d.today);
  if (dates) return refuse('DELEGATION_DATES_INVALID', dates);
  const live = d.existing.filter((e) => !e.revokedAt && e.role === d.role && overlaps(e, d));
  const own = live.find((e) => e.principalUserId === d.principal.userId);
  if (own) {
    return refuse(
      'DELEGATION_OVERLAPS',
      `您在 ${own.startsOn} 至 ${own.endsOn} 已有「${roleLabel}」的代理，请先撤销或调整日期`,
      own.id,
    );
  }
  // no chains: whoever stands in must be at work, not away with a stand-in of its own
  const away = live.find((e) => e.principalUserId === d.standIn?.userId);
  if (away) {
    return refuse(
      'DELEGATION_STAND_IN_AWAY',
      `代理人在 ${away.startsOn} 至 ${away.endsOn} 本人也已委托代理，请另选代理人`,
      away.id,
    );
  }
  return null;
}

/** The range, inclusive: real dates, in order, not over yet, at most MAX_DELEGATION_DAYS long. */
export function checkPeriod(startsOn: string, endsOn: string, today: string): string | null {
  if (!isIsoDate(startsOn) || !isIsoDate(endsOn)) return '起止日期应为有效日期，格式为 YYYY-MM-DD';
  if (endsOn < startsOn) return '结束日期不能早于开始日期';
  if (endsOn < today) return '结束日期不能早于今天';
  if (daysBetween(startsOn, endsOn) + 1 > MAX_DELEGATION_DAYS) return `代理期限不能超过 ${MAX_DELEGATION_DAYS} 天`;
  return null;
}

/** In force today: not revoked, and today within its days. */
export function isDelegationActive(d: Pick<DelegationPeriod, 'startsOn' | 'endsOn' | 'revokedAt'>, today: string) {
  return !d.revokedAt && d.startsOn <= today && today <= d.endsOn;
}

export type DelegationState = 'scheduled' | 'active' | 'ended' | 'revoked';
export const DELEGATION_STATE_LABELS: Record<DelegationState, string> = {
  scheduled: '未开始',
  active: '生效中',
  ended: '已结束',
  revoked: '已撤销',
};

export function delegationState(d: Pick<DelegationPeriod, 'startsOn' | 'endsOn' | 'revokedAt'>, today: string) {
  if (d.revokedAt) return 'revoked';
  if (today < d.startsOn) return 'scheduled';
  return today > d.endsOn ? 'ended' : 'active';
}

/**
 * Whether a stand-in may take a step with this role for the principal now: only under a delegation in force
 * today, from that principal to this user, for a role the step needs.
 */
export function standInRefusal(
  delegation: DelegationPeriod | null,
  act: { actorUserId: string; principalUserId: string; stepRoles: readonly Role[]; today: string },
): { code: 'DELEGATION_NOT_ACTIVE'; message: string } | null {
  const fits =
    delegation &&
    delegation.principalUserId === act.principalUserId &&
    delegation.standInUserId === act.actorUserId &&
    act.stepRoles.includes(delegation.role as Role) &&
    isDelegationActive(delegation, act.today);
  return fits ? null : { code: 'DELEGATION_NOT_ACTIVE', message: '您今天没有该用户的有效代理委托，不能代其操作' };
}

/** How history, audit and documents name who acted: 「张三（代李四）」 for a stand-in. */
export function actorLabel(actorName: string, onBehalfOfName?: string | null): string {
  return onBehalfOfName ? `${actorName}（代${onBehalfOfName}）` : actorName;
}
