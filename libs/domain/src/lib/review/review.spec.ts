import { documentEdition, documentFileName } from '../report/documents';
import {
  checkCommentAnchor,
  commentSide,
  commentThreadState,
  COMMENT_THREAD_STATE_LABELS,
  normaliseCommentBody,
  MAX_COMMENT_LENGTH,
} from './comments';
import {
  chinaDate,
  checkDeadline,
  daysBetween,
  deadlineConfirmationReason,
  deadlineStatus,
  isIsoDate,
} from './deadlines';
import { headSignOffMissing } from './sign-off';
import { planTransition } from '../workflow/workflow';

describe('comment thread states', () => {
  it('closes every open thread of an approved report, and only then', () => {
    expect(commentThreadState('open', 'approved')).toBe('closed');
    expect(COMMENT_THREAD_STATE_LABELS[commentThreadState('open', 'approved')]).toBe('已关闭');
    expect(commentThreadState('resolved', 'approved')).toBe('resolved');
    expect(commentThreadState('open', 'returned')).toBe('open');
    expect(commentThreadState('open', 'in_review')).toBe('open');
  });
});

describe('comment anchors', () => {
  it('accepts a part alone or a path inside it', () => {
    expect(checkCommentAnchor('department_overall', 'budget', undefined)).toEqual({
      ok: true,
      anchor: { part: 'budget', fieldPath: null },
    });
    expect(checkCommentAnchor('department_overall', 'budget', 'budget.lines.2.amount')).toEqual({
      ok: true,
      anchor: { part: 'budget', fieldPath: 'budget.lines.2.amount' },
    });
  });

  it('refuses unknown parts, paths outside the part and malformed paths', () => {
    expect(checkCommentAnchor('department_overall', 'appendix', null).ok).toBe(false);
    // a part the kind does not have: a project table has no budget part, an overall report no projectInfo
    expect(checkCommentAnchor('project', 'budget', null).ok).toBe(false);
    expect(checkCommentAnchor('department_overall', 'projectInfo', null).ok).toBe(false);
    expect(checkCommentAnchor('project', 'projectInfo', 'projectInfo.code')).toEqual({
      ok: true,
      anchor: { part: 'projectInfo', fieldPath: 'projectInfo.code' },
    });
    expect(checkCommentAnchor('department_overall', 'budget', 'goals.items.0').ok).toBe(false);
    expect(checkCommentAnchor('department_overall', 'budget', 'budgetary.total').ok).toBe(false);
    expect(checkCommentAnchor('department_overall', 'budget', 'budget..total').ok).toBe(false);
    expect(checkCommentAnchor('department_overall', 'budget', 'budget.lines.01').ok).toBe(false);
    expect(checkCommentAnchor('department_overall', 'budget', `budget.${'x'.repeat(300)}`).ok).toBe(false);
  });

  it('trims bodies and refuses empty or overlong ones', () => {
    expect(normaliseCommentBody('  请核对  ')).toBe('请核对');
    expect(normaliseCommentBody('   ')).toBeNull();
    expect(normaliseCommentBody(42)).toBeNull();
    expect(normaliseCommentBody('字'.repeat(MAX_COMMENT_LENGTH))).toHaveLength(MAX_COMMENT_LENGTH);
    expect(normaliseCommentBody('字'.repeat(MAX_COMMENT_LENGTH + 1))).toBeNull();
  });

  it('tells the two sides apart by role', () => {
    expect(commentSide(['finance_reviewer'])).toBe('finance');
    expect(commentSide(['dept_editor'])).toBe('department');
  });
});

describe('deadlines', () => {
  it('need a confirmation when already past or fewer than 7 days away', () => {
    expect(deadlineConfirmationReason('2025-04-30', '2025-05-02')).toBe(
      '截止日期 2025-04-30 已过去 2 天：设置后本年度尚未提交的报告将立即显示为已逾期。确认要设置吗？',
    );
    expect(deadlineConfirmationReason('2025-04-30', '2025-04-30')).toContain('就是今天');
    expect(deadlineConfirmationReason('2025-04-30', '2025-04-24')).toContain('距今只有 6 天（少于 7 天）');
    expect(deadlineConfirmationReason('2025-04-30', '2025-04-23')).toBeNull();
  });

  it('counts days in China Standard Time', () => {
    // 16:30 UTC on the 14th is 00:30 on the 15th in Beijing
    expect(chinaDate(new Date('2025-04-14T16:30:00Z'))).toBe('2025-04-15');
    expect(chinaDate(new Date('2025-04-14T15:59:59Z'))).toBe('2025-04-14');
    expect(daysBetween('2025-02-27', '2025-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-27')).toBe(-2);
  });

  it('knows real dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-4-1')).toBe(false);
    expect(checkDeadline(2024, '2025-04-30')).toBeNull();
    expect(checkDeadline(2024, '2027-04-30')).toMatch(/2024年或2025年/);
    expect(checkDeadline(2024, '2025-13-01')).toMatch(/有效日期/);
  });

  const now = new Date('2025-04-27T02:00:00Z'); // 27 April in Beijing
  it.each([
    ['2025-05-10', null, 'open', 13],
    ['2025-04-30', null, 'due_soon', 3],
    ['2025-04-27', null, 'due_soon', 0],
    ['2025-04-26', null, 'overdue', -1],
    // submitted: counted from the submission (5 days early; on the day; the next day in Beijing)
    ['2025-04-26', new Date('2025-04-21T03:00:00Z'), 'met', 5],
    ['2025-04-26', new Date('2025-04-26T15:59:00Z'), 'met', 0],
    ['2025-04-26', new Date('2025-04-26T16:01:00Z'), 'late', -1],
  ] as const)('due %s, first submitted %s → %s', (dueOn, submitted, state, daysLeft) => {
    expect(deadlineStatus(dueOn, submitted, now)).toEqual({ dueOn, state, daysLeft });
  });
});

describe('head sign-off', () => {
  const base = { required: true, roles: ['dept_editor'] as const, signedVersion: null, currentVersion: 7 };
  it('is missing only where required, for a non-head, without a sign-off of the current content', () => {
    expect(headSignOffMissing({ ...base })).toBe(true);
    expect(headSignOffMissing({ ...base, signedVersion: 6 })).toBe(true);
    expect(headSignOffMissing({ ...base, signedVersion: 7 })).toBe(false);
    expect(headSignOffMissing({ ...base, required: false })).toBe(false);
    expect(headSignOffMissing({ ...base, roles: ['dept_head'] })).toBe(false);
  });

  it('blocks a submit, and only a submit', () => {
    const request = { status: 'draft', roles: ['dept_editor'], ownDepartment: true, blockingErrors: 0 } as const;
    expect(planTransition({ ...request, action: 'submit', headSignOffMissing: true })).toMatchObject({
      ok: false,
      code: 'REPORT_SIGN_OFF_REQUIRED',
    });
    expect(planTransition({ ...request, action: 'submit', headSignOffMissing: false }).ok).toBe(true);
    expect(
      planTransition({
        ...request,
        status: 'submitted',
        roles: ['dept_head'],
        action: 'withdraw',
        reason: '需补充佐证',
        headSignOffMissing: true,
      }).ok,
    ).toBe(true);
  });
});

describe('document editions', () => {
  it('render the revision the bureau has, the approved one with its block, or a draft as it is', () => {
    expect(documentEdition('submitted', 2, 9)).toEqual({ edition: 'r2', fromRevision: true, watermark: '送审稿' });
    expect(documentEdition('in_review', 2, 10)).toEqual({ edition: 'r2', fromRevision: true, watermark: '送审稿' });
    expect(documentEdition('approved', 2, 11)).toEqual({ edition: 'r2-approved', fromRevision: true, watermark: null });
    expect(documentEdition('returned', 2, 12)).toEqual({ edition: 'v12', fromRevision: false, watermark: '草稿' });
    expect(documentEdition('draft', null, 1)).toEqual({ edition: 'v1', fromRevision: false, watermark: '草稿' });
    const union = { departmentName: '赵县总工会', fiscalYear: 2024 };
    expect(documentFileName({ ...union, kind: 'department_overall' }, 'pdf')).toBe(
      '赵县总工会2024年度整体支出绩效自评报告.pdf',
    );
  });

  it('name a project table after its project, never with a character a file system refuses', () => {
    const union = { departmentName: '赵县总工会', fiscalYear: 2024, kind: 'project' as const };
    expect(documentFileName({ ...union, projectName: '困难职工帮扶救助专项资金' }, 'docx')).toBe(
      '赵县总工会2024年度困难职工帮扶救助专项资金项目支出绩效自评表.docx',
    );
    // a name that ends in 项目 is not doubled
    expect(documentFileName({ ...union, projectName: '职工书屋建设项目' }, 'pdf')).toBe(
      '赵县总工会2024年度职工书屋建设项目支出绩效自评表.pdf',
    );
    expect(documentFileName({ ...union, projectName: 'A/B:C*D?"<>|' }, 'pdf')).toBe(
      '赵县总工会2024年度A_B_C_D_____项目支出绩效自评表.pdf',
    );
  });
});
