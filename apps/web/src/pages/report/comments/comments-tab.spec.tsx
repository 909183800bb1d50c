import { fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { CommentThread } from '../../../api/report-types';
import { fakeApi } from '../../../test/fake-api';
import { thread } from '../../../test/report-fixtures';
import { CommentsTab } from './comments-tab';

const older = thread();
const newer = thread({
  id: 'dddddddd-0000-4000-8000-000000000002',
  part: 'basicInfo',
  fieldPath: null,
  createdAt: '2025-04-05T08:00:00.000Z',
  comments: [{ ...older.comments[0], id: 'c2', body: '人员情况需说明变动原因' }],
});
const resolved = thread({
  id: 'dddddddd-0000-4000-8000-000000000003',
  part: 'conclusion',
  fieldPath: null,
  status: 'resolved',
  createdAt: '2025-04-04T08:00:00.000Z',
  resolvedBy: '王审核',
  resolvedAt: '2025-04-06T08:00:00.000Z',
  comments: [{ ...older.comments[0], id: 'c3', body: '评价等级与得分不符' }],
});

function renderTab(threads: CommentThread[], closed = false) {
  render(
    <AntApp>
      <CommentsTab
        api={fakeApi(() => undefined)}
        kind="department_overall"
        reportId={older.reportId}
        parts={{}}
        threads={threads}
        error={undefined}
        onRetry={vi.fn()}
        canStart={false}
        canReply={!closed}
        canResolve={!closed}
        closed={closed}
        onChange={vi.fn()}
      />
    </AntApp>,
  );
}

const shownBodies = () =>
  screen.getAllByRole('article').map((card) => within(card).getAllByRole('listitem')[0].textContent ?? '');

describe('CommentsTab', () => {
  it('lists the open threads newest first, all of them on request, or part by part', () => {
    renderTab([older, resolved, newer]);
    expect(shownBodies().map((b) => b.replace(/^.*?\d{2}:\d{2}/, ''))).toEqual([
      '人员情况需说明变动原因',
      '请附上冀财行【2023】98号文件',
    ]);
    fireEvent.click(screen.getByRole('checkbox', { name: '只看未解决（2）' }));
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(shownBodies()[0]).toContain('人员情况需说明变动原因');
    expect(shownBodies()[1]).toContain('评价等级与得分不符');
    fireEvent.click(screen.getByText('按部分'));
    // 一、部门基本情况 before （二）预算 before 四、评价结论
    expect(shownBodies().map((b) => b.slice(-8))).toEqual([
      '人员情况需说明变动原因'.slice(-8),
      '请附上冀财行【2023】98号文件'.slice(-8),
      '评价等级与得分不符'.slice(-8),
    ]);
  });

  it('after approval shows every thread closed, none as 未解决, with nothing to filter', () => {
    renderTab([older, resolved, newer], true);
    expect(screen.getAllByRole('article')).toHaveLength(3);
    expect(screen.queryByText('未解决')).toBeNull();
    expect(screen.getAllByText('已关闭')).toHaveLength(2);
    expect(screen.getByText('已解决')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /只看未解决/ })).toBeNull();
  });
});
