import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeadlineView } from '../../api/types';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { DeadlineModal } from './deadline-modal';

const PAST: DeadlineView = { fiscalYear: 2024, dueOn: '2025-04-30', version: 1, updatedAt: '2025-03-01T02:00:00Z' };

async function renderModal(deadline: DeadlineView) {
  const fetchMock = vi.fn().mockResolvedValue(jsonResponse({ ...deadline, version: 2 }, 200, { etag: '"2"' }));
  const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
  vi.stubGlobal('fetch', fetchMock);
  const onSaved = vi.fn();
  renderWithSession(
    <DeadlineModal
      deadline={deadline}
      existing={[deadline]}
      open
      onClose={vi.fn()}
      afterClose={vi.fn()}
      onSaved={onSaved}
    />,
    session,
  );
  return { fetchMock, onSaved };
}

const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ })));

describe('DeadlineModal', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks before setting a day already past, and sends nothing when the administrator picks again', async () => {
    const { fetchMock } = await renderModal(PAST);
    await save();
    expect((await screen.findAllByText('确认设置这个截止日期？')).length).toBeGreaterThan(0);
    expect(
      screen.getAllByText(/截止日期 2025-04-30 已过去 \d+ 天：设置后本年度尚未提交的报告将立即显示为已逾期/).length,
    ).toBeGreaterThan(0);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新选择' })));
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the confirmation with the day once the administrator confirms it', async () => {
    const { fetchMock, onSaved } = await renderModal(PAST);
    await save();
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '确认设置' })));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('/api/settings/deadlines/2024');
    expect(JSON.parse(String(init.body))).toEqual({ dueOn: '2025-04-30', confirmed: true });
  });

  it('sets a day weeks ahead without asking', async () => {
    const ahead = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const year = Number(ahead.slice(0, 4)) - 1;
    const { fetchMock } = await renderModal({ ...PAST, fiscalYear: year, dueOn: ahead });
    await save();
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    expect(screen.queryByText('确认设置这个截止日期？')).toBeNull();
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body))).toEqual({ dueOn: ahead });
  });
});
