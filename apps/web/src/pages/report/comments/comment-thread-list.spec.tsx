import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { CommentThread } from '../../../api/report-types';
import { fakeApi } from '../../../test/fake-api';
import { thread } from '../../../test/report-fixtures';
import { upsertById } from '../../../hooks/upsert-by-id';
import { CommentThreadList } from './comment-thread-list';

/** The list as the report page holds it: threads in state, replaced by what the API answers. */
function Harness({ api, initial, canResolve }: { api: ApiClient; initial: CommentThread[]; canResolve: boolean }) {
  const [threads, setThreads] = useState(initial);
  return (
    <AntApp>
      <CommentThreadList
        api={api}
        kind="department_overall"
        threads={threads}
        canReply
        canResolve={canResolve}
        showPart
        empty="还没有意见"
        onChange={(t) => setThreads((rows) => upsertById(rows, t))}
      />
    </AntApp>
  );
}

const open = thread();
const whole = thread({
  id: 'dddddddd-0000-4000-8000-000000000002',
  part: 'conclusion',
  fieldPath: null,
  comments: [{ ...open.comments[0], id: 'c2', body: '评价等级与得分不符' }],
});

describe('CommentThreadList', () => {
  it('shows each thread where it points, with its comments', () => {
    render(<Harness api={fakeApi(() => undefined)} initial={[open, whole]} canResolve />);
    const budget = screen.getByRole('article', { name: /项目预算明细 第3行 · 年初预算数/ });
    expect(within(budget).getByText('请附上冀财行【2023】98号文件')).toBeTruthy();
    expect(within(budget).getByText('财政局')).toBeTruthy();
    expect(within(budget).getByText('未解决')).toBeTruthy();
    expect(screen.getByRole('article', { name: '意见：四、评价结论和评价等级' })).toBeTruthy();
  });

  it('says so when there is no thread', () => {
    render(<Harness api={fakeApi(() => undefined)} initial={[]} canResolve={false} />);
    expect(screen.getByText('还没有意见')).toBeTruthy();
  });

  it('sends a reply and shows the thread the API answers', async () => {
    const api = fakeApi(({ body }) => ({
      ...open,
      comments: [
        ...open.comments,
        {
          id: 'r1',
          body: (body as { body: string }).body,
          authorName: '李编制',
          side: 'department',
          createdAt: '2025-04-03T08:00:00.000Z',
        },
      ],
    }));
    render(<Harness api={api} initial={[open]} canResolve={false} />);
    // the department may reply but not resolve
    expect(screen.queryByRole('button', { name: /标记已解决/ })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /回\s*复/ }));
    fireEvent.change(screen.getByRole('textbox', { name: '回复内容' }), { target: { value: '  已补充文件  ' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /发送回复/ })));

    expect(api.calls).toEqual([
      {
        path: `/reports/${open.reportId}/comments/${open.id}/replies`,
        method: 'POST',
        body: { body: '已补充文件' },
        headers: {},
      },
    ]);
    expect(await screen.findByText('已补充文件')).toBeTruthy();
    expect(screen.getByText('部门')).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: '回复内容' })).toBeNull();
  });

  it('does not send an empty reply', async () => {
    const api = fakeApi(() => open);
    render(<Harness api={api} initial={[open]} canResolve={false} />);
    fireEvent.click(screen.getByRole('button', { name: /回\s*复/ }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /发送回复/ })));
    expect(api.calls).toHaveLength(0);
    expect(await screen.findByText('请填写回复内容')).toBeTruthy();
  });

  it('resolves with the thread version in If-Match, then offers to reopen', async () => {
    const api = fakeApi(({ body }) => ({
      ...open,
      ...(body as object),
      version: 4,
      resolvedAt: '2025-04-03T09:00:00.000Z',
      resolvedBy: '王审核',
    }));
    render(<Harness api={api} initial={[open]} canResolve />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /标记已解决/ })));

    expect(api.calls[0]).toEqual({
      path: `/reports/${open.reportId}/comments/${open.id}`,
      method: 'PATCH',
      body: { status: 'resolved' },
      headers: { 'if-match': '"3"' },
    });
    expect(await screen.findByText('已解决')).toBeTruthy();
    expect(screen.getByText(/王审核 于/)).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: /重新打开/ })));
    expect(api.calls[1]).toMatchObject({ body: { status: 'open' }, headers: { 'if-match': '"4"' } });
  });

  it('shows the current thread when someone else changed it first (412)', async () => {
    const current = {
      ...open,
      status: 'resolved' as const,
      version: 5,
      resolvedBy: '赵领导',
      resolvedAt: '2025-04-03T09:00:00.000Z',
    };
    const api = fakeApi(() => {
      throw new ApiError(412, { code: 'VERSION_MISMATCH', message: '数据已被他人修改', details: { current } });
    });
    render(<Harness api={api} initial={[open]} canResolve />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /标记已解决/ })));
    await waitFor(() => expect(screen.getByText('已解决')).toBeTruthy());
    expect(screen.getByText(/赵领导 于/)).toBeTruthy();
    expect(await screen.findByText('该意见已被他人处理，已显示最新状态')).toBeTruthy();
  });
});
