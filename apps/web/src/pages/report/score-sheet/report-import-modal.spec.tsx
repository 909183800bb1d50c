import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { REPORT_IMPORT_MAX_BYTES } from '@evalflow/domain';
import { ApiError, type ApiClient } from '../../../api/client';
import type { ReportImportView } from '../../../api/report-imports-api';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { ReportImportModal } from './report-import-modal';

const queued: ReportImportView = {
  id: 'i1',
  status: 'queued',
  progress: 0,
  format: 'docx',
  errorCode: null,
  error: null,
  summary: null,
  reportVersion: 7,
};
const ready: ReportImportView = {
  ...queued,
  status: 'ready',
  progress: 100,
  summary: {
    filledParts: ['scoreTable', 'conclusion'],
    counts: { indicators: 12, sourced: 40, inferred: 0, unplaced: 2 },
    unplaced: [
      { block: 0, excerpt: '一、部门基本情况', reason: '尚未自动归入' },
      { block: 1, excerpt: '赵县总工会是全县职工的群众组织。', reason: '尚未自动归入' },
    ],
  },
};

function renderModal(api: ApiClient, initialFile?: File) {
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(
    <StrictMode>
      <AntApp>
        <ReportImportModal
          api={api}
          reportId="r1"
          kind="department_overall"
          open
          onClose={onClose}
          onImported={onImported}
          initialFile={initialFile}
        />
      </AntApp>
    </StrictMode>,
  );
  return { onImported, onClose };
}

async function chooseFile(name = '2024年度部门整体支出绩效自评报告.docx') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File(['PK'], name)] } });
  });
}

const confirmButton = () => screen.getByRole('button', { name: /确认导入/ }) as HTMLButtonElement;

describe('ReportImportModal', { timeout: 40_000 }, () => {
  it('uploads the file, shows what will be filled and what could not be placed, then applies with the version', async () => {
    const api = fakeApi((call: FakeCall) =>
      call.method === 'GET' ? ready : call.path.endsWith('apply') ? { ...ready, status: 'applied' } : queued,
    );
    const { onImported, onClose } = renderModal(api);
    await chooseFile();
    expect(await screen.findByText('将填写「绩效自评表」「四、评价结论和评价等级」')).toBeTruthy();
    expect(screen.getByText('绩效指标 12 行，40 个字段注明来源')).toBeTruthy();
    expect(screen.getByText('未能归入的内容（2 处，请导入后手工填写）')).toBeTruthy();
    expect(screen.getByText('赵县总工会是全县职工的群众组织。')).toBeTruthy();
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: '/reports/r1/imports' });
    expect(api.calls[1]).toMatchObject({ method: 'GET', path: '/reports/r1/imports/i1' });
    fireEvent.click(confirmButton());
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(api.calls[2]).toMatchObject({ path: '/reports/r1/imports/i1/apply', headers: { 'if-match': '"7"' } });
    expect(onClose).toHaveBeenCalled();
  });

  it('uploads a file handed over (新建报告 → 从文件导入) as it opens, once, and applies it as any other', async () => {
    const api = fakeApi((call: FakeCall) =>
      call.method === 'GET' ? ready : call.path.endsWith('apply') ? { ...ready, status: 'applied' } : queued,
    );
    const { onImported } = renderModal(api, new File(['PK'], '2024年度部门整体支出绩效自评报告.docx'));
    expect(await screen.findByText('将填写「绩效自评表」「四、评价结论和评价等级」')).toBeTruthy();
    expect(screen.getByText('文件：2024年度部门整体支出绩效自评报告.docx')).toBeTruthy();
    // StrictMode runs the opening effect twice: the file still goes up once
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    fireEvent.click(confirmButton());
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
  });

  it('checks a handed-over file as one chosen here: too large is said, nothing sent', async () => {
    const api = fakeApi(() => queued);
    renderModal(api, new File([new Uint8Array(REPORT_IMPORT_MAX_BYTES + 1)], '报告.docx'));
    expect(await screen.findByText('文件超过大小上限（2 MB），请删去图片等内容后重试')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
    expect(confirmButton().disabled).toBe(true);
  });

  it('shows a refusal in Chinese and holds the import back', async () => {
    const api = fakeApi(() => {
      throw new ApiError(415, {
        code: 'IMPORT_DOC_BINARY',
        message: '文件是旧版Word文档（.doc），请在Word或WPS中另存为.docx后重试',
      });
    });
    renderModal(api);
    await chooseFile('旧报告.docx');
    expect(await screen.findByText('文件是旧版Word文档（.doc），请在Word或WPS中另存为.docx后重试')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
  });

  it('refuses other file types before uploading anything', async () => {
    const api = fakeApi(() => queued);
    renderModal(api);
    await chooseFile('报告.pdf');
    expect(await screen.findByText('请选择 Word 文档（.docx）、文本文件（.txt）或 Excel 工作簿（.xlsx）')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('shows a parse that failed with its message', async () => {
    const failed = {
      ...queued,
      status: 'failed' as const,
      errorCode: 'IMPORT_CORRUPT',
      error: '文件已损坏或内容不完整，无法读取',
    };
    const api = fakeApi((call: FakeCall) => (call.method === 'GET' ? failed : queued));
    renderModal(api);
    await chooseFile();
    expect(await screen.findByText('文件已损坏或内容不完整，无法读取')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
  });
});
