import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookDeliveryView, WebhookView } from '../../api/webhooks-api';
import type { Session } from '../../auth/session';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { WebhooksPage } from './webhooks-page';

const HOOK: WebhookView = {
  id: 'eeeeeeee-0000-4000-8000-000000000001',
  url: 'https://yth.example.gov.cn/hooks',
  events: ['report.approved'],
  description: '预算一体化',
  active: true,
  pausedAt: '2026-03-02T08:00:00.000Z',
  pausedReason: '推送连续失败超过 24 小时，已自动暂停',
  createdAt: '2026-03-01T08:00:00.000Z',
};
const DELIVERY: WebhookDeliveryView = {
  id: 'eeeeeeee-0000-4000-8000-000000000002',
  event: 'report.approved',
  status: 'failed',
  attempts: [{ at: '2026-03-01T08:00:00.000Z', status: 500, ms: 42, error: null, excerpt: '' }],
  replays: 0,
  createdAt: '2026-03-01T08:00:00.000Z',
};

describe('WebhooksPage', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('lists the endpoints in Chinese, shows a paused one, and its deliveries with status and time', async () => {
    const fetchMock = vi.fn(async (url: string) => jsonResponse(url.endsWith('/deliveries') ? [DELIVERY] : [HOOK]));
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(<WebhooksPage />, session);
    expect(await screen.findByText('已自动暂停')).toBeTruthy();
    // once as a choice of the form, once in the endpoint's row
    expect(screen.getAllByText('报告已审批通过')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: '推送记录' }));
    await waitFor(() => expect(screen.getByText('500 / 42 毫秒')).toBeTruthy());
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain(`/api/webhooks/${HOOK.id}/deliveries`);
  });
});
