import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChecksView, OpenComment, ReportView } from '../../../api/report-types';
import type { Session } from '../../../auth/session';
import { checksView, reportView } from '../../../test/report-fixtures';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../../test/session-fixtures';
import { initialSaveState, unsavedReason } from '../editor/save-state';
import { ReportActions } from './report-actions';

const STATES = {
  a: { ...initialSaveState(1, {}), status: 'saved' as const },
  b: { ...initialSaveState(1, {}), status: 'dirty' as const },
};

const passing = checksView();
const failing = checksView({ errors: 2, blocking: true });

async function renderActions(
  principal: keyof typeof PRINCIPALS,
  report: ReportView,
  checks: ChecksView,
  fetchMock = vi.fn(),
  unsaved?: string,
  openComments: OpenComment[] = [],
  onBlockedSubmit?: () => void,
) {
  const session = await signedInSession(meFor(PRINCIPALS[principal]));
  vi.stubGlobal('fetch', fetchMock);
  const onChanged = vi.fn();
  renderWithSession(
    <ReportActions
      report={report}
      checks={checks}
      openComments={openComments}
      isHead={false}
      onChanged={onChanged}
      unsaved={unsaved}
      onBlockedSubmit={onBlockedSubmit}
    />,
    session,
  );
  return { session, onChanged, fetchMock };
}

const confirmDialog = async (label: RegExp) => {
  const buttons = await screen.findAllByRole('button', { name: label });
  await act(async () => fireEvent.click(buttons[buttons.length - 1]));
};

describe('ReportActions', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('offers what the API lists, and holds back an approval while checks fail', async () => {
    const rendered = await renderActions('financeReviewer', reportView(), failing);
    session = rendered.session;
    expect(screen.getByRole('button', { name: /退回修改/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: /审核通过/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /提\s*交/ })).toBeNull();
  });

  it('holds back an approval the four-eyes rules forbid this user, and says why', async () => {
    const reason = '本县实行四眼原则：审核本次提交的人不能再审批通过，请由另一位审批人审批';
    const report = reportView({
      status: 'in_review',
      availableActions: ['return', 'approve'],
      actionBlocks: { approve: reason },
    });
    const rendered = await renderActions('financeReviewer', report, passing);
    session = rendered.session;
    const approve = screen.getByRole('button', { name: /审核通过/ }) as HTMLButtonElement;
    expect(approve.disabled).toBe(true);
    expect((screen.getByRole('button', { name: /退回修改/ }) as HTMLButtonElement).disabled).toBe(false);
    // the reason, for the tooltip and for screen readers (a disabled button's tooltip is not reachable by keyboard)
    expect(approve.getAttribute('aria-description')).toBe(reason);
  });

  it('lets a stand-in act for its principal, sending whom it acts for', async () => {
    const principal = {
      userId: 'bbbbbbbb-0000-4000-8000-000000000007',
      name: '李四',
      role: 'finance_reviewer' as const,
    };
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ report: {}, transition: {}, revision: null }));
    const report = reportView({ status: 'submitted', availableActions: ['start_review'], standInFor: [principal] });
    const rendered = await renderActions('financeReviewer', report, passing, fetchMock);
    session = rendered.session;
    await act(async () => {
      fireEvent.mouseDown(screen.getByRole('combobox', { name: '操作身份' }));
    });
    const option = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="代 李四（财政局审核人）"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    fireEvent.click(option);
    fireEvent.click(screen.getByRole('button', { name: /开始审核/ }));
    await confirmDialog(/开始审核/);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({
      action: 'start_review',
      expectedVersion: 7,
      onBehalfOf: principal.userId,
    });
  });

  it('holds back an editor’s submit until the head has signed off, where the county requires it', async () => {
    const report = reportView({
      status: 'draft',
      availableActions: ['submit'],
      signOff: { required: true, head: { name: '张主席', at: '2025-04-01T08:00:00.000Z', current: false } },
    });
    const rendered = await renderActions('deptEditor', report, passing);
    session = rendered.session;
    expect((screen.getByRole('button', { name: /提\s*交/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('lets a draft that lacks content try to submit: the click says why and shows what is missing, sends nothing', async () => {
    const report = reportView({ status: 'draft', availableActions: ['submit'] });
    const onBlockedSubmit = vi.fn();
    const rendered = await renderActions('deptEditor', report, failing, vi.fn(), undefined, [], onBlockedSubmit);
    session = rendered.session;
    const submit = screen.getByRole('button', { name: /提\s*交/ }) as HTMLButtonElement;
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    expect(onBlockedSubmit).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('报告仍有 2 处错误或未填写的内容，不能提交')).toBeTruthy();
    expect(rendered.fetchMock).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('holds back a submit while the editor still has unsaved changes, and says so', async () => {
    const report = reportView({ status: 'draft', availableActions: ['submit', 'withdraw'] });
    const rendered = await renderActions('deptEditor', report, passing, vi.fn(), unsavedReason(STATES));
    session = rendered.session;
    const submit = screen.getByRole('button', { name: /提\s*交/ }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    expect(unsavedReason(STATES)).toBe('正在保存修改，请稍候再提交');
    expect(unsavedReason({ a: STATES.a, b: { ...STATES.b, status: 'conflict' } })).toBe(
      '有部分与他人的修改冲突，请先处理冲突',
    );
    expect(unsavedReason({ a: STATES.a })).toBeUndefined();
  });

  it('sends the version it saw, and on a conflict reloads and says why', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(errorResponse(409, 'REPORT_VERSION_CONFLICT', '报告已被他人修改或状态已变化，请刷新后重试'));
    const report = reportView({ status: 'submitted', availableActions: ['start_review', 'return'] });
    const rendered = await renderActions('financeReviewer', report, passing, fetchMock);
    session = rendered.session;

    fireEvent.click(screen.getByRole('button', { name: /开始审核/ }));
    await confirmDialog(/开始审核/);

    await waitFor(() => expect(rendered.onChanged).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/reports/${report.id}/transitions`);
    expect(JSON.parse(init.body as string)).toEqual({ action: 'start_review', expectedVersion: 7 });
    expect(await screen.findByText(/已为您载入最新内容/)).toBeTruthy();
  });

  it('says which revision a submission froze', async () => {
    const report = reportView({ status: 'draft', availableActions: ['submit'] });
    const fetchMock = vi.fn().mockResolvedValue(
      jsonResponse({
        report,
        transition: { id: '1', action: 'submit', from: 'draft', to: 'submitted', reason: null },
        revision: { id: 'v2', number: 2 },
      }),
    );
    const rendered = await renderActions('deptEditor', report, passing, fetchMock);
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    await confirmDialog(/提\s*交/);
    expect(await screen.findByText('已提交（第 2 版）')).toBeTruthy();
    expect(rendered.onChanged).toHaveBeenCalled();
    // nobody was asked about the evaluation team: no confirmation is claimed
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ action: 'submit', expectedVersion: 7, teamConfirmed: false });
  });

  const OPEN: OpenComment[] = [
    { id: 't1', part: 'budget', fieldPath: 'budget.lines.1.documentNumber', body: '请补充资金文号' },
  ];
  const moved = (action: string) =>
    jsonResponse({ report: {}, transition: { id: '1', action, from: 'x', to: 'y', reason: null }, revision: null });

  it('asks the submitter about the evaluation team by name, and lists the comments a resubmission leaves open', async () => {
    const report = reportView({ status: 'returned', availableActions: ['submit'] });
    report.parts.team = {
      ...(report.parts.team as NonNullable<ReportView['parts']['team']>),
      content: { members: [{ name: '张三' }, { name: '李四' }] },
    };
    const fetchMock = vi.fn().mockResolvedValue(moved('submit'));
    const rendered = await renderActions('deptEditor', report, passing, fetchMock, undefined, OPEN);
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: /提\s*交/ }));
    const team = await screen.findByRole('checkbox', { name: '评价工作组成员（张三、李四）已确认本报告内容' });
    const open = screen.getByLabelText('提交时仍未解决的意见');
    expect(open.textContent).toContain('以下 1 条意见仍未解决');
    expect(open.textContent).toContain('项目预算明细 第2行 · 资金文号');
    expect(open.textContent).toContain('请补充资金文号');
    fireEvent.click(team);
    await confirmDialog(/提\s*交/);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ action: 'submit', expectedVersion: 7, teamConfirmed: true });
  });

  it('lets the approver write an 审批意见 and lists the open comments the approval closes', async () => {
    const report = reportView({ status: 'in_review', availableActions: ['return', 'approve'] });
    const fetchMock = vi.fn().mockResolvedValue(moved('approve'));
    const rendered = await renderActions('financeReviewer', report, passing, fetchMock, undefined, OPEN);
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: /审核通过/ }));
    const closing = await screen.findByLabelText('审核通过时仍未解决的意见');
    expect(closing.textContent).toContain('以下 1 条意见仍未解决，审核通过后将一并关闭');
    fireEvent.change(screen.getByRole('textbox', { name: '审批意见（可不填）' }), { target: { value: ' 同意。 ' } });
    await confirmDialog(/审核通过/);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ action: 'approve', expectedVersion: 7, reason: '同意。' });
  });

  it('asks the head for the reason of a withdrawal and sends it', async () => {
    const report = reportView({ status: 'submitted', availableActions: ['withdraw'] });
    const fetchMock = vi.fn().mockResolvedValue(moved('withdraw'));
    const rendered = await renderActions('deptEditor', report, passing, fetchMock);
    session = rendered.session;
    fireEvent.click(screen.getByRole('button', { name: /撤\s*回/ }));
    await confirmDialog(/撤\s*回/);
    expect(await screen.findByText('请填写撤回的原因')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.change(screen.getByRole('textbox', { name: '撤回原因' }), { target: { value: '人员数填错' } });
    await confirmDialog(/撤\s*回/);
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(init.body as string)).toEqual({ action: 'withdraw', expectedVersion: 7, reason: '人员数填错' });
  });

  it('tells an editor of a submitted report that the head may withdraw it', async () => {
    const report = reportView({ status: 'submitted', availableActions: [] });
    const rendered = await renderActions('deptEditor', report, passing);
    session = rendered.session;
    const withdraw = screen.getByRole('button', { name: /撤\s*回/ }) as HTMLButtonElement;
    expect(withdraw.disabled).toBe(true);
    expect(withdraw.getAttribute('aria-description')).toContain('请部门负责人');
  });
});
