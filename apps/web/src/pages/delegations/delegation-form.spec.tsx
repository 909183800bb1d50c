import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DelegationView } from '../../api/delegations-api';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { DelegationForm } from './delegation-form';

const ME = PRINCIPALS.financeReviewer;
const ZHANG = { userId: 'bbbbbbbb-0000-4000-8000-000000000009', name: '张三' };
const CANDIDATES = [{ userId: ME.userId, name: ME.displayName }, ZHANG];
const CREATED: DelegationView = {
  id: 'dddddddd-0000-4000-8000-000000000001',
  principal: { userId: ME.userId, name: ME.displayName },
  standIn: ZHANG,
  role: 'finance_reviewer',
  startsOn: '2025-04-21',
  endsOn: '2025-04-30',
  reason: '休假',
  state: 'scheduled',
  revokedAt: null,
  createdAt: '2025-04-20T08:00:00.000Z',
  canRevoke: true,
};

/** Answers the candidates for the role, and `post` for the creation. */
function fetchAnswering(post: () => Response) {
  return vi.fn(async (url: string, init?: RequestInit) =>
    init?.method === 'POST' ? post() : jsonResponse(url.includes('/candidates') ? CANDIDATES : []),
  );
}

async function fillAndSubmit() {
  await act(async () => {
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '代理人' }));
  });
  const option = await waitFor(() => {
    const found = document.querySelector<HTMLElement>('.ant-select-item-option[title="张三"]');
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
  fireEvent.click(option);
  fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2025-04-21' } });
  fireEvent.change(screen.getByLabelText('结束日期'), { target: { value: '2025-04-30' } });
  fireEvent.change(screen.getByLabelText('事由'), { target: { value: ' 休假 ' } });
  fireEvent.click(screen.getByRole('button', { name: /指定代理人/ }));
}

describe('DelegationForm', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('offers colleagues of the role but not oneself, and sends the stand-in, role and days', async () => {
    const fetchMock = fetchAnswering(() => jsonResponse(CREATED, 201));
    session = await signedInSession(meFor(ME));
    vi.stubGlobal('fetch', fetchMock);
    const onCreated = vi.fn();
    renderWithSession(<DelegationForm forAnyone={false} onCreated={onCreated} />, session);
    await waitFor(() =>
      expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/api/delegations/candidates?role=finance_reviewer'),
    );
    await fillAndSubmit();
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED));
    expect(document.querySelector(`.ant-select-item-option[title="${ME.displayName}"]`)).toBeNull();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST') as [string, RequestInit];
    expect(post[0]).toBe('/api/delegations');
    expect(JSON.parse(post[1].body as string)).toEqual({
      role: 'finance_reviewer',
      standInUserId: ZHANG.userId,
      startsOn: '2025-04-21',
      endsOn: '2025-04-30',
      reason: '休假',
    });
  });

  it('shows the API’s refusal in Chinese on the field it concerns', async () => {
    const refusal = () =>
      errorResponse(
        409,
        'DELEGATION_STAND_IN_AWAY',
        '代理人在 2025-04-25 至 2025-05-05 本人也已委托代理，请另选代理人',
      );
    session = await signedInSession(meFor(ME));
    vi.stubGlobal('fetch', fetchAnswering(refusal));
    renderWithSession(<DelegationForm forAnyone={false} onCreated={vi.fn()} />, session);
    await waitFor(() => expect(screen.getByRole('combobox', { name: '代理人' })).toBeTruthy());
    await fillAndSubmit();
    expect(await screen.findByText(/本人也已委托代理，请另选代理人/)).toBeTruthy();
  });

  it('asks the county administrator whose stand-in it arranges', async () => {
    vi.stubGlobal(
      'fetch',
      fetchAnswering(() => jsonResponse(CREATED, 201)),
    );
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    renderWithSession(<DelegationForm forAnyone onCreated={vi.fn()} />, session);
    expect(await screen.findByText('为审核人、审批人指定代理人')).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '委托人' })).toBeTruthy();
  });
});
