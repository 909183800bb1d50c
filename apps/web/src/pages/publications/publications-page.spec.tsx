import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../auth/session';
import { FINANCE_APPROVER, FINANCE_REVIEWER, publicationView } from '../../test/disclosure-fixtures';
import { jsonResponse, meFor, renderWithSession, signedInSession } from '../../test/session-fixtures';
import { PublicationsPage } from './publications-page';

const standing = publicationView();
const withdrawn = publicationView({
  id: 'bbbbbbbb-0000-4000-8000-000000000009',
  reportName: '赵县总工会2023年度整体支出绩效自评报告',
  fiscalYear: 2023,
  withdrawnAt: '2025-08-03T02:00:00.000Z',
  withdrawnByName: '赵领导',
  withdrawalReason: '数据有误',
});

describe('PublicationsPage (公开登记)', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  async function renderPage(principal: typeof FINANCE_APPROVER, fetchMock: ReturnType<typeof vi.fn>) {
    session = await signedInSession(meFor(principal));
    vi.stubGlobal('fetch', fetchMock);
    renderWithSession(<PublicationsPage />, session, '/publications');
  }

  it('lists what was published and withdrawn, by whom and why, with a link to the public page', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse([standing, withdrawn]));
    await renderPage(FINANCE_REVIEWER, fetchMock);
    expect(await screen.findByText('赵县总工会2024年度整体支出绩效自评报告')).toBeTruthy();
    expect(String(fetchMock.mock.calls[0][0])).toBe('/api/publications?limit=200&includeWithdrawn=true');
    expect(screen.getByText('公开中')).toBeTruthy();
    expect(screen.getByText('已撤销')).toBeTruthy();
    expect(screen.getByText(/数据有误/)).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看公开页面' }).getAttribute('href')).toBe('/gongkai/130133');
    // the reviewer reads the register; withdrawing is the approver's
    expect(screen.queryByRole('button', { name: '撤销公开' })).toBeNull();
  });

  it('the approver withdraws with a reason; without one nothing is sent', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'POST'
        ? jsonResponse({
            ...standing,
            withdrawnAt: '2025-08-05T02:00:00.000Z',
            withdrawnByName: '赵领导',
            withdrawalReason: '更正后重新公开',
          })
        : jsonResponse([standing]),
    );
    await renderPage(FINANCE_APPROVER, fetchMock);
    // by text: role queries over an antd table are slow in jsdom
    const button = (await screen.findByText('撤销公开', {}, { timeout: 5000 })).closest('button') as HTMLElement;
    await act(async () => fireEvent.click(button));
    const dialog = await screen.findByRole('dialog');
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /撤销公开/ })));
    expect(await within(dialog).findByText('请填写撤销公开的原因')).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: '  更正后重新公开 ' } });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: /撤销公开/ })));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true));
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST') as [string, RequestInit];
    expect(url).toBe(`/api/publications/${standing.id}/withdrawal`);
    expect(JSON.parse(String(init.body))).toEqual({ reason: '更正后重新公开' });
    expect(await screen.findByText('已撤销')).toBeTruthy();
  }, 20_000);
});
