import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationView } from '../../api/types';
import type { Session } from '../../auth/session';
import { UnreadNotificationsProvider } from '../../layout/unread-notifications';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { NotificationsPage } from './notifications-page';

const notification = (id: string, readAt: string | null): NotificationView => ({
  id,
  kind: 'report.submit',
  reportId: null,
  title: `赵县总工会提交了报告 ${id}`,
  body: '',
  createdAt: '2025-04-02T06:30:00.000Z',
  readAt,
});

describe('NotificationsPage', { timeout: 20_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('marks all read in one go, then shows the inbox without unread ones', async () => {
    session = await signedInSession(meFor(PRINCIPALS.financeReviewer));
    let read = false;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/notifications/read-all') && init?.method === 'POST') {
        read = true;
        return jsonResponse({ marked: 2, unread: 0 });
      }
      const at = read ? '2025-04-03T00:00:00.000Z' : null;
      return jsonResponse({ items: [notification('a', at), notification('b', at)], unread: read ? 0 : 2 });
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(
      <UnreadNotificationsProvider>
        <NotificationsPage />
      </UnreadNotificationsProvider>,
      session,
    );
    expect(await screen.findByText('2 条未读')).toBeTruthy();
    const button = screen.getByRole('button', { name: /全部标为已读/ }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(screen.getAllByRole('button', { name: '标为已读' })).toHaveLength(2);

    await act(async () => fireEvent.click(button));
    expect(await screen.findByText('已将 2 条消息标为已读')).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([u]) => String(u).endsWith('/read-all'))).toHaveLength(1);
    await waitFor(() => expect(screen.queryAllByRole('button', { name: '标为已读' })).toHaveLength(0));
    expect((screen.getByRole('button', { name: /全部标为已读/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});
