import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntryView } from '../../api/types';
import { jsonResponse, meFor, PRINCIPALS, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { AuditLogPage } from './audit-log-page';

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: '1',
  occurredAt: '2025-05-02T02:00:00Z',
  tenantId: 't',
  actorUserId: 'u',
  actorUsername: 'zhaoxian.admin',
  action: 'settings.deadline_set',
  targetType: 'tenant',
  targetId: 't',
  outcome: 'success',
  details: { fiscalYear: 2024, from: '2025-04-30', to: '2025-05-31' },
  clientIp: null,
  requestId: null,
  ...over,
});

describe('AuditLogPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows who did what and the value before → after in Chinese, with filters for user, action and dates', async () => {
    const items = [
      entry({}),
      entry({
        id: '2',
        action: 'settings.grade_bands_updated',
        details: {
          from: [{ grade: 'excellent', label: '优', min: '90' }],
          to: [{ grade: 'excellent', label: '优秀', min: '90' }],
        },
      }),
    ];
    const fetchMock = vi.fn(async (url: string) =>
      url.startsWith('/api/audit-log') ? jsonResponse({ items, nextBefore: null }) : jsonResponse([]),
    );
    const session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(<AuditLogPage />, session);
    const row = (await screen.findByText('设置填报截止日期')).closest('tr') as HTMLElement;
    expect(within(row).getByText('zhaoxian.admin')).toBeTruthy();
    expect(within(row).getByText(/截止日期：2025-04-30 → 2025-05-31/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/分数段：优 ≥ 90 → 优秀 ≥ 90/)).toBeTruthy());
    expect(document.body.textContent).not.toContain('[object Object]');
    expect(document.body.textContent).not.toContain('settings.grade_bands_updated');
    expect(screen.getByLabelText('按动作筛选')).toBeTruthy();
    expect(screen.getByLabelText('按操作人筛选')).toBeTruthy();
    expect(screen.getByPlaceholderText('开始日期')).toBeTruthy();
    expect(screen.getByPlaceholderText('结束日期')).toBeTruthy();
  });
});
