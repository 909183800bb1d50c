import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../api/report-types';
import { HistoryTimeline } from './history-timeline';

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  id: '1',
  action: 'submit',
  from: 'draft',
  to: 'submitted',
  reason: null,
  actorName: '李编制',
  occurredAt: '2025-04-20T08:00:00.000Z',
  revision: 1,
  openComments: [],
  ...over,
});

describe('HistoryTimeline', () => {
  it('names a stand-in’s step as done for its principal', () => {
    render(
      <HistoryTimeline
        kind="department_overall"
        entries={[
          entry({}),
          entry({
            id: '2',
            action: 'approve',
            from: 'submitted',
            to: 'approved',
            actorName: '张三',
            onBehalfOfName: '李四',
            actorLabel: '张三（代李四）',
            revision: null,
          }),
        ]}
      />,
    );
    expect(screen.getByText('张三（代李四）')).toBeTruthy();
    expect(screen.getByText('李编制')).toBeTruthy();
  });

  it('shows a withdrawal with its reason and an approval with its 审批意见', () => {
    render(
      <HistoryTimeline
        kind="department_overall"
        entries={[
          entry({}),
          entry({ id: '2', action: 'withdraw', from: 'submitted', to: 'draft', reason: '人员数填错', revision: null }),
          entry({ id: '3', action: 'approve', from: 'in_review', to: 'approved', reason: '同意。', revision: null }),
        ]}
      />,
    );
    const withdrawal = document.querySelector('[data-action="withdraw"]') as HTMLElement;
    expect(withdrawal.textContent).toContain('撤回原因：人员数填错');
    const approval = document.querySelector('[data-action="approve"]') as HTMLElement;
    expect(approval.textContent).toContain('审批意见：同意。');
  });
});
