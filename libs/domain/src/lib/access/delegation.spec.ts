import { ERROR_CATALOGUE } from '../errors/error-catalogue';
import {
  actorLabel,
  checkNewDelegation,
  delegationState,
  isDelegationActive,
  standInRefusal,
  type DelegationPeriod,
  type NewDelegation,
} from './delegation';

const TODAY = '2025-04-20';
const li = { userId: 'li', roles: ['finance_approver'], active: true };
const zhang = { userId: 'zhang', roles: ['finance_approver'], active: true };
const wang = { userId: 'wang', roles: ['finance_reviewer'], active: true };

const request = (over: Partial<NewDelegation> = {}): NewDelegation => ({
  principal: li,
  standIn: zhang,
  role: 'finance_approver',
  startsOn: '2025-04-21',
  endsOn: '2025-04-30',
  today: TODAY,
  existing: [],
  ...over,
});
const period = (over: Partial<DelegationPeriod>): DelegationPeriod => ({
  id: 'd1',
  principalUserId: 'li',
  standInUserId: 'zhang',
  role: 'finance_approver',
  startsOn: '2025-04-21',
  endsOn: '2025-04-30',
  revokedAt: null,
  ...over,
});
const codeOf = (over: Partial<NewDelegation>) => checkNewDelegation(request(over))?.code ?? null;

describe('stand-ins (代理人)', () => {
  it('accepts a colleague of the same county and role for a range of days', () => {
    expect(checkNewDelegation(request())).toBeNull();
    // starting today, one day long
    expect(codeOf({ startsOn: TODAY, endsOn: TODAY })).toBeNull();
  });

  it('refuses a role that is not delegable or not the principal’s', () => {
    expect(codeOf({ role: 'dept_editor' })).toBe('DELEGATION_ROLE_INVALID');
    expect(codeOf({ role: 'finance_reviewer' })).toBe('DELEGATION_ROLE_INVALID');
    expect(codeOf({ role: 'tenant_admin', principal: { ...li, roles: ['tenant_admin'] } })).toBe(
      'DELEGATION_ROLE_INVALID',
    );
  });

  it('refuses oneself', () => {
    expect(codeOf({ standIn: li })).toBe('DELEGATION_TO_SELF');
  });

  it('refuses a user outside the county (not found in it)', () => {
    expect(codeOf({ standIn: null })).toBe('DELEGATION_OUTSIDE_COUNTY');
  });

  it('refuses a stand-in without the role, or whose account is disabled', () => {
    expect(codeOf({ standIn: wang })).toBe('DELEGATION_STAND_IN_LACKS_ROLE');
    expect(codeOf({ standIn: { ...zhang, active: false } })).toBe('DELEGATION_STAND_IN_LACKS_ROLE');
    expect(checkNewDelegation(request({ standIn: wang }))?.message).toBe('代理人须为本县（区）在用的「财政局领导」');
  });

  it('refuses impossible, reversed, past and over-long ranges', () => {
    expect(codeOf({ startsOn: '2025-02-30' })).toBe('DELEGATION_DATES_INVALID');
    expect(codeOf({ startsOn: '2025-05-01', endsOn: '2025-04-30' })).toBe('DELEGATION_DATES_INVALID');
    expect(codeOf({ startsOn: '2025-04-01', endsOn: '2025-04-19' })).toBe('DELEGATION_DATES_INVALID');
    expect(codeOf({ startsOn: '2025-04-21', endsOn: '2025-07-21' })).toBeNull();
    expect(codeOf({ startsOn: '2025-04-21', endsOn: '2025-07-22' })).toBe('DELEGATION_DATES_INVALID');
    expect(checkNewDelegation(request({ startsOn: '2025-04-21', endsOn: '2025-07-22' }))?.message).toBe(
      '代理期限不能超过 92 天',
    );
  });

  it('refuses a second stand-in of the principal for overlapping days, naming the one in the way', () => {
    const existing = [period({ id: 'first', startsOn: '2025-04-25', endsOn: '2025-05-05' })];
    expect(checkNewDelegation(request({ existing }))).toMatchObject({
      code: 'DELEGATION_OVERLAPS',
      conflictingId: 'first',
    });
    // the day after it ends is free, and so is a revoked one or another role's
    expect(codeOf({ existing, startsOn: '2025-05-06', endsOn: '2025-05-10' })).toBeNull();
    expect(codeOf({ existing: [{ ...existing[0], revokedAt: '2025-04-20T00:00:00Z' }] })).toBeNull();
    expect(codeOf({ existing: [{ ...existing[0], role: 'finance_reviewer' }] })).toBeNull();
  });

  it('refuses a stand-in who is away with a stand-in of its own then (no chains)', () => {
    const existing = [period({ id: 'away', principalUserId: 'zhang', standInUserId: 'chen' })];
    expect(checkNewDelegation(request({ existing }))).toMatchObject({
      code: 'DELEGATION_STAND_IN_AWAY',
      conflictingId: 'away',
    });
  });

  it('is in force on its days, both ends included, until revoked', () => {
    const d = period({});
    expect(isDelegationActive(d, '2025-04-20')).toBe(false);
    expect(isDelegationActive(d, '2025-04-21')).toBe(true);
    expect(isDelegationActive(d, '2025-04-30')).toBe(true);
    expect(isDelegationActive(d, '2025-05-01')).toBe(false);
    expect(isDelegationActive({ ...d, revokedAt: '2025-04-22T00:00:00Z' }, '2025-04-25')).toBe(false);
    expect(['2025-04-20', '2025-04-25', '2025-05-01'].map((t) => delegationState(d, t))).toEqual([
      'scheduled',
      'active',
      'ended',
    ]);
    expect(delegationState({ ...d, revokedAt: 'x' }, '2025-04-25')).toBe('revoked');
  });

  it('lets a stand-in act only for its principal, with the delegated role, while in force', () => {
    const d = period({});
    const act = {
      actorUserId: 'zhang',
      principalUserId: 'li',
      stepRoles: ['finance_approver'] as const,
      today: '2025-04-25',
    };
    expect(standInRefusal(d, act)).toBeNull();
    expect(standInRefusal(null, act)?.code).toBe('DELEGATION_NOT_ACTIVE');
    expect(standInRefusal(d, { ...act, today: '2025-05-01' })?.code).toBe('DELEGATION_NOT_ACTIVE');
    expect(standInRefusal(d, { ...act, actorUserId: 'chen' })?.code).toBe('DELEGATION_NOT_ACTIVE');
    expect(standInRefusal(d, { ...act, principalUserId: 'wang' })?.code).toBe('DELEGATION_NOT_ACTIVE');
    expect(standInRefusal({ ...d, role: 'finance_reviewer' }, act)?.code).toBe('DELEGATION_NOT_ACTIVE');
    expect(standInRefusal({ ...d, revokedAt: 'x' }, act)?.code).toBe('DELEGATION_NOT_ACTIVE');
  });

  it('names a stand-in’s act as 「张三（代李四）」', () => {
    expect(actorLabel('张三', '李四')).toBe('张三（代李四）');
    expect(actorLabel('张三', null)).toBe('张三');
  });

  it('has every refusal in the catalogue, with the statuses the issue asks for', () => {
    const kinds = Object.fromEntries(
      [
        'DELEGATION_ROLE_INVALID',
        'DELEGATION_TO_SELF',
        'DELEGATION_OUTSIDE_COUNTY',
        'DELEGATION_STAND_IN_LACKS_ROLE',
        'DELEGATION_OVERLAPS',
        'DELEGATION_NOT_ACTIVE',
      ].map((c) => [c, ERROR_CATALOGUE[c as keyof typeof ERROR_CATALOGUE].kind]),
    );
    expect(kinds).toEqual({
      DELEGATION_ROLE_INVALID: 'invalid',
      DELEGATION_TO_SELF: 'invalid',
      DELEGATION_OUTSIDE_COUNTY: 'forbidden',
      DELEGATION_STAND_IN_LACKS_ROLE: 'invalid',
      DELEGATION_OVERLAPS: 'conflict',
      DELEGATION_NOT_ACTIVE: 'forbidden',
    });
  });
});
