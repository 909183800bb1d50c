import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiClient } from '../../../api/client';
import type { ScoreSheetImportView } from '../../../api/score-sheet-api';
import { fakeApi, type FakeCall } from '../../../test/fake-api';
import { ScoreSheetImportModal } from './score-sheet-import-modal';

const clean: ScoreSheetImportView = {
  ok: true,
  errors: [],
  reportVersion: 7,
  parts: [
    { part: 'scoreTable', changed: true },
    { part: 'conclusion', changed: false },
    { part: 'objectives', changed: true },
  ],
  counts: { indicators: 12, objectives: 2, totalScore: '95.5', executed: '178.646' },
};

const wrong: ScoreSheetImportView = {
  ok: false,
  reportVersion: 7,
  parts: [],
  counts: null,
  errors: [
    {
      row: 6,
      column: 'F',
      header: '全年执行数',
      message: '「全年执行数」应为数字，不带单位和千位分隔符（如 1234.5），而不是「1,234.5万元」',
    },
    { row: 14, column: 'D', header: '三级指标', message: '请填写「三级指标」' },
  ],
};

function renderModal(api: ApiClient) {
  const onImported = vi.fn();
  const onClose = vi.fn();
  render(
    <AntApp>
      <ScoreSheetImportModal api={api} reportId="r1" kind="project" open onClose={onClose} onImported={onImported} />
    </AntApp>,
  );
  return { onImported, onClose };
}

async function chooseFile() {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(['PK'], '绩效自评表.xlsx', {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
}

const confirmButton = () => screen.getByRole('button', { name: /确认导入/ }) as HTMLButtonElement;

describe('ScoreSheetImportModal', { timeout: 40_000 }, () => {
  it('lists each bad cell by row and column, and holds the import back', async () => {
    const api = fakeApi(() => wrong);
    renderModal(api);
    await chooseFile();
    expect(await screen.findByText('文件中有 2 处错误，请改正后重新选择文件；改正前不能导入')).toBeTruthy();
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: '/reports/r1/score-sheet/import?mode=preview' });
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('F 列（全年执行数）')).toBeTruthy();
    expect(within(rows[1]).getByText('请填写「三级指标」')).toBeTruthy();
    expect(confirmButton().disabled).toBe(true);
  });

  it('says what it will replace, then applies against the checked version', async () => {
    const api = fakeApi((call: FakeCall) => (call.path.endsWith('apply') ? { ...clean, reportVersion: 8 } : clean));
    const { onImported, onClose } = renderModal(api);
    await chooseFile();
    expect(await screen.findByText('文件检查通过：将更新「项目资金和绩效指标」「年度总体目标」')).toBeTruthy();
    expect(screen.getByText('绩效指标 12 行，年度总体目标 2 条，全年执行数 178.646 万元，总分 95.5')).toBeTruthy();
    fireEvent.click(confirmButton());
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    expect(api.calls[1]).toMatchObject({
      path: '/reports/r1/score-sheet/import?mode=apply',
      headers: { 'if-match': '"7"' },
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('tells the user to check again when the report changed since the preview', async () => {
    const api = fakeApi((call: FakeCall) => {
      if (call.path.endsWith('apply')) throw new ApiError(412, { code: 'VERSION_MISMATCH', message: '已被修改' });
      return clean;
    });
    const { onImported } = renderModal(api);
    await chooseFile();
    await screen.findByText(/文件检查通过/);
    fireEvent.click(confirmButton());
    expect(await screen.findByText('报告在检查之后又被修改过，请重新选择文件检查后再导入')).toBeTruthy();
    expect(onImported).not.toHaveBeenCalled();
    expect(confirmButton().disabled).toBe(true);
  });
});
