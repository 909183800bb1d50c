import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/app';
import { Session } from '../../auth/session';
import { SessionProvider } from '../../auth/session-context';
import { PUBLIC_COUNTY } from '../../test/disclosure-fixtures';
import { errorResponse, jsonResponse } from '../../test/session-fixtures';

/** The whole app at a public address, as a visitor without any session opens it. */
function openAnonymously(path: string, fetchMock: ReturnType<typeof vi.fn>) {
  vi.stubGlobal('fetch', fetchMock);
  const session = new Session();
  render(
    <AntApp>
      <SessionProvider session={session}>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </SessionProvider>
    </AntApp>,
  );
  return session;
}

describe('PublicDisclosurePage (/gongkai/:code, no sign-in)', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('lists the county’s published reports by year with download links, calling only the public list', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(PUBLIC_COUNTY));
    session = openAnonymously('/gongkai/130133', fetchMock);
    expect(await screen.findByText('赵县预算绩效自评报告公开')).toBeTruthy();
    expect(screen.getByRole('region', { name: '2024年度' })).toBeTruthy();
    expect(screen.getByRole('region', { name: '2023年度' })).toBeTruthy();
    const link = screen.getByRole('link', { name: '下载赵县总工会2024年度整体支出绩效自评报告（公开版 PDF）' });
    expect(link.getAttribute('href')).toBe(PUBLIC_COUNTY.publications[0].pdfUrl);
    expect(screen.getByText('2025年8月1日')).toBeTruthy();
    // no session restored, nothing authenticated asked for: one public request, no credentials
    expect(fetchMock.mock.calls.map(([url]) => String(url))).toEqual(['/api/public/counties/130133/publications']);
    const headers = (fetchMock.mock.calls[0][1] as RequestInit).headers as Record<string, string>;
    expect(headers.authorization).toBeUndefined();
    // and no way to the signed-in app's pages
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('says so when the county code is unknown', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(errorResponse(404, 'PUBLIC_COUNTY_NOT_FOUND', '未找到该县（区）的公开信息'));
    session = openAnonymously('/gongkai/999999', fetchMock);
    expect(await screen.findByText('未找到该县（区）的公开信息')).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('shows an empty county plainly', async () => {
    session = openAnonymously(
      '/gongkai/130111',
      vi.fn().mockResolvedValue(jsonResponse({ code: '130111', name: '栾城区', publications: [] })),
    );
    expect(await screen.findByText('暂无公开的报告')).toBeTruthy();
  });
});
