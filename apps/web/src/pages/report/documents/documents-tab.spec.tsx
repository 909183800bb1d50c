import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { DocumentView } from '../../../api/report-types';
import { fakeApi } from '../../../test/fake-api';
import { documentView, REPORT_ID } from '../../../test/report-fixtures';
import { DocumentsTab, DOCUMENT_LIST_POLL_MS } from './documents-tab';

const approved = documentView({
  id: 'ffffffff-0000-4000-8000-000000000003',
  edition: 'r2-approved',
  watermark: null,
  sizeBytes: 51_712,
  finishedAt: '2025-04-20T03:30:00.000Z',
});
const submitted = documentView();
const draft = documentView({
  id: 'ffffffff-0000-4000-8000-000000000002',
  format: 'docx',
  edition: 'v12',
  revisionNumber: null,
  watermark: '草稿',
  sizeBytes: 20_480,
  fileName: '赵县总工会2024年度整体支出绩效自评报告.docx',
  finishedAt: '2025-03-20T02:00:00.000Z',
});

function renderList(
  documents: DocumentView[] | undefined,
  {
    api = fakeApi(() => undefined),
    error,
    onReload = vi.fn(),
  }: { api?: ApiClient; error?: unknown; onReload?: () => void } = {},
) {
  return render(
    <AntApp>
      <DocumentsTab
        api={api}
        reportId={REPORT_ID}
        documents={documents}
        error={error}
        loading={documents === undefined && error === undefined}
        onReload={onReload}
      />
    </AntApp>,
  );
}

const list = () => screen.getByRole('region', { name: '已生成的文档' });
const rowOf = (text: string) => within(list()).getByText(text).closest('tr') as HTMLElement;

describe('DocumentsTab list', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('explains each document: which content, watermark, size, when finished', () => {
    renderList([approved, submitted, draft]);

    const a = rowOf('审核通过稿（第 2 版）');
    expect(within(a).getByText('无')).toBeTruthy();
    expect(within(a).getByText('50.5 KB')).toBeTruthy();
    expect(within(a).getByText(/^2025年4月20日 \d\d:30$/)).toBeTruthy();
    expect(within(a).getByText('已生成')).toBeTruthy();

    const s = rowOf('第 2 版提交稿');
    expect(within(s).getByText('送审稿')).toBeTruthy();
    expect(within(s).getByText('47.1 KB')).toBeTruthy();
    expect(within(s).getByText('PDF')).toBeTruthy();

    const d = rowOf('赵县总工会2024年度整体支出绩效自评报告.docx');
    // the edition and the watermark
    expect(within(d).getAllByText('草稿')).toHaveLength(2);
    expect(within(d).getByText('Word (DOCX)')).toBeTruthy();
    expect(within(d).getByText('20 KB')).toBeTruthy();
    expect(within(d).getByText(/^2025年3月20日/)).toBeTruthy();
  });

  it('lists the same file made again once, saying how often, with its edition and time beside the name', () => {
    const again = (id: string, createdAt: string) => documentView({ ...draft, id, createdAt, finishedAt: createdAt });
    renderList([
      again(draft.id, '2025-03-20T02:00:00.000Z'),
      again('ffffffff-0000-4000-8000-000000000012', '2025-03-21T02:00:00.000Z'),
      again('ffffffff-0000-4000-8000-000000000013', '2025-03-22T02:00:00.000Z'),
      submitted,
    ]);
    const rows = within(list()).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const d = rowOf('赵县总工会2024年度整体支出绩效自评报告.docx');
    // the newest copy, and how many there were
    expect(d.textContent).toMatch(/草稿 · 2025年3月22日 \d\d:00（同一文件生成过 3 次）/);
    // a document on its way has no finishing time yet: when it was asked for
    renderList([documentView({ id: 'q1', status: 'queued', progress: 0, finishedAt: null, sha256: null })]);
    expect(screen.getAllByText(/2025年4月3日 \d\d:00 请求/).length).toBeGreaterThan(0);
  });

  it('shows no made-up 0% for a document whose rendering has not reported a step', () => {
    renderList([documentView({ status: 'rendering', progress: 0, sizeBytes: null, finishedAt: null })]);
    expect(within(list()).getByText('生成中')).toBeTruthy();
    expect(within(list()).queryByText(/0%/)).toBeNull();
  });

  it('shows rendering progress and failures, and offers 下载 only for finished documents', () => {
    renderList([
      documentView({ status: 'rendering', progress: 65, sizeBytes: null, finishedAt: null }),
      documentView({ id: 'f2', format: 'docx', status: 'failed', error: '模板缺少页眉', finishedAt: null }),
    ]);
    expect(within(list()).getByText('生成中 65%')).toBeTruthy();
    expect(within(list()).getByText('生成失败')).toBeTruthy();
    expect(within(list()).getByText('模板缺少页眉')).toBeTruthy();
    expect(within(list()).queryByRole('button', { name: /下载/ })).toBeNull();
  });

  it('downloads a listed document through the API', async () => {
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:evalflow/draft');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const api = fakeApi(() => new Blob(['PK']));
    renderList([draft], { api });

    const button = within(list()).getByRole('button', {
      name: '下载 赵县总工会2024年度整体支出绩效自评报告.docx（草稿）',
    });
    await act(async () => fireEvent.click(button));
    expect(api.calls).toEqual([{ path: `/documents/${draft.id}/file`, method: 'GET', body: undefined, headers: {} }]);
    expect(saved).toEqual(['赵县总工会2024年度整体支出绩效自评报告.docx']);
  });

  it('says when the download fails', async () => {
    const api = fakeApi(() => {
      throw new ApiError(409, { code: 'DOCUMENT_NOT_READY', message: '文档尚未生成完成' });
    });
    renderList([draft], { api });
    await act(async () => fireEvent.click(within(list()).getByRole('button', { name: /下载/ })));
    expect(await screen.findByText('文档尚未生成完成')).toBeTruthy();
  });

  it('says so when there is no document yet', () => {
    renderList([]);
    expect(within(list()).getByText('还没有生成过正式文档')).toBeTruthy();
    expect(screen.getByRole('button', { name: /生成并下载 PDF/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /生成并下载 Word \(DOCX\)/ })).toBeTruthy();
  });

  it('shows a failed load with a way to try again', () => {
    const onReload = vi.fn();
    renderList(undefined, { error: new ApiError(500, { code: 'INTERNAL', message: '服务器内部错误' }), onReload });
    expect(within(list()).getByText('文档列表加载失败')).toBeTruthy();
    expect(within(list()).queryByText('还没有生成过正式文档')).toBeNull();
    fireEvent.click(within(list()).getByRole('button', { name: /重\s*试/ }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('asks for the list again while a document is still rendering', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onReload = vi.fn();
    const { rerender } = renderList([documentView({ status: 'queued', progress: 0 })], { onReload });
    await act(() => vi.advanceTimersByTimeAsync(DOCUMENT_LIST_POLL_MS));
    expect(onReload).toHaveBeenCalledTimes(1);

    rerender(
      <AntApp>
        <DocumentsTab
          api={fakeApi(() => undefined)}
          reportId={REPORT_ID}
          documents={[submitted]}
          error={undefined}
          loading={false}
          onReload={onReload}
        />
      </AntApp>,
    );
    await act(() => vi.advanceTimersByTimeAsync(DOCUMENT_LIST_POLL_MS * 3));
    expect(onReload).toHaveBeenCalledTimes(1);
  });
});
