import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '../test/session-fixtures';
import { apiCall, ApiError } from './client';

describe('apiCall', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('returns a file download as a Blob', async () => {
    const fetchMock = vi
      .fn()
      .mockResolvedValue(
        new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf', etag: '"abc"' } }),
      );
    vi.stubGlobal('fetch', fetchMock);

    const { data, etag } = await apiCall<Blob>('/documents/d1/file', { responseType: 'blob' });

    expect(await data.text()).toBe('%PDF-1.7');
    expect(data.type).toBe('application/pdf');
    expect(etag).toBe('"abc"');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ accept: '*/*' });
  });

  it('still reads the JSON error of a failed download', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(errorResponse(409, 'DOCUMENT_NOT_READY', '文档尚未生成完成')));
    const failure = apiCall<Blob>('/documents/d1/file', { responseType: 'blob' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({
      status: 409,
      code: 'DOCUMENT_NOT_READY',
      message: '文档尚未生成完成',
    });
  });

  it('sends a file as it is, with its own content type', async () => {
    const fetchMock = vi.fn().mockResolvedValue(new Response('{"ok":true}', { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new Blob(['PK'], { type: 'application/octet-stream' });

    await apiCall('/indicator-library/import?mode=preview', {
      method: 'POST',
      rawBody: { data: file, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });

    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.body).toBe(file);
    expect(init?.headers).toMatchObject({
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('sends a POST again after a network failure, with the same Idempotency-Key, so nothing is created twice', async () => {
    vi.useFakeTimers();
    try {
      const fetchMock = vi
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(new Response('{"id":"c1"}', { status: 201 }));
      vi.stubGlobal('fetch', fetchMock);
      const sent = apiCall<{ id: string }>('/reports/r1/comment-threads', { method: 'POST', body: { text: '请补充' } });
      await vi.runAllTimersAsync();
      expect((await sent).data).toEqual({ id: 'c1' });
      const keys = fetchMock.mock.calls.map((call) => call[1]?.headers?.['idempotency-key']);
      expect(keys).toHaveLength(2);
      expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
      expect(keys[1]).toBe(keys[0]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not send a GET twice on its own, nor give a GET a key', async () => {
    const fetchMock = vi.fn().mockRejectedValue(new TypeError('Failed to fetch'));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiCall('/reports')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('idempotency-key');
  });
});
