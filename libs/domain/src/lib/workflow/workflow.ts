import { REPORT_STATUS_LABELS, type ReportStatus } from '../report/parts';
import type { Role } from '../tenancy/roles';

/**
 * The report workflow (DESIGN.md "Workflow"): draft → submitted → in_review → approved, with
 * return (back to the department, with a reason), withdraw (by the department before review starts)
 * and reopen (of an approved report, by the finance bureau's leader, with a reason).
 */
/** Where the department may still change the content (DESIGN.md: editable only in draft and returned). */
export const CONTENT_EDITABLE_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

export const isContentEditable = (status: ReportStatus): boolean => CONTENT_EDITABLE_STATUSES.includes(status);

export const TRANSITION_ACTIONS = ['submit', 'withdraw', 'start_review', 'return', 'approve', 'reopen'] as const;
export type TransitionAction = (typeof TRANSITION_ACTIONS)[number];

export interface TransitionSpec {
  label: string;
  from: ReportStatus[];
  to: ReportStatus;
  roles: readonly Role[];
  /** whose report the actor must be of: its own department's, or any of its county */
  scope: 'own_department' | 'county';
  needsReason: boolean;
  /** refused while an error-severity rule fails */
  needsPassingChecks: boolean;
  /** freezes the content as a new revision */
  freezesRevision: boolean;
  /** refused without a current head sign-off, where the county requires one */
  needsHeadSignOff: boolean;
}

export const TRANSITIONS: Record<TransitionAction, TransitionSpec> = {
  submit: {
    label: '提交',
    from: ['draft', 'returned'],
    to: 'submitted',
    roles: ['dept_editor', 'dept_head'],
    scope: 'own_department',
    needsReason: false,
    needsPassingChecks: true,
    freezesRevision: true,
    needsHeadSignOff: true,
  },
  withdraw: {
    label: '撤回',
    from: ['submitted'],
    to: 'draft',
    roles: ['dept_head'],
    scope: 'own_department',
    needsReason: true,
    needsPassingChecks: false,
    freezesRevision: false,
    needsHeadSignOff: false,
  },
  start_review: {
    label: '开始审核',
    from: ['submitted'],
    to: 'in_review',
    roles: ['finance_reviewer', 'finance_approver'],
    scope: 'county',
    needsReason: false,
    needsPassingChecks: false,
    freezesRevision: false,
    needsHeadSignOff: false,
  },
  return: {
    label: '退回修改',
    from: ['submitted', 'in_review'],
    to: 'returned',
    roles: ['finance_reviewer', 'finance_approver'],
    scope: 'county',
    needsReason: true,
    needsPassingChecks: false,
    freezesRevision: false,
    needsHeadSignOff: false,
  },
  approve: {
    label: '审核通过',
    from: ['submitted', 'in_review'],
    to: 'approved',
    roles: ['finance_approver'],
    scope: 'county',
    needsReason: false,
    needsPassingChecks: true,
    freezesRevision: false,
    needsHeadSignOff: false,
  },
  reopen: {
    label: '重新打开',
    from: ['approved'],
    to: 'returned',
    roles: ['finance_approver'],
    scope: 'county',
    needsReason: true,
    needsPassingChecks: false,
    freezesRevision: false,
    needsHeadSignOff: false,
  },
};

export const MAX_REASON_LENGTH = 2000;

/**
 * What a move's text is called where it is asked for and shown in the history: the reason of a withdrawal,
 * return or reopening; the 审批意见 an approver may write (optional, printed on the approved document).
 */
export const TRANSITION_REASON_LABELS: Partial<Record<TransitionAction, string>> = {
  withdraw: '撤回原因',
  return: '退回修改原因',
  reopen: '重新打开原因',
  approve: '审批意见',
};

export const transitionReasonLabel = (action: TransitionAction): string => TRANSITION_REASON_LABELS[action] ?? '原因';

/**
 * Who may withdraw a submission, in words, for the department staff who may not (the editor sees why there is
 * no 撤回, and whom to ask).
 */
export function withdrawHint(status: ReportStatus, roles: readonly Role[], ownDepartment: boolean): string | null {
  if (!ownDepartment || status !== 'submitted') return null;
  if (roles.some((r) => TRANSITIONS.withdraw.roles.includes(r))) return null;
  if (!roles.includes('dept_editor')) return null;
  return '报告已提交、财政局尚未开始审核：如需撤回修改，请部门负责人在本页「撤回」（须填写原因）';
}

export type TransitionRefusal =
  /** the actor's roles never allow this action (403) */
  | { code: 'TRANSITION_FORBIDDEN'; message: string }
  /** not from the report's current state (409) */
  | { code: 'TRANSITION_ILLEGAL'; message: string }
  /** a reason is required or too long (400) */
  | { code: 'TRANSITION_REASON_REQUIRED'; message: string }
  /** blocking rule failures (409) */
  | { code: 'REPORT_CHECKS_FAILING'; message: string }
  /** the county requires the head's sign-off of the current content (409) */
  | { code: 'REPORT_SIGN_OFF_REQUIRED'; message: string };

export type TransitionPlan = { ok: true; to: ReportStatus; spec: TransitionSpec } | ({ ok: false } & TransitionRefusal);

export interface TransitionRequest {
  status: ReportStatus;
  action: TransitionAction;
  roles: readonly Role[];
  /** the report belongs to the actor's own department */
  ownDepartment: boolean;
  reason?: string | null;
  /** number of failing error-severity rules on the current content */
  blockingErrors: number;
  /** the county requires a head sign-off and the current content has none (see headSignOffMissing) */
  headSignOffMissing?: boolean;
}

/** Decides a transition: who may, from where, with what. Pure, so api, worker and web agree. */
export function planTransition(request: TransitionRequest): TransitionPlan {
  const spec = TRANSITIONS[request.action];
  const allowedRole = request.roles.some((r) => spec.roles.includes(r));
  if (!allowedRole || (spec.scope === 'own_department' && !request.ownDepartment)) {
    return { ok: false, code: 'TRANSITION_FORBIDDEN', message: `您无权对该报告执行「${spec.label}」` };
  }
  if (!spec.from.includes(request.status)) {
    return {
      ok: false,
      code: 'TRANSITION_ILLEGAL',
      message: `报告当前为「${REPORT_STATUS_LABELS[request.status]}」，不能${spec.label}`,
    };
  }
  const reason = request.reason?.trim() ?? '';
  if (spec.needsReason && !reason) {
    return { ok: false, code: 'TRANSITION_REASON_REQUIRED', message: `${spec.label}须填写原因` };
  }
  if (reason.length > MAX_REASON_LENGTH) {
    const what = transitionReasonLabel(request.action);
    return { ok: false, code: 'TRANSITION_REASON_REQUIRED', message: `${what}不能超过 ${MAX_REASON_LENGTH} 个字符` };
  }
  if (spec.needsHeadSignOff && request.headSignOffMissing) {
    return {
      ok: false,
      code: 'REPORT_SIGN_OFF_REQUIRED',
      message: `本县要求提交前须经部门负责人签核；报告的当前内容尚未签核，不能${spec.label}`,
    };
  }
  if (spec.needsPassingChecks && request.blockingErrors > 0) {
    return {
      ok: false,
      code: 'REPORT_CHECKS_FAILING',
      message: `报告仍有 ${request.blockingErrors} 处错误未改正，不能${spec.label}`,
    };
  }
  return { ok: true, to: spec.to, spec };
}

/** The actions an actor could take now (for buttons), ignoring checks and reasons. */
export function availableActions(
  status: ReportStatus,
  roles: readonly Role[],
  ownDepartment: boolean,
): TransitionAction[] {
  return TRANSITION_ACTIONS.filter((action) => {
    const plan = planTransition({ status, action, roles, ownDepartment, reason: 'x', blockingErrors: 0 });
    return plan.ok;
  });
}

export function isTransitionAction(value: unknown): value is TransitionAction {
  return typeof value === 'string' && (TRANSITION_ACTIONS as readonly string[]).includes(value);
}
