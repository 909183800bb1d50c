import { TRANSITIONS } from '../workflow/workflow';
import { isMailKind, MAIL_KIND_LABELS, MAIL_KINDS, mailKindOf, wantsMail } from './mail-kinds';

describe('mail kinds', () => {
  it('puts returns, approvals, reminders and comments in their own kinds, the other moves together', () => {
    expect(mailKindOf('report.return')).toBe('returned');
    expect(mailKindOf('report.reopen')).toBe('returned');
    expect(mailKindOf('report.approve')).toBe('approved');
    expect(mailKindOf('deadline.due_soon')).toBe('deadline');
    expect(mailKindOf('rectification.overdue')).toBe('deadline');
    expect(mailKindOf('comment.added')).toBe('comment');
    expect(mailKindOf('report.submit')).toBe('workflow');
    expect(mailKindOf('report.withdraw')).toBe('workflow');
    expect(mailKindOf('report.start_review')).toBe('workflow');
  });

  it('gives every transition a kind a user can turn off, and every kind a Chinese label', () => {
    for (const action of Object.keys(TRANSITIONS)) expect(isMailKind(mailKindOf(`report.${action}`))).toBe(true);
    for (const kind of MAIL_KINDS) expect(MAIL_KIND_LABELS[kind].label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sends what was not opted out of', () => {
    expect(wantsMail([], 'report.return')).toBe(true);
    expect(wantsMail(['returned'], 'report.return')).toBe(false);
    expect(wantsMail(['returned'], 'report.approve')).toBe(true);
    expect(isMailKind('returned')).toBe(true);
    expect(isMailKind('report.return')).toBe(false);
  });
});
