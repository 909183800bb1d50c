import { act, fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportView } from '../../api/exports-api';
import { EXPORT_POLL_MS } from '../../hooks/use-export-job';
import { fakeApi } from '../../test/fake-api';
import { CountyExport } from './county-export';

const ID = '0f3a1d2c-5b6e-4f70-8a91-b2c3d4e5f601';
const running: ExportView = {
  id: ID,
  kind: 'approved_pdfs',
  params: { fiscalYear: 2024 },
  status: 'running',
  progress: 60,
  rowCount: null,
  sizeBytes: null,
  sha256: null,
  fileName: '赵县-2024-已审核通过报告PDF.zip',
  error: null,
  errorCode: null,
  requestedBy: '赵县财政局审批人',
  createdAt: '2025-05-03T02:00:00.000Z',
  startedAt: '2025-05-03T02:00:01.000Z',
  finishedAt: null,
};
const done: ExportView = { ...running, status: 'done', progress: 100, rowCount: 37, sizeBytes: 18_000_000 };

describe('CountyExport of the approved PDFs', () => {
  let saved: string[];
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    saved = [];
    URL.createObjectURL = vi.fn(() => 'blob:evalflow/bundle');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('asks for the year’s bundle, shows its progress and downloads the .zip when done', async () => {
    const answers = [done];
    const api = fakeApi(({ method, path }) =>
      method === 'POST' ? running : path.endsWith('/file') ? new Blob(['PK']) : answers.shift(),
    );
    render(
      <AntApp>
        <CountyExport api={api} kind="approved_pdfs" fiscalYear={2024} />
      </AntApp>,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /下载已通过报告 PDF/ })));
    expect(api.calls[0]).toMatchObject({
      path: '/exports',
      method: 'POST',
      body: { kind: 'approved_pdfs', fiscalYear: 2024 },
    });
    expect(screen.getByText('下载 2024 年度全部已审核通过报告的 PDF（.zip）')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: '导出进度' }).getAttribute('aria-valuenow')).toBe('60');
    expect(screen.getByText(/导出中：完成后自动下载/)).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(EXPORT_POLL_MS));
    expect(screen.getByText('已完成：共 37 份 PDF，已开始下载 赵县-2024-已审核通过报告PDF.zip')).toBeTruthy();
    expect(saved).toEqual(['赵县-2024-已审核通过报告PDF.zip']);
  });
});
