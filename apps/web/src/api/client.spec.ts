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
});
