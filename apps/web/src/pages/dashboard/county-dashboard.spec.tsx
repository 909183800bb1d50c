import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_BANDS } from '@evalflow/domain';
import { ApiError } from '../../api/client';
import type { ReportSummaryView } from '../../api/report-types';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { CountyDashboard } from './county-dashboard';
import { department, summary } from './dashboard-fixtures';

const NOW = new Date('2025-05-03T02:00:00.000Z');
const DEPARTMENTS = [department('d1', '赵县总工会'), department('d2', '赵县教育局'), department('d3', '赵县文化馆')];
const BANDS = DEFAULT_GRADE_BANDS.map((b) => (b.grade === 'excellent' ? { ...b, label: '优秀' } : b));

const REPORTS: Record<number, ReportSummaryView[]> = {
  2024: [
    summary('d1', '赵县总工会', {
      status: 'approved',
      totalScore: '95.00',
      grade: 'excellent',
      gradeLabel: '优秀',
      executionRate: '98.5',
      deadline: { dueOn: '2025-04-30', state: 'met', daysLeft: 5 },
    }),
    summary('d2', '赵县教育局', {
      status: 'returned',
      totalScore: '85',
      grade: 'good',
      gradeLabel: '良',
      openComments: 2,
      deadline: { dueOn: '2025-04-30', state: 'late', daysLeft: -1 },
    }),
    // project tables: not the department's report, whatever their status and score
    ...[
      { code: 'T1', status: 'approved', totalScore: '92.5', grade: 'excellent' },
      { code: 'T2', status: 'submitted', totalScore: '88', grade: 'good' },
      { code: 'T3', status: 'draft', totalScore: null, grade: null },
    ].map((p) =>
      summary('d3', '赵县文化馆', {
        id: `project-${p.code}`,
        kind: 'project',
        projectCode: p.code,
        projectName: `项目${p.code}`,
        status: p.status as 'approved' | 'submitted' | 'draft',
        totalScore: p.totalScore,
        grade: p.grade as 'excellent' | 'good' | null,
      }),
    ),
  ],
  2023: [summary('d3', '赵县文化馆', { fiscalYear: 2023, status: 'approved', deadline: null })],
};

/** The API of 赵县: 2024 is the newest year with reports; 2024's reports come in two keyset pages. */
function countyApi(options: { failReports?: boolean } = {}) {
  return fakeApi((call: FakeCall) => {
    const [path, query = ''] = call.path.split('?');
    const q = new URLSearchParams(query);
    if (path === '/departments') return DEPARTMENTS;
    if (path === '/settings') return { gradeBands: BANDS, requireHeadSignOff: false, version: 1 };
    if (path === '/settings/deadlines')
      return [{ fiscalYear: 2024, dueOn: '2025-04-30', version: 1, updatedAt: '2025-01-01T00:00:00.000Z' }];
    if (path === '/reports' && !q.has('fiscalYear')) return { items: REPORTS[2024].slice(0, 1), nextCursor: 'x' };
    if (options.failReports) throw new ApiError(500, { code: 'INTERNAL', message: '服务器开小差了' });
    const all = REPORTS[Number(q.get('fiscalYear'))] ?? [];
    const start = Number(q.get('cursor') ?? 0);
    return { items: all.slice(start, start + 1), nextCursor: start + 1 < all.length ? String(start + 1) : null };
  });
}

function renderDashboard(api: ReturnType<typeof countyApi>) {
  return render(
    <AntApp>
      <MemoryRouter>
        <CountyDashboard api={api} countyName="赵县" now={NOW} />
      </MemoryRouter>
    </AntApp>,
  );
}

const figure = (key: string) =>
  document.querySelector(`[data-figure="${key}"] .ant-statistic-content-value`)?.textContent;
const tableRows = () =>
  Array.from(document.querySelectorAll('.ant-table-tbody tr.ant-table-row')).map((tr) => tr.textContent ?? '');

// renders antd tables and charts: slow on a busy machine
describe('CountyDashboard', { timeout: 30_000 }, () => {
  it('opens the newest year, joins departments with their reports and counts them', async () => {
    const api = countyApi();
    renderDashboard(api);
    expect(await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 })).toBeTruthy();
    // every page of the year, 200 at a time
    expect(api.calls.map((c) => c.path)).toEqual(
      expect.arrayContaining(['/reports?fiscalYear=2024&limit=200', '/reports?fiscalYear=2024&cursor=1&limit=200']),
    );
    expect(screen.getByText(/赵县 2024 年度.*填报截止日期 2025年4月30日/)).toBeTruthy();

    const culture = tableRows().find((r) => r.includes('赵县文化馆'));
    // its project tables do not make it a department with a report
    expect(culture).toContain('未创建');
    expect(culture).toContain('已逾期 3 天');
    expect(document.querySelector('[data-projects="d3"]')?.textContent).toBe('3 张（已提交 1，已通过 1）');
    // (92.5 + 88) / 2, the draft left out
    expect(culture).toContain('90.25');
    expect(screen.getByRole('columnheader', { name: /平均分（已提交和已通过的）/ })).toBeTruthy();
    expect(figure('projects')).toBe('3');
    expect(tableRows().find((r) => r.includes('赵县总工会'))).toContain('98.50%');

    expect(figure('departments')).toBe('3');
    expect(figure('approved')).toBe('1');
    expect(figure('returned')).toBe('1');
    expect(figure('overdue')).toBe('1');
    expect(figure('average')).toBe('90.00');

    const grades = screen.getByRole('list', { name: '等级分布' });
    expect(within(grades).getByLabelText('优秀：1 份')).toBeTruthy();
    expect(within(grades).getByLabelText('良：1 份')).toBeTruthy();
    expect(within(grades).getByLabelText('差：0 份')).toBeTruthy();
    expect(screen.getByRole('img', { name: /未创建 1 个，草稿 0 个/ })).toBeTruthy();
  });

  it('narrows the table to the overdue departments', async () => {
    renderDashboard(countyApi());
    await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 });
    expect(tableRows()).toHaveLength(3);
    fireEvent.click(screen.getByRole('checkbox', { name: '只看逾期' }));
    expect(tableRows()).toHaveLength(1);
    expect(tableRows()[0]).toContain('赵县文化馆');
    expect(screen.getByText('共 3 个部门，符合条件 1 个')).toBeTruthy();
  });

  it('asks for the other year when the year changes', async () => {
    const api = countyApi();
    renderDashboard(api);
    await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 });
    const year = screen.getByRole('combobox', { name: '年度' });
    await act(async () => {
      fireEvent.mouseDown(year);
    });
    fireEvent.click(await screen.findByTitle('2023 年度'));
    await waitFor(() => expect(api.calls.map((c) => c.path)).toContain('/reports?fiscalYear=2023&limit=200'));
    await waitFor(() => expect(figure('approved')).toBe('1'));
    // 2023: only 赵县文化馆 has a report; no deadline was set
    expect(tableRows().find((r) => r.includes('赵县总工会'))).toContain('未创建');
    expect(screen.getByText(/2023 年度.*本年度尚未设置填报截止日期/)).toBeTruthy();
  });

  it('says why the year failed to load and loads it again on 重试', async () => {
    const api = countyApi({ failReports: true });
    renderDashboard(api);
    expect(await screen.findByText('服务器开小差了', undefined, { timeout: 10_000 })).toBeTruthy();
    const before = api.calls.length;
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(api.calls.length).toBeGreaterThan(before));
  });
});
