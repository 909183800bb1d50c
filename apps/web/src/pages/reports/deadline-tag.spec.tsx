import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeadlineTag, deadlineText } from './deadline-tag';

describe('deadline state', () => {
  it.each([
    [{ state: 'open', daysLeft: 13 }, '未到期 · 剩 13 天', 'default'],
    [{ state: 'due_soon', daysLeft: 3 }, '即将到期 · 剩 3 天', 'orange'],
    [{ state: 'due_soon', daysLeft: 0 }, '即将到期 · 今日截止', 'orange'],
    [{ state: 'overdue', daysLeft: -2 }, '已逾期 2 天', 'red'],
    [{ state: 'met', daysLeft: -5 }, '按时提交', 'green'],
    [{ state: 'late', daysLeft: -5 }, '逾期提交 · 晚 5 天', 'volcano'],
  ] as const)('%o reads %s', (state, text, color) => {
    expect(deadlineText({ dueOn: '2025-04-30', ...state })).toEqual({ text, color });
  });

  it('marks an overdue report and says when no deadline is set', () => {
    render(<DeadlineTag deadline={{ dueOn: '2025-04-30', state: 'overdue', daysLeft: -1 }} />);
    expect(screen.getByText('已逾期 1 天').closest('[data-deadline]')?.getAttribute('data-deadline')).toBe('overdue');
    render(<DeadlineTag deadline={null} />);
    expect(screen.getByText('未设截止日期')).toBeTruthy();
  });
});
