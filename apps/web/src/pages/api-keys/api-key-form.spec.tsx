import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreatedApiKey } from '../../api/api-keys-api';
import type { Session } from '../../auth/session';
import {
  errorResponse,
  jsonResponse,
  meFor,
  PRINCIPALS,
  renderWithSession,
  signedInSession,
} from '../../test/session-fixtures';
import { ApiKeyForm } from './api-key-form';

const CREATED: CreatedApiKey = {
  id: 'kkkkkkkk-0000-4000-8000-000000000001',
  name: '预算一体化系统',
  prefix: 'ef_live_AbCdEf',
  scopes: ['reports:read', 'summary:read'],
  createdByName: '赵县系统管理员',
  createdAt: '2025-04-20T08:00:00.000Z',
  expiresAt: '2025-12-31T15:59:59.000Z',
  lastUsedAt: null,
  revokedAt: null,
  state: 'active',
  key: 'ef_live_AbCdEf0123456789abcdefghijklmnopqrstuvwxyzABC',
};

describe('ApiKeyForm', () => {
  let session: Session | undefined;
  afterEach(() => {
    session?.dispose();
    vi.unstubAllGlobals();
  });

  it('sends the name, scopes and last day, then shows the key once with a copy button and a warning', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(CREATED, 201));
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    vi.stubGlobal('fetch', fetchMock);
    const onCreated = vi.fn();
    renderWithSession(<ApiKeyForm onCreated={onCreated} />, session);

    fireEvent.change(screen.getByLabelText('名称'), { target: { value: ' 预算一体化系统 ' } });
    fireEvent.click(screen.getByLabelText('读取汇总（县级概览、汇总表）'));
    fireEvent.change(screen.getByLabelText('到期日期'), { target: { value: '2025-12-31' } });
    fireEvent.click(screen.getByRole('button', { name: /创建密钥/ }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED));
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/api-keys');
    expect(JSON.parse(init.body as string)).toEqual({
      name: '预算一体化系统',
      scopes: ['reports:read', 'summary:read'],
      expiresAt: '2025-12-31T15:59:59.000Z',
    });
    expect(screen.getByTestId('new-api-key').textContent).toContain(CREATED.key);
    expect(screen.getByText(/密钥只显示这一次/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '复制' })).toBeTruthy();
    // the form is emptied: nothing of the key stays in it
    expect((screen.getByLabelText('名称') as HTMLInputElement).value).toBe('');
  });

  it('asks for a scope and shows the API’s refusal in Chinese', async () => {
    session = await signedInSession(meFor(PRINCIPALS.tenantAdmin));
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => errorResponse(403, 'FORBIDDEN', '您没有执行此操作的权限')),
    );
    renderWithSession(<ApiKeyForm onCreated={vi.fn()} />, session);
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '系统' } });
    fireEvent.click(screen.getByLabelText('读取报告（列表、内容和状态）'));
    fireEvent.click(screen.getByRole('button', { name: /创建密钥/ }));
    expect(await screen.findByText('至少选择一项权限范围')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('读取报告（列表、内容和状态）'));
    fireEvent.click(screen.getByRole('button', { name: /创建密钥/ }));
    expect(await screen.findByText('您没有执行此操作的权限')).toBeTruthy();
    expect(screen.queryByTestId('new-api-key')).toBeNull();
  });
});
