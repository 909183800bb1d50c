import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryImportResult } from '@evalflow/domain';
import { ApiError, type ApiClient } from '../../api/client';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { LibraryImportModal, previewLines } from './library-import-modal';

const entry = (level3: string, suggestedTarget = '100') => ({
  level1: '产出指标',
  level2: '质量指标',
  level3,
  unit: '%',
  nature: '=' as const,
  suggestedTarget,
  suggestedEvidence: '',
  note: '',
});

const clean: LibraryImportResult = {
  mode: 'preview',
  rows: [
    { row: 2, action: 'create', entry: entry('资金到位率'), existingId: null, changes: [] },
    { row: 3, action: 'update', entry: entry('资金发放准确率', '99'), existingId: 'a', changes: ['suggestedTarget'] },
    { row: 5, action: 'unchanged', entry: entry('政府采购执行率'), existingId: 'b', changes: [] },
  ],
  errors: [],
  counts: { create: 1, update: 1, unchanged: 1 },
};

const withErrors: LibraryImportResult = {
  ...clean,
  errors: [
    { row: 4, column: '二级指标', message: '请填写二级指标' },
    { row: 4, column: '指标性质', message: '定量指标请写明方向：≥（不低于）、≤（不高于）或 =（等于）' },
    { row: 6, column: '三级指标', message: '与第 2 行重复：一级、二级、三级指标都相同' },
  ],
};

function renderModal(api: ApiClient, onImported = vi.fn(), onClose = vi.fn()) {
  render(
    <AntApp>
      <LibraryImportModal api={api} open onClose={onClose} afterClose={() => undefined} onImported={onImported} />
    </AntApp>,
  );
  return { onImported, onClose };
}

async function chooseFile(name = '指标库.xlsx', bytes = 'PK') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  return file;
}

const confirmButton = () => screen.getByRole('button', { name: /确认导入/ }) as HTMLButtonElement;

describe('LibraryImportModal', { timeout: 40_000 }, () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the rows in the sheet’s order with each row’s problems, and holds the import back', async () => {
    const api = fakeApi(() => withErrors);
    renderModal(api);
    expect(confirmButton().disabled).toBe(true);
    const file = await chooseFile();

    expect(await screen.findByText('文件中有 3 处错误，请改正后重新选择文件；改正前不能导入')).toBeTruthy();
    expect(screen.getByText('新增 1 条，更新 1 条，不变 1 条')).toBeTruthy();
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: '/indicator-library/import?mode=preview' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0].textContent)).toEqual(['2', '3', '4', '5', '6']);
    const wrong = rows[2];
    expect(within(wrong).getByText('有错误')).toBeTruthy();
    expect(within(wrong).getByText('二级指标：请填写二级指标')).toBeTruthy();
    expect((wrong as HTMLElement).style.background).not.toBe('');
    expect(within(rows[1]).getByText('修改：建议指标值')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
    expect(file.name).toBe('指标库.xlsx');
  });

  it('imports a clean file on 确认导入 and says what it did', async () => {
    const api = fakeApi(({ path }: FakeCall) => (path.endsWith('mode=apply') ? { ...clean, mode: 'apply' } : clean));
    const { onImported, onClose } = renderModal(api);
    await chooseFile();
    expect(await screen.findByText('文件检查通过，确认后将一次全部导入')).toBeTruthy();
    expect(confirmButton().disabled).toBe(false);
    await act(async () => fireEvent.click(confirmButton()));
    expect(await screen.findByText('已导入：新增 1 条，更新 1 条')).toBeTruthy();
    expect(api.calls.map((c) => c.path)).toEqual([
      '/indicator-library/import?mode=preview',
      '/indicator-library/import?mode=apply',
    ]);
    expect(onImported).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('shows why a file cannot be read, and nothing to import', async () => {
    const api = fakeApi(() => {
      throw new ApiError(400, {
        code: 'LIBRARY_FILE_INVALID',
        message: '无法读取该文件，请上传 Excel 工作簿（.xlsx）',
      });
    });
    renderModal(api);
    await chooseFile('notes.xlsx');
    expect(await screen.findByText('无法读取该文件，请上传 Excel 工作簿（.xlsx）')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
  });

  it('does not send a file over 2 MB', async () => {
    const api = fakeApi(() => clean);
    renderModal(api);
    await chooseFile('big.xlsx', 'x'.repeat(2 * 1024 * 1024 + 1));
    expect(await screen.findByText('文件过大：指标库文件不能超过 2 MB')).toBeTruthy();
    expect(api.calls).toHaveLength(0);
  });

  it('orders entries and problems by row, one line per wrong row', () => {
    expect(previewLines(withErrors).map((l) => [l.row, l.action, l.notes.length])).toEqual([
      [2, 'create', 0],
      [3, 'update', 1],
      [4, 'error', 2],
      [5, 'unchanged', 0],
      [6, 'error', 1],
    ]);
  });
});
