import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import type { Rectification, ReportSpotCheck } from '../../../api/spot-checks-api';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { RectificationTab } from './rectification-tab';

const item = (overrides: Partial<Rectification> = {}): Rectification => ({
  id: 'i1',
  reportId: 'r1',
  title: '补充职工培训人次的佐证材料',
  ownerUserId: null,
  ownerName: '张三',
  dueOn: '2025-05-01',
  status: 'open',
  overdue: true,
  answer: null,
  evidenceText: null,
  answeredAt: null,
  closedAt: null,
  version: 1,
  createdAt: '2025-04-01T02:00:00.000Z',
  evidence: [],
  history: [
    {
      action: 'create',
      fromStatus: null,
      toStatus: 'open',
      note: null,
      actorName: '审核人',
      occurredAt: '2025-04-01T02:00:00.000Z',
    },
  ],
  ...overrides,
});

const view = (items: Rectification[]): ReportSpotCheck => ({
  selected: true,
  batch: {
    id: 'b1',
    name: '2024年度重点评价',
    ruleText: '随机抽取 20%，种子 123456',
    selectedAt: '2025-03-01T02:00:00.000Z',
  },
  findings: [{ id: 'f1', body: '绩效目标完成值缺少佐证', version: 1, createdAt: '', updatedAt: '' }],
  items,
});

function renderTab(side: 'finance' | 'department', answer: (call: FakeCall) => unknown) {
  const api = fakeApi(answer);
  render(
    <AntApp>
      <RectificationTab api={api} reportId="r1" side={side} />
    </AntApp>,
  );
  return api;
}

describe('RectificationTab', () => {
  it('says so when the report was not selected', async () => {
    renderTab('department', () => ({ selected: false, batch: null, findings: [], items: [] }));
    expect(await screen.findByText('本报告未被抽评')).toBeTruthy();
  });

  it('shows the batch, the findings and an overdue item highlighted; the department answers it with its version', async () => {
    const api = renderTab('department', (call) =>
      call.method === 'POST'
        ? item({
            status: 'answered',
            overdue: true,
            version: 2,
            answer: '已补充签到表',
            evidenceText: '赵工发〔2025〕12号',
          })
        : view([item()]),
    );
    expect(await screen.findByText('随机抽取 20%，种子 123456')).toBeTruthy();
    expect(screen.getByText('1. 绩效目标完成值缺少佐证')).toBeTruthy();
    expect(screen.getByText('整改事项（1 项，其中 1 项已逾期）')).toBeTruthy();
    const card = screen.getByTestId('rectification-i1');
    expect(within(card).getByText('已逾期')).toBeTruthy();
    expect(within(card).queryByText('办结')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: '答 复' }));
    fireEvent.change(await screen.findByLabelText('整改情况'), { target: { value: '已补充签到表' } });
    fireEvent.change(screen.getByLabelText('佐证材料说明'), { target: { value: '赵工发〔2025〕12号' } });
    fireEvent.click(screen.getByRole('button', { name: '提交答复' }));
    await waitFor(() => expect(within(screen.getByTestId('rectification-i1')).getByText('已答复')).toBeTruthy());
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post).toMatchObject({
      path: '/rectifications/i1/answer',
      headers: { 'if-match': '"1"' },
      body: { answer: '已补充签到表', evidenceText: '赵工发〔2025〕12号' },
    });
  });

  it('lets the finance bureau close an item, and reopen it only with a reason', async () => {
    let current = item({ status: 'answered', overdue: false, version: 2, answer: '已整改' });
    const api = renderTab('finance', (call) => {
      if (call.method === 'GET') return view([current]);
      const body = call.body as { action: string };
      current =
        body.action === 'close'
          ? { ...current, status: 'closed', version: current.version + 1 }
          : { ...current, status: 'open', version: current.version + 1 };
      return current;
    });
    const card = await screen.findByTestId('rectification-i1');
    expect(within(card).queryByText('答 复')).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: '办 结' }));
    await waitFor(() => expect(within(screen.getByTestId('rectification-i1')).getByText('已办结')).toBeTruthy());
    fireEvent.click(within(screen.getByTestId('rectification-i1')).getByRole('button', { name: '重新打开' }));
    const ok = (await screen.findAllByRole('button', { name: '重新打开' })).at(-1) as HTMLElement;
    expect(ok.hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('重新打开的原因'), { target: { value: '签到表无盖章' } });
    fireEvent.click(ok);
    await waitFor(() => expect(within(screen.getByTestId('rectification-i1')).getByText('待整改')).toBeTruthy());
    expect(api.calls.filter((c) => c.method === 'POST').map((c) => [c.headers['if-match'], c.body])).toEqual([
      ['"2"', { action: 'close', reason: undefined }],
      ['"3"', { action: 'reopen', reason: '签到表无盖章' }],
    ]);
  });

  it("lets the finance bureau change an item's owner as of its version", async () => {
    const api = renderTab('finance', (call) =>
      call.method === 'PATCH' ? item({ ownerName: '李四', version: 2 }) : view([item()]),
    );
    const card = await screen.findByTestId('rectification-i1');
    fireEvent.click(within(card).getByRole('button', { name: '修 改' }));
    fireEvent.change(await screen.findByLabelText('修改责任人'), { target: { value: '李四' } });
    fireEvent.click(screen.getByRole('button', { name: '保 存' }));
    await waitFor(() => expect(within(screen.getByTestId('rectification-i1')).getByText('李四')).toBeTruthy());
    expect(api.calls.find((c) => c.method === 'PATCH')).toMatchObject({
      path: '/rectifications/i1',
      headers: { 'if-match': '"1"' },
      body: { ownerName: '李四' },
    });
  });
});
