import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_BANDS,
  emptyReportContent,
  rescoreSheet,
  type RescoreEntry,
  type RescoringRule,
} from '@evalflow/domain';
import { ApiError, type ApiClient } from '../../../api/client';
import type { RescoreView } from '../../../api/rescore-api';
import { fakeApi } from '../../../test/fake-api';
import { RescoreTab } from './rescore-tab';

const REPORT_ID = 'aaaaaaaa-0000-4000-8000-000000000001';
const indicator = (level3: string, weight: string, score: string) => ({
  level1: '产出指标',
  level2: '数量指标',
  level3,
  nature: '>=' as const,
  target: '100',
  unit: '%',
  actual: '100',
  weight,
  score,
  deviationNote: '',
  evidence: '',
});

/** 执行率 10/10, 培训人次 50/48, 满意度 40/38: self-scores 96. */
function view(entries: RescoreEntry[] = [], extra: Partial<RescoreView> = {}, rule?: RescoringRule): RescoreView {
  const table = emptyReportContent({ departmentName: '某县文化馆', fiscalYear: 2025 }).scoreTable;
  table.funding.weight = '10';
  table.funding.score = '10';
  table.indicators = [indicator('培训人次', '50', '48'), indicator('满意度', '40', '38')];
  const r = rule ?? { mode: 'replace', weight: null };
  const sheet = rescoreSheet(table, entries, r, DEFAULT_GRADE_BANDS);
  return {
    reportId: REPORT_ID,
    version: entries.length ? 2 : 0,
    editable: true,
    rule: r,
    gradeBands: DEFAULT_GRADE_BANDS,
    rows: sheet.rows,
    totals: sheet.totals,
    outdated: 0,
    updatedBy: entries.length ? '王审核' : null,
    updatedAt: entries.length ? '2025-04-20T02:00:00.000Z' : null,
    ...extra,
  };
}

function renderTab(api: ApiClient) {
  return render(
    <AntApp>
      <RescoreTab api={api} reportId={REPORT_ID} />
    </AntApp>,
  );
}

const totals = () => screen.getByRole('region', { name: '复核评分合计' });
const scoreInput = (label: string) => screen.getByRole('textbox', { name: `${label}的复核得分` }) as HTMLInputElement;

describe('RescoreTab for the finance bureau', () => {
  it('shows the self-scores and updates the total, final score and grade as one types', async () => {
    const api = fakeApi(() => view());
    renderTab(api);
    expect(await screen.findByText('培训人次')).toBeTruthy();
    expect(within(totals()).getByText('96.00（优）')).toBeTruthy();
    fireEvent.change(scoreInput('第 1 项指标「培训人次」'), { target: { value: '40' } });
    fireEvent.change(scoreInput('预算执行率'), { target: { value: '8.5' } });
    // 8.5 + 40 + 38 = 86.5: 良
    expect(within(totals()).getByText('86.50（良）')).toBeTruthy();
    expect(within(totals()).getByText('9.50')).toBeTruthy();
  });

  it('names a score above the weight in Chinese and will not save it', async () => {
    renderTab(fakeApi(() => view()));
    fireEvent.change(await screen.findByRole('textbox', { name: '第 2 项指标「满意度」的复核得分' }), {
      target: { value: '41' },
    });
    expect(screen.getByText('第 2 项指标「满意度」的复核得分 41 超过分值 40')).toBeTruthy();
    expect((screen.getByRole('button', { name: /保存复核评分/ }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(scoreInput('第 2 项指标「满意度」'), { target: { value: '35.555' } });
    expect(screen.getByText('第 2 项指标「满意度」的复核得分应为不小于 0 的数，最多 2 位小数')).toBeTruthy();
  });

  it('saves every row with the version it was based on, and shows what the API answers', async () => {
    const saved = view([{ row: 'indicators.0', level3: '培训人次', score: '40', note: '台账不全' }], { version: 1 });
    const api = fakeApi((call) => (call.method === 'PUT' ? saved : view()));
    renderTab(api);
    fireEvent.change(await screen.findByRole('textbox', { name: '第 1 项指标「培训人次」的复核得分' }), {
      target: { value: ' 40 ' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: '第 1 项指标「培训人次」的复核说明' }), {
      target: { value: '台账不全' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /保存复核评分/ })));
    expect(api.calls[1]).toMatchObject({
      method: 'PUT',
      path: `/reports/${REPORT_ID}/rescore`,
      headers: { 'if-match': '"0"' },
      body: {
        rows: [
          { row: 'funding', score: null, note: '' },
          { row: 'indicators.0', score: '40', note: '台账不全' },
          { row: 'indicators.1', score: null, note: '' },
        ],
      },
    });
    expect(await screen.findByText('复核评分已保存')).toBeTruthy();
    expect(within(totals()).getByText('88.00（良）')).toBeTruthy();
  });

  it('loads the current re-scores when someone else saved first (412)', async () => {
    const current = view([{ row: 'funding', level3: '', score: '6', note: '' }], { version: 3 });
    const api = fakeApi((call) => {
      if (call.method === 'PUT') {
        throw new ApiError(412, { code: 'VERSION_MISMATCH', message: '数据已被他人修改', details: { current } });
      }
      return view();
    });
    renderTab(api);
    fireEvent.change(await screen.findByRole('textbox', { name: '预算执行率的复核得分' }), {
      target: { value: '9' },
    });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: /保存复核评分/ })));
    await waitFor(() => expect(scoreInput('预算执行率').value).toBe('6'));
    expect(within(totals()).getByText('92.00（优）')).toBeTruthy();
    expect(await screen.findByText(/数据已被他人修改/)).toBeTruthy();
  });

  it('states the weighted rule with exact decimals', async () => {
    renderTab(fakeApi(() => view([], {}, { mode: 'weighted', weight: '0.6' })));
    expect(await screen.findByText(/最终得分 = 0.6 × 复核得分 \+ 0.4 × 自评得分/)).toBeTruthy();
  });
});

describe('RescoreTab read-only', () => {
  it('compares 自评 / 复核 / 差异 per row and in total (the department, once approved)', async () => {
    const approved = view(
      [
        { row: 'indicators.0', level3: '培训人次', score: '40', note: '台账不全' },
        { row: 'indicators.1', level3: '满意度', score: '36', note: '' },
      ],
      { editable: false },
    );
    renderTab(fakeApi(() => approved));
    const row = (await screen.findByText('培训人次')).closest('tr') as HTMLElement;
    expect(within(row).getByText('48')).toBeTruthy();
    expect(within(row).getByText('40')).toBeTruthy();
    expect(within(row).getByText('8.00')).toBeTruthy();
    expect(within(row).getByText('台账不全')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    // 10 + 40 + 36 = 86; 96 − 86 = 10
    expect(within(totals()).getByText('86.00（良）')).toBeTruthy();
    expect(within(totals()).getByText('10.00')).toBeTruthy();
  });

  it('says when nothing was re-scored', async () => {
    renderTab(fakeApi(() => view([], { editable: false })));
    expect(await screen.findByText('财政局尚未复核评分')).toBeTruthy();
  });
});
