import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { fakeApi, type FakeCall } from '../../test/fake-api';
import { CountyDashboard } from './county-dashboard';
import { dashboardDepartment, dashboardReport, dashboardView } from './dashboard-fixtures';

/** The charts draw on a canvas, which jsdom lacks. */
vi.mock('@ant-design/plots', () => {
  const stub = (chart: string) =>
    function Chart() {
      return <div data-chart={chart} />;
    };
  return { Column: stub('Column'), Line: stub('Line'), Scatter: stub('Scatter') };
});

const NOW = new Date('2025-05-03T02:00:00.000Z');
const submitted = (id: string) =>
  dashboardReport(id, { status: 'submitted', totalScore: '96.00', executionRate: '84.50' });

const COMPLETE = '全部 12 项定量指标完成率均为 100%，其中 9 项未附佐证';
const HIGH = '总分 96 分而执行率仅 84.50%（低于 90%）';
const RISING = '得分较上年升高 6 分，而执行率较上年下降 7.20 个百分点';
const BARE = '4 项指标得满分而未附佐证材料（如「职工满意度」、「资金发放准确率」、「培训人次」）';

/** 赵县 2024: one red department (two flags), one yellow, one green, one not judged (no report). */
const VIEW = dashboardView({
  fiscalYear: 2024,
  departments: [
    dashboardDepartment('d1', '赵县甲局', submitted('r1'), {
      light: 'red',
      flags: [
        { rule: 'all-complete-little-evidence', severity: 'yellow', message: COMPLETE },
        { rule: 'high-score-low-execution', severity: 'red', message: HIGH },
      ],
    }),
    dashboardDepartment('d2', '赵县乙局', submitted('r2'), {
      light: 'yellow',
      flags: [
        { rule: 'score-up-execution-down', severity: 'yellow', message: RISING },
        { rule: 'full-marks-without-files', severity: 'yellow', message: BARE },
      ],
    }),
    dashboardDepartment('d3', '赵县丙局', submitted('r3'), { light: 'green', flags: [] }),
    dashboardDepartment('d4', '赵县丁局', null),
  ],
});

function renderDashboard() {
  const api = fakeApi((call: FakeCall) => {
    if (call.path.split('?')[0] !== '/dashboard') throw new ApiError(404, { code: 'NOT_FOUND', message: call.path });
    return VIEW;
  });
  render(
    <AntApp>
      <MemoryRouter>
        <CountyDashboard api={api} countyName="赵县" now={NOW} />
      </MemoryRouter>
    </AntApp>,
  );
  return api;
}

const rowOf = (name: string) =>
  Array.from(document.querySelectorAll<HTMLElement>('.ant-table-tbody tr.ant-table-row')).find((tr) =>
    tr.textContent?.includes(name),
  );
const lightOf = (name: string) => rowOf(name)?.querySelector('[data-light]')?.getAttribute('data-light');
const shownNames = () =>
  Array.from(document.querySelectorAll('.ant-table-tbody tr.ant-table-row')).map(
    (tr) => ['赵县甲局', '赵县乙局', '赵县丙局', '赵县丁局'].find((n) => tr.textContent?.includes(n)) ?? '?',
  );

// renders antd tables: slow on a busy machine
describe('CountyDashboard: 预警灯 (score-inflation flags)', { timeout: 30_000 }, () => {
  it('shows a 红/黄/绿 light per department, none for one not judged, from the same one request', async () => {
    const api = renderDashboard();
    expect(await screen.findByText('赵县甲局', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(api.calls.map((c) => c.path)).toEqual(['/dashboard']);
    expect(screen.getByRole('columnheader', { name: /预警灯/ })).toBeTruthy();
    expect(['赵县甲局', '赵县乙局', '赵县丙局', '赵县丁局'].map(lightOf)).toEqual(['red', 'yellow', 'green', 'none']);
    expect(rowOf('赵县甲局')?.querySelector('[data-light]')?.textContent).toBe('红');
    expect(rowOf('赵县乙局')?.querySelector('[data-light]')?.textContent).toBe('黄');
    expect(rowOf('赵县丙局')?.querySelector('[data-light]')?.textContent).toBe('绿');
    // the explanations are read out with the light
    expect(rowOf('赵县甲局')?.querySelector('[data-light]')?.getAttribute('aria-label')).toBe(
      `红灯：${COMPLETE}；${HIGH}`,
    );
  });

  it('explains the flags with their numbers in a tooltip and in the expanded row', async () => {
    renderDashboard();
    await screen.findByText('赵县乙局', undefined, { timeout: 10_000 });
    fireEvent.mouseEnter(rowOf('赵县乙局')?.querySelector('[data-light]') as Element);
    expect(await screen.findByText(`【黄】${RISING}`)).toBeTruthy();
    // the rule on files (满分指标未附佐证材料) explained as any other
    expect(screen.getByText(`【黄】${BARE}`)).toBeTruthy();

    // a row with flags expands to the list; a green one has nothing to expand
    const expand = rowOf('赵县甲局')?.querySelector('.ant-table-row-expand-icon') as HTMLElement;
    fireEvent.click(expand);
    const expanded = await waitFor(() => {
      const row = document.querySelector('.ant-table-expanded-row');
      expect(row).toBeTruthy();
      return row as Element;
    });
    expect(Array.from(expanded.querySelectorAll('[data-flag]')).map((li) => li.textContent)).toEqual([
      `【黄】${COMPLETE}`,
      `【红】${HIGH}`,
    ]);
    expect(rowOf('赵县丙局')?.querySelector('.ant-table-row-expand-icon-spaced')).toBeTruthy();
  });

  it('filters the departments by light', async () => {
    renderDashboard();
    await screen.findByText('赵县甲局', undefined, { timeout: 10_000 });
    const choose = async (label: string) => {
      await act(async () => {
        fireEvent.mouseDown(screen.getByRole('combobox', { name: '预警灯' }));
      });
      fireEvent.click(await screen.findByTitle(label));
    };
    await choose('红灯');
    await waitFor(() => expect(shownNames()).toEqual(['赵县甲局']));
    expect(screen.getByText('共 4 个部门，符合条件 1 个')).toBeTruthy();
    await choose('绿灯');
    await waitFor(() => expect(shownNames()).toEqual(['赵县丙局']));
    await choose('未判断');
    await waitFor(() => expect(shownNames()).toEqual(['赵县丁局']));
  });
});
