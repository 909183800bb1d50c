import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { ExportView } from '../../api/exports-api';
import { EXPORT_POLL_MS } from '../../hooks/use-export-job';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { IndicatorExport } from './county-export';

const ID = '7b0c3c8e-4a59-4f7e-9a55-0d6c2b1f9e01';
const queued: ExportView = {
  id: ID,
  kind: 'indicator_rows',
  params: { fiscalYear: 2024 },
  status: 'queued',
  progress: 0,
  rowCount: null,
  sizeBytes: null,
  sha256: null,
  fileName: '赵县-2024-绩效指标明细.xlsx',
  error: null,
  errorCode: null,
  requestedBy: '赵县财政局审核人',
  createdAt: '2025-05-03T02:00:00.000Z',
  startedAt: null,
  finishedAt: null,
};
const running: ExportView = { ...queued, status: 'running', progress: 40, startedAt: '2025-05-03T02:00:01.000Z' };
const done: ExportView = { ...running, status: 'done', progress: 100, rowCount: 15000, sizeBytes: 900000 };
const failed: ExportView = {
  ...running,
  status: 'failed',
  error: '导出的行数超过上限（200000 行），请联系管理员',
  errorCode: 'EXPORT_TOO_MANY_ROWS',
};
const FILE_PATH = `/exports/${ID}/file`;

/** An API that answers the POST with `asked` (or throws it) and each status question with the next of `answers`. */
function exportApi(asked: ExportView | ApiError, answers: ExportView[]) {
  const bytes = new Blob(['PK'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  return fakeApi(({ path, method }: FakeCall) => {
    if (method === 'POST') {
      if (asked instanceof ApiError) throw asked;
      return asked;
    }
    if (path === FILE_PATH) return bytes;
    return answers.shift();
  });
}

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));
const statusQuestions = (api: { calls: FakeCall[] }) => api.calls.filter((c) => c.path === `/exports/${ID}`);
const start = () => act(async () => fireEvent.click(screen.getByRole('button', { name: /导出指标明细/ })));

describe('IndicatorExport', () => {
  let saved: string[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    saved = [];
    URL.createObjectURL = vi.fn(() => 'blob:evalflow/export');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} <- ${this.href}`);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('starts the export of the year, shows its progress about once a second, and downloads it once when done', async () => {
    const api = exportApi(queued, [running, done]);
    render(
      <AntApp>
        <IndicatorExport api={api} fiscalYear={2024} />
      </AntApp>,
    );
    await start();
    expect(api.calls[0]).toEqual({
      path: '/exports',
      method: 'POST',
      body: { kind: 'indicator_rows', fiscalYear: 2024 },
      headers: {},
    });
    expect(screen.getByText(/排队中：完成后自动下载/)).toBeTruthy();

    await wait(EXPORT_POLL_MS - 1);
    expect(statusQuestions(api)).toHaveLength(0);
    await wait(1);
    expect(statusQuestions(api)).toHaveLength(1);
    expect(screen.getByRole('progressbar', { name: '导出进度' }).getAttribute('aria-valuenow')).toBe('40');
    expect(saved).toEqual([]);

    await wait(EXPORT_POLL_MS);
    expect(screen.getByText('已完成：共 15000 行，已开始下载 赵县-2024-绩效指标明细.xlsx')).toBeTruthy();
    expect(saved).toEqual(['赵县-2024-绩效指标明细.xlsx <- blob:evalflow/export']);
    // done: no more questions, no second download on its own; 重新下载 saves it again
    await wait(EXPORT_POLL_MS * 3);
    expect(statusQuestions(api)).toHaveLength(2);
    expect(api.calls.filter((c) => c.path === FILE_PATH)).toHaveLength(1);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '重新下载' })));
    expect(saved).toHaveLength(2);
  });

  it('says why an export failed, in Chinese, and downloads nothing', async () => {
    const api = exportApi(queued, [failed]);
    render(
      <AntApp>
        <IndicatorExport api={api} fiscalYear={2024} />
      </AntApp>,
    );
    await start();
    await wait(EXPORT_POLL_MS);
    expect(screen.getByText('导出的行数超过上限（200000 行），请联系管理员')).toBeTruthy();
    expect(screen.getByText('导出失败')).toBeTruthy();
    await wait(EXPORT_POLL_MS * 3);
    expect(statusQuestions(api)).toHaveLength(1);
    expect(saved).toEqual([]);
  });

  it('says why the request was refused', async () => {
    const api = exportApi(
      new ApiError(429, { code: 'RATE_LIMITED', message: '请求过于频繁（每分钟最多 10 次），请于 30 秒后再试' }),
      [],
    );
    render(
      <AntApp>
        <IndicatorExport api={api} fiscalYear={2023} />
      </AntApp>,
    );
    await start();
    expect(screen.getByText('请求过于频繁（每分钟最多 10 次），请于 30 秒后再试')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });
});
