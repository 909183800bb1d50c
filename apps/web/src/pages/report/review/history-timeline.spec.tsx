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
});
