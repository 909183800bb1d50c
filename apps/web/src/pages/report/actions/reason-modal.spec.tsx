import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import type { OpenComment } from '../../../api/report-types';
import { ReasonModal, type ReasonedAction } from './reason-modal';

const comments: OpenComment[] = [
  { id: 't1', part: 'budget', fieldPath: 'budget.lines.2.amount', body: '请附上冀财行【2023】98号文件' },
  { id: 't2', part: 'conclusion', fieldPath: null, body: '评价等级与得分不符' },
];

function renderModal(action: ReasonedAction, openComments: OpenComment[], onSubmit = vi.fn().mockResolvedValue(true)) {
  const onClose = vi.fn();
  render(
    <AntApp>
      <ReasonModal
        action={action}
        kind="department_overall"
        open
        openComments={openComments}
        onSubmit={onSubmit}
        onClose={onClose}
      />
    </AntApp>,
  );
  return { onSubmit, onClose };
}

const okButton = (label: RegExp) => screen.getAllByRole('button', { name: label }).at(-1) as HTMLElement;

describe('ReasonModal', () => {
  it('refuses to return without a reason', async () => {
    const { onSubmit, onClose } = renderModal('return', comments);
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '   ' } });
    await act(async () => fireEvent.click(okButton(/退回修改/)));
    expect(await screen.findByText('请填写退回修改的原因')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('lists the open comments that go with the return, and sends the trimmed reason', async () => {
    const { onSubmit, onClose } = renderModal('return', comments);
    expect(screen.getByText('以下 2 条未解决的意见将随退回一并发给部门：')).toBeTruthy();
    expect(screen.getByText('（二）部门收支预决算情况 › 项目预算明细 第3行 · 年初预算数：')).toBeTruthy();
    expect(screen.getByText('请附上冀财行【2023】98号文件')).toBeTruthy();
    expect(screen.getByText('四、评价结论和评价等级：')).toBeTruthy();

    fireEvent.change(screen.getByRole('textbox'), { target: { value: '  预算明细与文件不符，请核对  ' } });
    await act(async () => fireEvent.click(okButton(/退回修改/)));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith('预算明细与文件不符，请核对'));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
  });

  it('stays open when the move failed', async () => {
    const { onSubmit, onClose } = renderModal('return', [], vi.fn().mockResolvedValue(false));
    expect(screen.getByText('没有未解决的意见')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: '请补充绩效目标' } });
    await act(async () => fireEvent.click(okButton(/退回修改/)));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks a reopen for its reason too, without listing comments', async () => {
    const { onSubmit } = renderModal('reopen', comments);
    expect(screen.queryByText(/将随退回一并发给部门/)).toBeNull();
    await act(async () => fireEvent.click(okButton(/重新打开/)));
    expect(await screen.findByText('请填写重新打开的原因')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
