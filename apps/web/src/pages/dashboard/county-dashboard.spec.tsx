import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import type { DashboardView } from '../../api/dashboard-api';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { CountyDashboard } from './county-dashboard';
import { dashboardDepartment, dashboardReport, dashboardView, yearFigures } from './dashboard-fixtures';

/** The charts draw on a canvas, which jsdom lacks: each chart is a stub that records what it was given. */
const plotted = vi.hoisted(() => ({ charts: [] as Array<{ chart: string; props: Record<string, unknown> }> }));
vi.mock('@ant-design/plots', () => {
  const stub = (chart: string) =>
    function Chart(props: Record<string, unknown>) {
      plotted.charts.push({ chart, props });
      return <div data-chart={chart} />;
    };
  return { Column: stub('Column'), Line: stub('Line'), Scatter: stub('Scatter') };
});
/** The props of the last drawing of a chart, picked by its type and a prop that tells it apart. */
const chartProps = (chart: string, match: (props: Record<string, unknown>) => boolean = () => true) =>
  plotted.charts.filter((c) => c.chart === chart && match(c.props)).at(-1)?.props;

const NOW = new Date('2025-05-03T02:00:00.000Z');

const union = dashboardReport('report-d1', {
  status: 'approved',
  totalScore: '95.00',
  grade: 'excellent',
  gradeLabel: '优秀',
  executionRate: '98.50',
  deadline: { dueOn: '2025-04-30', state: 'met', daysLeft: 5 },
  evidenceFiles: 7,
  reScore: '90.00',
  finalScore: '90.00',
  finalGrade: 'excellent',
  finalGradeLabel: '优秀',
  scoreDifference: '5.00',
});
const education = dashboardReport('report-d2', {
  status: 'returned',
  totalScore: '85.00',
  grade: 'good',
  gradeLabel: '良',
  executionRate: '91.20',
  openComments: 2,
  deadline: { dueOn: '2025-04-30', state: 'late', daysLeft: -1 },
});
const cultureProjects = [
  { code: 'T1', status: 'approved' as const, totalScore: '92.50' },
  { code: 'T2', status: 'submitted' as const, totalScore: '88.00' },
  { code: 'T3', status: 'draft' as const, totalScore: null },
].map((p) =>
  dashboardReport(`project-${p.code}`, { kind: 'project', projectCode: p.code, projectName: `项目${p.code}`, ...p }),
);

/** 赵县 2024 as the server answers it: 赵县文化馆 has only project tables, so no report of its own (未创建). */
const YEAR_2024 = dashboardView({
  fiscalYear: 2024,
  dueOn: '2025-04-30',
  summary: {
    departments: 3,
    byProgress: { missing: 1, draft: 0, submitted: 0, in_review: 0, returned: 1, approved: 1 },
    overdue: 1,
    scored: 2,
    draftsScored: 0,
    averageScore: '90.00',
    projects: { total: 3, submitted: 1, approved: 1 },
  },
  departments: [
    dashboardDepartment('d3', '赵县文化馆', null, {
      deadline: { dueOn: '2025-04-30', state: 'overdue', daysLeft: -3 },
      projectReports: cultureProjects,
      projects: { total: 3, submitted: 1, approved: 1, scored: 2, averageScore: '90.25' },
    }),
    dashboardDepartment('d2', '赵县教育局', education),
    dashboardDepartment('d1', '赵县总工会', union),
  ],
  scatter: [
    {
      reportId: 'report-d1',
      departmentName: '赵县总工会',
      kind: 'department_overall',
      projectName: null,
      totalScore: '95.00',
      executionRate: '98.50',
    },
    {
      reportId: 'project-T1',
      departmentName: '赵县文化馆',
      kind: 'project',
      projectName: '项目T1',
      totalScore: '92.50',
      executionRate: '100.00',
    },
  ],
  progress: [
    { weekStart: '2025-04-14', submitted: 1, approved: 0, submittedTotal: 1, approvedTotal: 0 },
    { weekStart: '2025-04-21', submitted: 1, approved: 1, submittedTotal: 2, approvedTotal: 1 },
  ],
  current: yearFigures(2024, [1, 1, 0, 0], { averageScore: '90.00', rated: 2, averageExecutionRate: '94.85' }),
  previous: yearFigures(2023, [1, 0, 0, 0], { averageScore: '93.00', rated: 1, averageExecutionRate: '99.00' }),
});

/** 2023: no deadline; only 赵县文化馆 has a report. */
const YEAR_2023 = dashboardView({
  fiscalYear: 2023,
  summary: {
    ...YEAR_2024.summary,
    departments: 3,
    byProgress: { ...YEAR_2024.summary.byProgress, missing: 2, returned: 0, approved: 1 },
    overdue: 0,
  },
  departments: [
    dashboardDepartment('d3', '赵县文化馆', dashboardReport('report-2023', { status: 'approved', deadline: null })),
    dashboardDepartment('d2', '赵县教育局', null),
    dashboardDepartment('d1', '赵县总工会', null),
  ],
  current: yearFigures(2023, [1, 0, 0, 0]),
  previous: yearFigures(2022, [0, 0, 0, 0], { scored: 0 }),
});

/** A year without any report: every department 未创建, nothing to draw. */
const EMPTY_2022 = dashboardView({ fiscalYear: 2022, departments: [dashboardDepartment('d1', '赵县总工会', null)] });

function countyApi(options: { fail?: boolean } = {}) {
  const years: Record<string, DashboardView> = {
    '': YEAR_2024,
    '2024': YEAR_2024,
    '2023': YEAR_2023,
    '2022': EMPTY_2022,
  };
  return fakeApi((call: FakeCall) => {
    const [path, query = ''] = call.path.split('?');
    if (path === '/dashboard/summary.xlsx') return new Blob([`xlsx ${query}`]);
    if (path !== '/dashboard') throw new ApiError(404, { code: 'NOT_FOUND', message: '不应请求' + call.path });
    if (options.fail) throw new ApiError(500, { code: 'INTERNAL', message: '服务器开小差了' });
    return years[new URLSearchParams(query).get('fiscalYear') ?? ''];
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
const chooseYear = async (label: string) => {
  await act(async () => {
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '年度' }));
  });
  fireEvent.click(await screen.findByTitle(label));
};

// renders antd tables and charts: slow on a busy machine
describe('CountyDashboard', { timeout: 30_000 }, () => {
  beforeEach(() => {
    plotted.charts = [];
  });

  it('opens the newest year in one request and shows the server’s figures per department', async () => {
    const api = countyApi();
    renderDashboard(api);
    expect(await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 })).toBeTruthy();
    // one request for the whole page; the report list is never paged
    expect(api.calls.map((c) => c.path)).toEqual(['/dashboard']);
    expect(screen.getByText(/赵县 2024 年度.*填报截止日期 2025年4月30日/)).toBeTruthy();

    const culture = tableRows().find((r) => r.includes('赵县文化馆'));
    // its project tables do not make it a department with a report
    expect(culture).toContain('未创建');
    expect(culture).toContain('已逾期 3 天');
    expect(document.querySelector('[data-projects="d3"]')?.textContent).toBe('3 张（已提交 1，已通过 1）');
    expect(culture).toContain('90.25');
    expect(screen.getByRole('columnheader', { name: /平均分（已提交和已通过的）/ })).toBeTruthy();
    expect(figure('projects')).toBe('3');
    expect(tableRows().find((r) => r.includes('赵县总工会'))).toContain('98.50%');
    // the finance bureau's re-score beside the self-score, with the difference
    expect(tableRows().find((r) => r.includes('赵县总工会'))).toContain('90.00（差 5.00）');
    // 佐证: the report's current files; none for a department without a report
    expect(screen.getByRole('columnheader', { name: /佐证/ })).toBeTruthy();
    expect(document.querySelector('[data-evidence-files="d1"]')?.textContent).toBe('7');
    expect(document.querySelector('[data-evidence-files="d2"]')?.textContent).toBe('0');
    expect(document.querySelector('[data-evidence-files="d3"]')).toBeNull();

    expect(figure('departments')).toBe('3');
    expect(figure('approved')).toBe('1');
    expect(figure('returned')).toBe('1');
    expect(figure('overdue')).toBe('1');
    expect(figure('average')).toBe('90.00');
    expect(screen.getByRole('img', { name: /未创建 1 个，草稿 0 个/ })).toBeTruthy();
  });

  it('hands each chart the server’s figures, with Chinese titles and a description in words', async () => {
    renderDashboard(countyApi());
    // the chart chunk is loaded lazily, after the figures
    expect(await screen.findByText('等级分布（部门整体报告）', undefined, { timeout: 10_000 })).toBeTruthy();

    expect(chartProps('Column', (p) => p.colorField === 'label')).toMatchObject({
      xField: 'label',
      yField: 'count',
      data: [
        { label: '优秀', count: 1, note: '90 分及以上' },
        { label: '良', count: 1, note: '80 分及以上' },
        { label: '中', count: 0, note: '60 分及以上' },
        { label: '差', count: 0, note: '0 分及以上' },
      ],
    });
    expect(screen.getByRole('img', { name: '等级分布：优秀 1 份，良 1 份，中 0 份，差 0 份' })).toBeTruthy();

    expect(chartProps('Scatter')).toMatchObject({
      xField: 'executionRate',
      yField: 'totalScore',
      colorField: 'series',
      data: [
        { executionRate: 98.5, totalScore: 95, series: '部门整体', name: '赵县总工会', rateText: '98.50%' },
        { executionRate: 100, totalScore: 92.5, series: '项目支出', name: '赵县文化馆·项目T1', scoreText: '92.50' },
      ],
    });
    expect(
      screen.getByRole('img', { name: /执行率与得分：2 份报告，赵县总工会 执行率 98\.50%、得分 95\.00/ }),
    ).toBeTruthy();

    expect(chartProps('Line')?.data).toEqual([
      { weekStart: '2025-04-14', series: '累计提交', count: 1 },
      { weekStart: '2025-04-14', series: '累计通过', count: 0 },
      { weekStart: '2025-04-21', series: '累计提交', count: 2 },
      { weekStart: '2025-04-21', series: '累计通过', count: 1 },
    ]);
    expect(screen.getByText('逐周进度（部门整体报告）')).toBeTruthy();

    const comparison = chartProps('Column', (p) => p.colorField === 'year');
    expect(comparison).toMatchObject({ group: true, xField: 'label' });
    expect((comparison?.data as unknown[]).slice(0, 2)).toEqual([
      { label: '优秀', year: '2023 年度', count: 1 },
      { label: '优秀', year: '2024 年度', count: 1 },
    ]);
    expect(screen.getByText('与上一年度对比（2023 → 2024）')).toBeTruthy();
    expect(document.querySelector('[data-average="score-2024"]')?.textContent).toContain('90.00');
    expect(document.querySelector('[data-average="rate-2023"]')?.textContent).toContain('99.00%');
  });

  it('says that drafts’ own scores are left out of 平均得分 and the grades, and how many', async () => {
    const withDrafts: DashboardView = {
      ...YEAR_2024,
      summary: { ...YEAR_2024.summary, draftsScored: 1 },
      current: { ...YEAR_2024.current, draftsScored: 1 },
    };
    renderDashboard(fakeApi(() => withDrafts) as ReturnType<typeof countyApi>);
    expect(await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/平均得分（已提交及通过 2 份）/)).toBeTruthy();
    expect(
      screen.getByText(/平均得分和等级分布只计已提交、审核中和已通过的报告，不含草稿和退回报告的自评得分/),
    ).toBeTruthy();
    expect(screen.getByText(/另有 1 份草稿或退回报告已自评得分，未计入/)).toBeTruthy();
    await screen.findByText('等级分布（部门整体报告）', undefined, { timeout: 10_000 });
    const notes = [...document.querySelectorAll('[data-scores-counted]')].map((n) => n.textContent);
    expect(notes[0]).toBe('只计已提交、审核中和已通过的报告；1 份草稿或退回报告的自评得分未计入');
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
    await chooseYear('2023 年度');
    await waitFor(() => expect(api.calls.map((c) => c.path)).toContain('/dashboard?fiscalYear=2023'));
    await waitFor(() => expect(figure('approved')).toBe('1'));
    // 2023: only 赵县文化馆 has a report; no deadline was set
    await waitFor(() => expect(tableRows().find((r) => r.includes('赵县总工会'))).toContain('未创建'));
    expect(screen.getByText(/2023 年度.*本年度尚未设置填报截止日期/)).toBeTruthy();
  });

  it('shows empty states, not empty charts, for a year without reports', async () => {
    renderDashboard(countyApi());
    await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 });
    await chooseYear('2022 年度');
    expect(await screen.findByText('2022 年度还没有报告', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('本年度还没有同时有执行率和得分的报告')).toBeTruthy();
    expect(screen.getByText('本年度还没有提交或通过的部门整体报告')).toBeTruthy();
    expect(screen.getByText('两个年度都还没有部门整体报告')).toBeTruthy();
    expect(document.querySelectorAll('[data-chart]')).toHaveLength(0);
  });

  it('says why the year failed to load and loads it again on 重试', async () => {
    const api = countyApi({ fail: true });
    renderDashboard(api);
    expect(await screen.findByText('服务器开小差了', undefined, { timeout: 10_000 })).toBeTruthy();
    const before = api.calls.length;
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    await waitFor(() => expect(api.calls.length).toBeGreaterThan(before));
  });

  it('downloads the shown year’s 汇总表 under the county’s name', async () => {
    const saved: Array<{ name: string; href: string }> = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    URL.createObjectURL = vi.fn(() => 'blob:summary');
    URL.revokeObjectURL = vi.fn();
    const api = countyApi();
    renderDashboard(api);
    await screen.findByText('赵县文化馆', undefined, { timeout: 10_000 });
    await chooseYear('2023 年度');
    await waitFor(() => expect(screen.getByText(/赵县 2023 年度/)).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: /导出汇总表/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(api.calls.at(-1)?.path).toBe('/dashboard/summary.xlsx?fiscalYear=2023');
    expect(saved[0]).toEqual({ name: '赵县-2023-绩效自评汇总表.xlsx', href: 'blob:summary' });
    click.mockRestore();
  });
});
