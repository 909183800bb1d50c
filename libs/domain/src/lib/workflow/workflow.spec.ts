import { REPORT_STATUSES, type ReportStatus } from '../report/parts';
import { ROLES, type Role } from '../tenancy/roles';
import {
  availableActions,
  CONTENT_EDITABLE_STATUSES,
  isContentEditable,
  planTransition,
  TRANSITION_ACTIONS,
  TRANSITIONS,
  transitionReasonLabel,
  withdrawHint,
  type TransitionAction,
} from './workflow';

const plan = (
  status: ReportStatus,
  action: TransitionAction,
  role: Role,
  extra: Partial<Parameters<typeof planTransition>[0]> = {},
) =>
  planTransition({
    status,
    action,
    roles: [role],
    ownDepartment: role === 'dept_editor' || role === 'dept_head',
    reason: '理由',
    blockingErrors: 0,
    ...extra,
  });

describe('report workflow', () => {
  it('the legal moves, exactly', () => {
    const legal: string[] = [];
    for (const status of REPORT_STATUSES) {
      for (const action of TRANSITION_ACTIONS) {
        for (const role of ROLES) {
          const p = plan(status, action, role);
          if (p.ok) legal.push(`${status} --${action}/${role}--> ${p.to}`);
        }
      }
    }
    expect(legal.sort()).toEqual(
      [
        'draft --submit/dept_editor--> submitted',
        'draft --submit/dept_head--> submitted',
        'returned --submit/dept_editor--> submitted',
        'returned --submit/dept_head--> submitted',
        'submitted --withdraw/dept_head--> draft',
        'submitted --start_review/finance_reviewer--> in_review',
        'submitted --start_review/finance_approver--> in_review',
        'submitted --return/finance_reviewer--> returned',
        'submitted --return/finance_approver--> returned',
        'in_review --return/finance_reviewer--> returned',
        'in_review --return/finance_approver--> returned',
        'submitted --approve/finance_approver--> approved',
        'in_review --approve/finance_approver--> approved',
        'approved --reopen/finance_approver--> returned',
      ].sort(),
    );
  });

  it('content is editable exactly where it can be submitted from: draft and returned', () => {
    expect(REPORT_STATUSES.filter(isContentEditable)).toEqual(['draft', 'returned']);
    expect([...TRANSITIONS.submit.from].sort()).toEqual([...CONTENT_EDITABLE_STATUSES].sort());
  });

  it('a role that may never take an action is forbidden (403) whatever the state; a wrong state is illegal (409)', () => {
    expect(plan('draft', 'approve', 'dept_head')).toMatchObject({ ok: false, code: 'TRANSITION_FORBIDDEN' });
    expect(plan('in_review', 'approve', 'finance_reviewer')).toMatchObject({ ok: false, code: 'TRANSITION_FORBIDDEN' });
    expect(plan('approved', 'submit', 'dept_editor')).toMatchObject({
      ok: false,
      code: 'TRANSITION_ILLEGAL',
      message: '报告当前为「已通过」，不能提交',
    });
    expect(plan('in_review', 'withdraw', 'dept_head')).toMatchObject({ ok: false, code: 'TRANSITION_ILLEGAL' });
  });

  it("department staff act only on their own department's report", () => {
    expect(plan('draft', 'submit', 'dept_editor', { ownDepartment: false })).toMatchObject({
      ok: false,
      code: 'TRANSITION_FORBIDDEN',
    });
  });

  it('withdraw, return and reopen need a reason; blank is no reason', () => {
    for (const action of ['withdraw', 'return', 'reopen'] as const) {
      const from = TRANSITIONS[action].from[0];
      const role = action === 'withdraw' ? 'dept_head' : 'finance_approver';
      expect(plan(from, action, role, { reason: '   ' })).toMatchObject({
        ok: false,
        code: 'TRANSITION_REASON_REQUIRED',
      });
      expect(plan(from, action, role, { reason: null })).toMatchObject({ ok: false });
      expect(plan(from, action, role, { reason: '数据有误' })).toMatchObject({ ok: true });
    }
    expect(plan('submitted', 'return', 'finance_reviewer', { reason: '长'.repeat(2001) })).toMatchObject({ ok: false });
  });

  it('submit and approve are refused while an error-severity rule fails, naming how many', () => {
    expect(plan('draft', 'submit', 'dept_editor', { blockingErrors: 2 })).toEqual({
      ok: false,
      code: 'REPORT_CHECKS_FAILING',
      message: '报告仍有 2 处错误未改正，不能提交',
    });
    expect(plan('in_review', 'approve', 'finance_approver', { blockingErrors: 1 })).toMatchObject({ ok: false });
    expect(plan('submitted', 'return', 'finance_reviewer', { blockingErrors: 5 })).toMatchObject({ ok: true });
  });

  it('an approval may carry an opinion (审批意见) or none, within the same length limit', () => {
    expect(plan('in_review', 'approve', 'finance_approver', { reason: null })).toMatchObject({ ok: true });
    expect(plan('in_review', 'approve', 'finance_approver', { reason: '同意' })).toMatchObject({ ok: true });
    expect(plan('in_review', 'approve', 'finance_approver', { reason: '长'.repeat(2001) })).toMatchObject({
      ok: false,
      message: '审批意见不能超过 2000 个字符',
    });
    expect(transitionReasonLabel('approve')).toBe('审批意见');
    expect(transitionReasonLabel('withdraw')).toBe('撤回原因');
  });

  it("tells the department's editor of a submitted report that its head may withdraw it", () => {
    expect(withdrawHint('submitted', ['dept_editor'], true)).toContain('请部门负责人');
    expect(withdrawHint('submitted', ['dept_editor', 'dept_head'], true)).toBeNull();
    expect(withdrawHint('in_review', ['dept_editor'], true)).toBeNull();
    expect(withdrawHint('submitted', ['dept_editor'], false)).toBeNull();
    expect(withdrawHint('submitted', ['finance_reviewer'], false)).toBeNull();
  });

  it('lists the actions a user could take now', () => {
    expect(availableActions('submitted', ['dept_head'], true)).toEqual(['withdraw']);
    expect(availableActions('submitted', ['finance_approver'], false)).toEqual(['start_review', 'return', 'approve']);
    expect(availableActions('draft', ['finance_reviewer'], false)).toEqual([]);
  });
});
