import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { DocumentView } from '../../../api/report-types';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { DOCUMENT_ID, documentView, REPORT_ID } from '../../../test/report-fixtures';
import { DocumentsTab } from './documents-tab';
import { DOCUMENT_POLL_MS } from './use-document-job';

const queued = documentView({ status: 'queued', progress: 0, sha256: null, sizeBytes: null, finishedAt: null });
const rendering = { ...queued, status: 'rendering' as const, progress: 40 };
const done = documentView();
const failed = { ...queued, status: 'failed' as const, error: '字体文件缺失，无法生成 PDF' };
const FILE_PATH = `/documents/${DOCUMENT_ID}/file`;

/** An API that answers POST with `asked` and each status question with the next of `answers`. */
function renderingApi(asked: DocumentView, answers: Array<DocumentView | ApiError>) {
  const bytes = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
  return fakeApi(({ path, method }: FakeCall) => {
    if (method === 'POST') return asked;
    if (path === FILE_PATH) return bytes;
    const next = answers.shift();
    if (next instanceof ApiError) throw next;
    return next;
  });
}

function renderTab(api: ApiClient, onReload = vi.fn()) {
  return render(
    <AntApp>
      <DocumentsTab
        api={api}
        reportId={REPORT_ID}
        documents={[]}
        error={undefined}
        loading={false}
        onReload={onReload}
      />
    </AntApp>,
  );
}

const pdf = () => screen.getByRole('group', { name: 'PDF 文档' });
const statusQuestions = (api: { calls: FakeCall[] }) =>
  api.calls.filter((c) => c.method === 'GET' && c.path === `/documents/${DOCUMENT_ID}`);
const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('DocumentJob', () => {
  let saved: string[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    saved = [];
    URL.createObjectURL = vi.fn(() => 'blob:evalflow/doc');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} <- ${this.href}`);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks for the PDF, shows its progress about once a second, and downloads it when done', async () => {
    const api = renderingApi(queued, [rendering, done]);
    const onReload = vi.fn();
    renderTab(api, onReload);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 PDF/ })));
    expect(api.calls[0]).toEqual({
      path: `/reports/${REPORT_ID}/documents`,
      method: 'POST',
      body: { format: 'pdf' },
      headers: {},
    });
    // no step reported yet: the job's status and a spinner, not a bar at a made-up 0%
    expect(within(pdf()).getByText('排队中…')).toBeTruthy();
    expect(within(pdf()).queryByRole('progressbar')).toBeNull();
    expect(pdf().querySelector('[data-progress]')?.getAttribute('data-progress')).toBe('indeterminate');
    expect(within(pdf()).getByText('（第 2 版提交稿）')).toBeTruthy();
    // the list learns of the new document
    expect(onReload).toHaveBeenCalledTimes(1);

    await wait(DOCUMENT_POLL_MS - 1);
    expect(statusQuestions(api)).toHaveLength(0);
    await wait(1);
    expect(statusQuestions(api)).toHaveLength(1);
    expect(within(pdf()).getByText(/生成中 40%/)).toBeTruthy();
    expect(within(pdf()).getByRole('progressbar', { name: 'PDF 生成进度' }).getAttribute('aria-valuenow')).toBe('40');
    expect(saved).toEqual([]);

    await wait(DOCUMENT_POLL_MS);
    expect(within(pdf()).getByText('已生成')).toBeTruthy();
    expect(api.calls.filter((c) => c.path === FILE_PATH)).toHaveLength(1);
    expect(URL.createObjectURL).toHaveBeenCalledWith(expect.any(Blob));
    expect(saved).toEqual(['赵县总工会2024年度整体支出绩效自评报告.pdf <- blob:evalflow/doc']);
    expect(onReload).toHaveBeenCalledTimes(2);

    // done: no more questions, and the file can be downloaded again
    await wait(DOCUMENT_POLL_MS * 3);
    expect(statusQuestions(api)).toHaveLength(2);
    await act(async () =>
      fireEvent.click(within(pdf()).getByRole('button', { name: /下载 赵县总工会2024年度整体支出绩效自评报告.pdf/ })),
    );
    expect(saved).toHaveLength(2);
    await wait(10_000);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:evalflow/doc');
  });

  it('downloads at once a document that was already made', async () => {
    const api = renderingApi(done, []);
    renderTab(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 PDF/ })));
    expect(saved).toEqual(['赵县总工会2024年度整体支出绩效自评报告.pdf <- blob:evalflow/doc']);
    expect(statusQuestions(api)).toHaveLength(0);
  });

  it('shows why a document failed, and 重新生成 asks for it again', async () => {
    const api = renderingApi(queued, [failed, rendering]);
    renderTab(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 PDF/ })));
    await wait(DOCUMENT_POLL_MS);

    const alert = within(pdf()).getByRole('alert');
    expect(within(alert).getByText('PDF 文档生成失败')).toBeTruthy();
    expect(within(alert).getByText('字体文件缺失，无法生成 PDF')).toBeTruthy();
    expect(saved).toEqual([]);

    await act(async () => fireEvent.click(within(alert).getByRole('button', { name: /重新生成/ })));
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    expect(within(pdf()).queryByRole('alert')).toBeNull();
    expect(within(pdf()).getByText('排队中…')).toBeTruthy();
    await wait(DOCUMENT_POLL_MS);
    expect(within(pdf()).getByText(/生成中 40%/)).toBeTruthy();
  });

  it('stops asking when the page goes away', async () => {
    const api = renderingApi(queued, [rendering, rendering, rendering]);
    const { unmount } = renderTab(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 Word/ })));
    expect(api.calls[0]?.body).toEqual({ format: 'docx' });
    await wait(DOCUMENT_POLL_MS);
    expect(statusQuestions(api)).toHaveLength(1);
    unmount();
    await wait(DOCUMENT_POLL_MS * 5);
    expect(statusQuestions(api)).toHaveLength(1);
  });

  it('offers to ask again when the progress cannot be read', async () => {
    const offline = new ApiError(0, { code: 'NETWORK_ERROR', message: '无法连接服务器，请检查网络后重试' });
    const api = renderingApi(queued, [offline, done]);
    renderTab(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 PDF/ })));
    await wait(DOCUMENT_POLL_MS);
    const alert = within(pdf()).getByRole('alert');
    expect(within(alert).getByText('无法获取生成进度')).toBeTruthy();
    expect(within(alert).getByText('无法连接服务器，请检查网络后重试')).toBeTruthy();
    // nothing more is asked until the user says so
    await wait(DOCUMENT_POLL_MS * 3);
    expect(statusQuestions(api)).toHaveLength(1);

    fireEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    await wait(DOCUMENT_POLL_MS);
    expect(within(pdf()).getByText('已生成')).toBeTruthy();
    expect(saved).toHaveLength(1);
  });

  it('says so when the document cannot be asked for', async () => {
    const api = fakeApi(() => {
      throw new ApiError(403, { code: 'FORBIDDEN', message: '无权访问该报告' });
    });
    renderTab(api);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /生成并下载 PDF/ })));
    const alert = within(pdf()).getByRole('alert');
    expect(within(alert).getByText('PDF 文档生成请求失败')).toBeTruthy();
    expect(within(alert).getByText('无权访问该报告')).toBeTruthy();
    expect(screen.getByRole('button', { name: /生成并下载 PDF/ })).toBeTruthy();
  });
});
