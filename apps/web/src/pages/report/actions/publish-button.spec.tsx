import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../../auth/session';
import { FINANCE_APPROVER, publicationView } from '../../../test/disclosure-fixtures';
import { reportView } from '../../../test/report-fixtures';
import { errorResponse, jsonResponse, meFor, renderWithSession, signedInSession } from '../../../test/session-fixtures';
import { PublishButton } from './publish-button';

describe('PublishButton', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  async function renderButton(fetchMock: ReturnType<typeof vi.fn>) {
    session = await signedInSession(meFor(FINANCE_APPROVER));
    vi.stubGlobal('fetch', fetchMock);
    const onPublished = vi.fn();
    const report = reportView({ status: 'approved' });
    renderWithSession(<PublishButton report={report} onPublished={onPublished} />, session);
    return { report, onPublished };
  }

  it('says what the public version leaves out before anything is sent, and publishes on confirmation', async () => {
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(publicationView(), 201));
    const { report, onPublished } = await renderButton(fetchMock);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /公开/ })));
    const omitted = await screen.findByRole('list', { name: '公开版不包含' });
    expect(omitted.textContent).toContain('审核意见');
    expect(omitted.textContent).toContain('评价工作组成员姓名');
    expect(omitted.textContent).toContain('电话号码、手机号码、电子邮箱和联系人信息');
    expect(fetchMock).not.toHaveBeenCalled();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: /确认公开/ })));
    await waitFor(() => expect(onPublished).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe(`/api/reports/${report.id}/publication`);
    expect(init.method).toBe('POST');
    expect(await screen.findByText(/已公开（2025-08-01）/)).toBeTruthy();
  });

  it('shows the API’s refusal and does not report success', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(errorResponse(409, 'PUBLICATION_REPORT_NOT_APPROVED', '只有审核通过的报告可以公开'));
    const { onPublished } = await renderButton(fetchMock);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /公开/ })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: /确认公开/ })));
    expect(await screen.findByText('只有审核通过的报告可以公开')).toBeTruthy();
    expect(onPublished).not.toHaveBeenCalled();
  });
});
