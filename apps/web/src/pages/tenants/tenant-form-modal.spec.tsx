import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TenantView } from '../../api/types';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { TenantFormModal } from './tenant-form-modal';

const loaded: TenantView = {
  id: '6f78b39f-a804-447d-92b6-58fa8afdfb3b',
  name: '赵县',
  regionCode: '130133',
  city: '石家庄市',
  province: '河北省',
  status: 'active',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  admins: [],
};
const latest: TenantView = { ...loaded, city: '石家庄', version: 5, updatedAt: '2026-02-01T00:00:00.000Z' };

type FetchArgs = [string, RequestInit];

describe('TenantFormModal editing', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('sends If-Match from the loaded version and, on 412, shows the latest values to resubmit against', async () => {
    session = await signedInSession(meFor(PRINCIPALS.platformAdmin));
    const fetchMock = vi
      .fn()
      .mockResolvedValueOnce(
        errorResponse(412, 'VERSION_MISMATCH', '数据已被他人修改，请查看最新内容后再提交', {
          currentVersion: 5,
          current: latest,
        }),
      )
      .mockResolvedValueOnce(jsonResponse({ ...latest, name: '赵县（新）', version: 6 }));
    vi.stubGlobal('fetch', fetchMock);
    const onSaved = vi.fn();
    renderWithSession(
      <TenantFormModal tenant={loaded} open onClose={() => undefined} afterClose={() => undefined} onSaved={onSaved} />,
      session,
    );

    fireEvent.change(screen.getByLabelText('县（区）名称'), { target: { value: '赵县（新）' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));

    expect(await screen.findByText('数据已被他人修改')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] as FetchArgs;
    expect(url).toBe(`/api/tenants/${loaded.id}`);
    expect((init.headers as Record<string, string>)['if-match']).toBe('"3"');
    // the form now shows what is stored, and the list gets it too
    expect((screen.getByLabelText('所属市') as HTMLInputElement).value).toBe('石家庄');
    expect((screen.getByLabelText('县（区）名称') as HTMLInputElement).value).toBe('赵县');
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 5, city: '石家庄' }));

    fireEvent.change(screen.getByLabelText('县（区）名称'), { target: { value: '赵县（新）' } });
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const [, retry] = fetchMock.mock.calls[1] as FetchArgs;
    expect((retry.headers as Record<string, string>)['if-match']).toBe('"5"');
    expect(JSON.parse(retry.body as string)).toEqual({ name: '赵县（新）' });
  });
});
