import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emulateWidth, restoreViewport } from '../../../test/viewport';
import type { ListNode } from '../fields/field-nodes';
import { SCORE_TABLE_FIELDS } from '../fields/score-table-fields';
import type { FieldMessage } from './field-messages';
import { ListEditor } from './list-editor';

const INDICATORS = SCORE_TABLE_FIELDS['indicators'] as ListNode;
const ROW = {
  level1: '产出指标',
  level2: '数量指标',
  level3: '帮扶困难职工户数',
  nature: '>=',
  target: '300',
  unit: '户',
  actual: '312',
  weight: '20',
  score: '20',
  deviationNote: '',
  evidence: '',
};
const BLANK = Object.fromEntries(Object.keys(ROW).map((key) => [key, key === 'nature' ? '>=' : '']));

function Indicators({ rows, messages = {} }: { rows: unknown[]; messages?: Record<string, FieldMessage[]> }) {
  const [value, setValue] = useState<unknown[]>(rows);
  return (
    <ListEditor
      node={INDICATORS}
      path="scoreTable.indicators"
      value={value}
      onChange={setValue}
      messagesOf={(path) => messages[path] ?? []}
    />
  );
}

const headers = () => Array.from(document.querySelectorAll('thead th')).map((th) => th.textContent);
const field = (name: string) => screen.queryByRole<HTMLInputElement>('textbox', { name });

describe('the indicator table on a tablet (768 px)', { timeout: 30_000 }, () => {
  afterEach(() => restoreViewport());

  it('keeps 三级指标, 年度指标值, 实际完成值, 分值 and 得分 as columns; the rest opens with 更多', async () => {
    emulateWidth(768);
    render(<Indicators rows={[ROW]} />);
    expect(headers()).toEqual(['三级指标', '年度指标值', '实际完成值', '分值', '得分']);
    // the row's actions go under its name
    expect(screen.getByRole('button', { name: '删除绩效指标第1个' })).toBeTruthy();
    expect(field('绩效指标第1个 三级指标')?.value).toBe('帮扶困难职工户数');
    expect(field('绩效指标第1个 一级指标')).toBeNull();

    const more = screen.getByRole('button', { name: '绩效指标第1个的其他字段' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(more.textContent).toContain('更多（6）');
    await act(async () => fireEvent.click(more));
    expect(field('绩效指标第1个 一级指标')?.value).toBe('产出指标');
    expect(field('绩效指标第1个 度量单位')?.value).toBe('户');
    expect(screen.getByRole('group', { name: '第1个的其他字段' })).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '绩效指标第1个的其他字段' })));
    expect(field('绩效指标第1个 一级指标')).toBeNull();
  });

  it('opens by itself a new row, and a row whose hidden field has a message', () => {
    emulateWidth(768);
    render(
      <Indicators
        rows={[ROW, ROW, BLANK]}
        messages={{ 'scoreTable.indicators.1.deviationNote': [{ severity: 'error', text: '偏差较大，须说明原因' }] }}
      />,
    );
    expect(field('绩效指标第1个 一级指标')).toBeNull();
    expect(field('绩效指标第2个 偏差原因分析及改进措施')).not.toBeNull();
    expect(screen.getByText('偏差较大，须说明原因')).toBeTruthy();
    expect(field('绩效指标第3个 一级指标')).not.toBeNull();
  });

  it('opens a row just added, with the cursor in its first field', async () => {
    emulateWidth(768);
    render(<Indicators rows={[ROW]} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /添加一个/ })));
    const first = field('绩效指标第2个 一级指标');
    expect(first).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(first));
  });

  it('shows every field as a column on a desktop', () => {
    render(<Indicators rows={[ROW]} />);
    expect(headers()).toHaveLength(13);
    expect(field('绩效指标第1个 一级指标')?.value).toBe('产出指标');
    expect(screen.queryByRole('button', { name: '绩效指标第1个的其他字段' })).toBeNull();
  });
});
