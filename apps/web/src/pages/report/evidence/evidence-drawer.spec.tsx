import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MEGABYTE } from '@evalflow/domain';
import { ApiError, type ApiClient, type ApiResponse, type RequestOptions } from '../../../api/client';
import type { EvidenceItem, EvidenceListView } from '../../../api/evidence-api';
import { EvidenceButton } from './evidence-button';
import { EvidenceProvider } from './evidence-provider';

const REPORT = 'r1';
const SATISFACTION = '职工满意度';
const ACCURACY = '资金发放准确率';

const item = (over: Partial<EvidenceItem>): EvidenceItem => ({
  id: 'e1',
  fileName: '满意度调查报告.pdf',
  kind: 'pdf',
  contentType: 'application/pdf',
  sizeBytes: 1.5 * MEGABYTE,
  sha256: 'a'.repeat(64),
  indicator: SATISFACTION,
  matched: true,
  previewable: true,
  uploadedBy: '王会计',
  uploadedAt: '2025-03-10T02:30:00.000Z',
  ...over,
});

const survey = item({});
const photo = item({
  id: 'e2',
  fileName: '座谈会照片.png',
  kind: 'png',
  contentType: 'image/png',
  sizeBytes: 300 * 1024,
});
const ledger = item({
  id: 'e3',
  fileName: '发放台账.xlsx',
  kind: 'xlsx',
  contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  sizeBytes: 2048,
  indicator: '旧指标名称',
  matched: false,
  previewable: false,
});

const listOf = (editable: boolean, over: Partial<EvidenceListView> = {}): EvidenceListView => ({
  items: [survey, photo, ledger],
  usedBytes: survey.sizeBytes + photo.sizeBytes + ledger.sizeBytes,
  limits: { maxFileBytes: MEGABYTE * 2, maxReportBytes: 200 * MEGABYTE, maxFiles: 300 },
  editable,
  ...over,
});

interface Call {
  path: string;
  method: string;
  body: unknown;
  rawBody?: RequestOptions['rawBody'];
  responseType?: RequestOptions['responseType'];
}

/** An ApiClient answered by `answer`, recording each call with its raw body (an upload) and response type. */
function recordingApi(answer: (call: Call) => unknown): ApiClient & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
      const call: Call = {
        path,
        method: options.method ?? 'GET',
        body: options.body,
        rawBody: options.rawBody,
        responseType: options.responseType,
      };
      calls.push(call);
      return { data: (await answer(call)) as T, status: 200, etag: null };
    },
  };
}

function renderRows(api: ApiClient) {
  render(
    <AntApp>
      <EvidenceProvider api={api} reportId={REPORT} indicators={[SATISFACTION, ` ${ACCURACY} `]}>
        <EvidenceButton indicator={SATISFACTION} />
        <EvidenceButton indicator={` ${ACCURACY} `} />
      </EvidenceProvider>
    </AntApp>,
  );
}

// role queries are slow over antd's tables: the drawer, regions and buttons are found by their text and labels
const drawer = () => screen.getByText(/^佐证材料：/).closest('.ant-drawer-section') as HTMLElement;
const unmatchedRegion = () => drawer().querySelector('section[aria-label="未对应指标"]');
const rowOf = (name: string) => within(drawer()).getByText(name).closest('tr') as HTMLElement;

async function openRow(label: string) {
  const button = await screen.findByRole('button', {
    name: new RegExp(`^paper-clip ${label.replace(/[()]/g, '\\$&')}$`),
  });
  await act(async () => fireEvent.click(button));
  return drawer();
}

async function choose(files: File[]) {
  const input = drawer().querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files } });
  });
}

const pdf = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('EvidenceDrawer', { timeout: 40_000 }, () => {
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:evalflow/evidence-1');
    URL.revokeObjectURL = vi.fn();
  });
  afterEach(() => vi.restoreAllMocks());

  it('counts each row’s files and lists them with kind, size, who and when, and the report’s usage', async () => {
    const api = recordingApi(() => listOf(false));
    renderRows(api);
    expect(await screen.findByText('佐证 (2)')).toBeTruthy();
    // the row's name is trimmed as the API matches it
    expect(screen.getByText('佐证 (0)')).toBeTruthy();
    expect(api.calls).toEqual([{ path: '/reports/r1/evidence', method: 'GET', body: undefined }]);

    await openRow('佐证 (2)');
    expect(within(drawer()).getByText(`佐证材料：${SATISFACTION}`)).toBeTruthy();
    const first = rowOf('满意度调查报告.pdf');
    expect(within(first).getByText('PDF')).toBeTruthy();
    expect(within(first).getByText('1.5 MB')).toBeTruthy();
    expect(within(first).getByText('王会计')).toBeTruthy();
    expect(within(first).getByText(/^2025年3月10日 \d\d:30$/)).toBeTruthy();
    const second = rowOf('座谈会照片.png');
    expect(within(second).getByText('PNG 图片')).toBeTruthy();
    expect(within(second).getByText('300 KB')).toBeTruthy();
    // another row's file, and the unmatched one, are not this row's
    expect(within(drawer()).queryByText('发放台账.xlsx')).toBeNull();
    expect(within(drawer()).getByText('已用 1.8 MB / 上限 200 MB')).toBeTruthy();
  });

  it('read-only (the reviewer, or a submitted report): preview and download, no upload, delete or moves', async () => {
    renderRows(recordingApi(() => listOf(false)));
    await openRow('佐证 (2)');
    const first = rowOf('满意度调查报告.pdf');
    expect(within(first).getByLabelText('预览「满意度调查报告.pdf」')).toBeTruthy();
    expect(within(first).getByLabelText('下载「满意度调查报告.pdf」')).toBeTruthy();
    expect(within(drawer()).queryByLabelText(/^删除「/)).toBeNull();
    expect(within(drawer()).queryByText('上传佐证材料')).toBeNull();
    expect(drawer().querySelector('input[type="file"]')).toBeNull();
    expect(unmatchedRegion()).toBeNull();
  });

  it('editable: upload, delete, and the files whose row is gone, which can be moved to this row', async () => {
    const api = recordingApi((call) =>
      call.method === 'PATCH' ? { ...ledger, indicator: ACCURACY, matched: true } : listOf(true),
    );
    renderRows(api);
    await openRow('佐证 (0)');
    expect(within(drawer()).getByText('上传佐证材料')).toBeTruthy();
    expect((drawer().querySelector('input[type="file"]') as HTMLInputElement).accept).toBe(
      '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.zip',
    );
    expect(within(drawer()).getByText('本指标尚未上传佐证材料')).toBeTruthy();

    const unmatched = unmatchedRegion() as HTMLElement;
    const row = within(unmatched).getByText('发放台账.xlsx').closest('tr') as HTMLElement;
    expect(within(row).getByLabelText('删除「发放台账.xlsx」')).toBeTruthy();
    // not previewable: downloaded only
    expect(within(row).queryByLabelText(/^预览/)).toBeNull();
    await act(async () => fireEvent.click(within(row).getByText('移到本指标')));

    expect(api.calls[1]).toEqual({ path: '/reports/r1/evidence/e3', method: 'PATCH', body: { indicator: ACCURACY } });
    await waitFor(() => expect(unmatchedRegion()).toBeNull());
    expect(rowOf('发放台账.xlsx')).toBeTruthy();
    expect(screen.getByText('佐证 (1)')).toBeTruthy();
  });

  it('refuses a file too large or of a kind not taken before sending it, saying the limit', async () => {
    const api = recordingApi(() => listOf(true));
    renderRows(api);
    await openRow('佐证 (2)');
    await choose([pdf('全年台账扫描件.pdf', 3 * MEGABYTE)]);
    expect(await within(drawer()).findByText('「全年台账扫描件.pdf」（3 MB）超过单个文件上限 2 MB')).toBeTruthy();

    await choose([new File(['MZ'], '安装程序.exe', { type: 'application/x-msdownload' })]);
    expect(
      await within(drawer()).findByText(
        '「安装程序.exe」的类型不能作为佐证材料上传，请上传 PDF、JPEG/PNG 图片、Word（.docx）、Excel（.xlsx）或 ZIP 压缩包',
      ),
    ).toBeTruthy();
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('refuses a file that would take the report past its total, saying what is used', async () => {
    const api = recordingApi(() => listOf(true, { usedBytes: 199 * MEGABYTE }));
    renderRows(api);
    await openRow('佐证 (2)');
    await choose([pdf('验收报告.pdf', 1.5 * MEGABYTE)]);
    expect(
      await within(drawer()).findByText(
        '本报告佐证材料合计不能超过 200 MB（已用 199 MB），「验收报告.pdf」（1.5 MB）放不下，请删去不需要的文件后再上传',
      ),
    ).toBeTruthy();
    expect(api.calls.filter((c) => c.method !== 'GET')).toEqual([]);
  });

  it('sends a file as it is to the row, and lists what the API took', async () => {
    const taken = item({ id: 'e9', fileName: '验收报告.pdf', sizeBytes: 1024, indicator: ACCURACY });
    const api = recordingApi((call) => (call.method === 'POST' ? taken : listOf(true)));
    renderRows(api);
    await openRow('佐证 (0)');
    const file = pdf('验收报告.pdf', 1024);
    await choose([file]);

    await waitFor(() => expect(screen.getByText('佐证 (1)')).toBeTruthy());
    const post = api.calls.find((c) => c.method === 'POST');
    expect(post?.path).toBe(
      `/reports/r1/evidence?fileName=${encodeURIComponent('验收报告.pdf')}&indicator=${encodeURIComponent(ACCURACY)}`,
    );
    // whatever the browser guessed: the API judges the content
    expect(post?.rawBody?.contentType).toBe('application/octet-stream');
    expect((post?.rawBody?.data as File).name).toBe('验收报告.pdf');
    expect(within(rowOf('验收报告.pdf')).getByText('1 KB')).toBeTruthy();
    expect(within(drawer()).getByText('已用 1.8 MB / 上限 200 MB')).toBeTruthy();
  });

  it('shows the API’s refusal of an upload in Chinese', async () => {
    const api = recordingApi((call) => {
      if (call.method === 'POST') {
        throw new ApiError(415, { code: 'EVIDENCE_TYPE_MISMATCH', message: '文件内容与扩展名不符，请检查文件' });
      }
      return listOf(true);
    });
    renderRows(api);
    await openRow('佐证 (2)');
    await choose([pdf('改了扩展名的文件.pdf', 10)]);
    expect(
      await within(drawer()).findByText('「改了扩展名的文件.pdf」未上传：文件内容与扩展名不符，请检查文件'),
    ).toBeTruthy();
    expect(screen.getByText('佐证 (2)')).toBeTruthy();
  });

  it('deletes a file once confirmed, and gives its bytes back', async () => {
    const api = recordingApi((call) => (call.method === 'DELETE' ? undefined : listOf(true)));
    renderRows(api);
    await openRow('佐证 (2)');
    await act(async () => fireEvent.click(within(rowOf('座谈会照片.png')).getByLabelText('删除「座谈会照片.png」')));
    const question = await screen.findByText('删除「座谈会照片.png」？');
    const confirm = question.closest('.ant-popconfirm')?.querySelector('.ant-btn-dangerous') as HTMLElement;
    await act(async () => fireEvent.click(confirm));

    expect(api.calls.filter((c) => c.method === 'DELETE')).toEqual([
      { path: '/reports/r1/evidence/e2', method: 'DELETE', body: undefined },
    ]);
    await waitFor(() => expect(within(drawer()).queryByText('座谈会照片.png')).toBeNull());
    expect(screen.getByText('佐证 (1)')).toBeTruthy();
    expect(within(drawer()).getByText('已用 1.5 MB / 上限 200 MB')).toBeTruthy();
  });

  it('previews a PDF from a blob: URL fetched with the token, and frees the URL on close', async () => {
    const api = recordingApi((call) =>
      call.responseType === 'blob' ? new Blob(['%PDF-1.7'], { type: 'application/octet-stream' }) : listOf(false),
    );
    renderRows(api);
    await openRow('佐证 (2)');
    await act(async () =>
      fireEvent.click(within(rowOf('满意度调查报告.pdf')).getByLabelText('预览「满意度调查报告.pdf」')),
    );
    const frame = (await screen.findByTitle('佐证材料预览：满意度调查报告.pdf')) as HTMLIFrameElement;
    expect(frame.getAttribute('src')).toBe('blob:evalflow/evidence-1');
    expect(api.calls.at(-1)).toMatchObject({ path: '/reports/r1/evidence/e1/file?inline=1', responseType: 'blob' });
    // shown as the stored kind, whatever type the answer carried
    const shown = vi.mocked(URL.createObjectURL).mock.calls[0][0] as Blob;
    expect(shown.type).toBe('application/pdf');
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();

    const close = document.querySelector('.ant-modal-close') as HTMLElement;
    await act(async () => fireEvent.click(close));
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:evalflow/evidence-1');
  });
});
