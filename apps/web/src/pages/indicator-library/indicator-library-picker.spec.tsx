import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { indicatorFromLibrary } from '@evalflow/domain';
import type { LibraryEntryView } from '../../api/indicator-library-api';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { libraryEntry } from '../../test/library-fixtures';
import { IndicatorLibraryPicker } from './indicator-library-picker';

const accuracy = libraryEntry();
const arrival = libraryEntry({ level2: '时效指标', level3: '资金到位率' });
const satisfaction = libraryEntry({
  level1: '满意度指标',
  level2: '服务对象满意度指标',
  level3: '受益对象满意度',
  nature: '>=',
  suggestedTarget: '90',
});
const ALL = [accuracy, arrival, satisfaction];

/** The library API: the entries whose 三级指标 contains q. */
function libraryApi() {
  return fakeApi(({ path }: FakeCall) => {
    const q = new URL(path, 'http://localhost').searchParams.get('q');
    return { items: q ? ALL.filter((e) => e.level3.includes(q)) : ALL, nextCursor: null };
  });
}

function renderPicker(pickedIds: string[] = []) {
  const api = libraryApi();
  const onPick = vi.fn<(entries: LibraryEntryView[]) => void>();
  const onCancel = vi.fn();
  render(
    <AntApp>
      <IndicatorLibraryPicker api={api} open onPick={onPick} onCancel={onCancel} pickedIds={pickedIds} />
    </AntApp>,
  );
  return { api, onPick, onCancel };
}

const tick = (level3: string) => fireEvent.click(screen.getByRole('checkbox', { name: `选择「${level3}」` }));
const search = (text: string) => {
  const box = screen.getByRole('searchbox', { name: '查找指标' });
  fireEvent.change(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
};

describe('IndicatorLibraryPicker', { timeout: 40_000 }, () => {
  it('picks several entries across searches and hands them over in the library’s order', async () => {
    const { api, onPick } = renderPicker();
    expect(await screen.findByText('受益对象满意度')).toBeTruthy();
    expect(api.calls[0].path).toBe('/indicator-library?limit=50');
    const add = () => screen.getByRole('button', { name: /添\s*加/ }) as HTMLButtonElement;
    expect(add().disabled).toBe(true);

    tick('受益对象满意度');
    search('资金');
    await waitFor(() => expect(screen.queryByText('受益对象满意度')).toBeNull());
    expect(api.calls.at(-1)?.path).toContain(`q=${encodeURIComponent('资金')}`);
    tick('资金到位率');
    expect(screen.getByText('已选 2 项')).toBeTruthy();

    await act(async () => fireEvent.click(add()));
    expect(onPick).toHaveBeenCalledTimes(1);
    const picked = onPick.mock.calls[0][0];
    expect(picked.map((e) => e.level3)).toEqual(['资金到位率', '受益对象满意度']);
    // each becomes a 绩效自评表 row linked to its entry
    expect(indicatorFromLibrary(picked[1])).toMatchObject({
      level3: '受益对象满意度',
      nature: '>=',
      target: '90',
      actual: '',
      libraryEntryId: satisfaction.id,
    });
  });

  it('shows entries the report already has as added, not to be picked again', async () => {
    renderPicker([accuracy.id]);
    expect(await screen.findByText('（已添加）')).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: '选择「资金发放准确率」' }) as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByRole('checkbox', { name: '选择「资金到位率」' }) as HTMLInputElement).disabled).toBe(false);
  });

  it('closes without picking on 取消', async () => {
    const { onPick, onCancel } = renderPicker();
    await screen.findByText('资金到位率');
    tick('资金到位率');
    fireEvent.click(screen.getByRole('button', { name: /取\s*消/ }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onPick).not.toHaveBeenCalled();
  });
});
