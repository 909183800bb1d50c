import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { NotificationSettingsPage } from './notification-settings-page';

type Call = { url: string; method: string; ifMatch: string | null; body: unknown };

/** A stub API: GET answers `current`; PUT answers `onPut(body)`; every call is recorded. */
function stubApi(current: object, onPut: (body: Record<string, unknown>) => Response) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      calls.push({ url: String(url), method, ifMatch: new Headers(init?.headers).get('if-match'), body });
      return method === 'PUT' ? onPut(body) : jsonResponse(current, 200, { etag: '"7"' });
    }),
  );
  return calls;
}

const checkbox = (name: RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const save = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /保\s*存/ })));

describe('NotificationSettingsPage', { timeout: 20_000 }, () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('shows the address and the kinds e-mailed, and saves what is unticked as opted out, with If-Match', async () => {
    session = await signedInSession(meFor(PRINCIPALS.deptEditor));
    const calls = stubApi({ email: 'li@zhaoxian.gov.cn', mailOptOut: ['comment'], version: 7 }, (body) =>
      jsonResponse({ ...body, version: 8 }),
    );
    renderWithSession(<NotificationSettingsPage />, session);

    const email = (await screen.findByRole('textbox', { name: '电子邮箱' })) as HTMLInputElement;
    expect(email.value).toBe('li@zhaoxian.gov.cn');
    expect(checkbox(/报告退回/).checked).toBe(true);
    expect(checkbox(/审核意见/).checked).toBe(false);
    expect(screen.getByText('站内消息总会送达；这里设置是否同时发送电子邮件。')).toBeTruthy();

    fireEvent.click(checkbox(/期限提醒/));
    fireEvent.change(email, { target: { value: ' Li.Office@zhaoxian.gov.cn ' } });
    await save();

    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    const put = calls.find((c) => c.method === 'PUT') as Call;
    expect(put.url).toMatch(/\/api\/notifications\/settings$/);
    expect(put.ifMatch).toBe('"7"');
    expect(put.body).toEqual({ email: 'Li.Office@zhaoxian.gov.cn', mailOptOut: ['deadline', 'comment'] });
    expect(await screen.findByText('通知设置已保存')).toBeTruthy();
  });

  it('says an address is needed for e-mail, checks its form before sending, and sends an empty one as none', async () => {
    session = await signedInSession(meFor(PRINCIPALS.deptEditor));
    const calls = stubApi({ email: null, mailOptOut: [], version: 3 }, (body) => jsonResponse({ ...body, version: 4 }));
    renderWithSession(<NotificationSettingsPage />, session);

    const email = (await screen.findByRole('textbox', { name: '电子邮箱' })) as HTMLInputElement;
    expect(screen.getByText('填写电子邮箱后才会发送邮件')).toBeTruthy();
    fireEvent.change(email, { target: { value: 'not-an-address' } });
    await save();
    expect(await screen.findByText('电子邮箱格式不正确')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    fireEvent.change(email, { target: { value: '' } });
    await save();
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ email: null, mailOptOut: [] });
  });

  it("marks the API's refusal of the address on the field", async () => {
    session = await signedInSession(meFor(PRINCIPALS.deptEditor));
    stubApi({ email: null, mailOptOut: [], version: 3 }, () =>
      errorResponse(400, 'VALIDATION_FAILED', '请求参数不合法：email 电子邮箱格式不正确', [
        { field: 'email', rule: 'isEmail', message: '电子邮箱格式不正确（服务器）' },
      ]),
    );
    renderWithSession(<NotificationSettingsPage />, session);
    fireEvent.change(await screen.findByRole('textbox', { name: '电子邮箱' }), {
      target: { value: 'a@b.cn' },
    });
    await save();
    expect(await screen.findByText('电子邮箱格式不正确（服务器）')).toBeTruthy();
  });

  it('on a newer version (412) loads it into the form and says so', async () => {
    session = await signedInSession(meFor(PRINCIPALS.deptEditor));
    const calls = stubApi({ email: 'li@zhaoxian.gov.cn', mailOptOut: [], version: 7 }, () =>
      errorResponse(412, 'VERSION_MISMATCH', '已被他人修改', {
        currentVersion: 8,
        current: { email: 'office@zhaoxian.gov.cn', mailOptOut: ['approved'], version: 8 },
      }),
    );
    renderWithSession(<NotificationSettingsPage />, session);
    await screen.findByRole('textbox', { name: '电子邮箱' });
    await save();
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: '电子邮箱' }) as HTMLInputElement).value).toBe(
        'office@zhaoxian.gov.cn',
      ),
    );
    expect(checkbox(/审核通过/).checked).toBe(false);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
  });
});
