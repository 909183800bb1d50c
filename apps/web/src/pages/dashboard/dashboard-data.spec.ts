import { describe, expect, it } from 'vitest';
import {
  comparisonBars,
  describeComparison,
  describeProgress,
  describeScatter,
  progressPoints,
  scatterDots,
} from './chart-data';
import { filterRows, yearOptions } from './dashboard-data';
import { dashboardDepartment, dashboardReport, yearFigures } from './dashboard-fixtures';

const NOW = new Date('2025-05-03T02:00:00.000Z');

describe('the county dashboard’s data', () => {
  const rows = [
    dashboardDepartment('d1', '赵县总工会', dashboardReport('r1', { status: 'approved' })),
    dashboardDepartment('d2', '赵县水利局', dashboardReport('r2', { status: 'draft' }), {
      deadline: { dueOn: '2025-04-30', state: 'overdue', daysLeft: -3 },
    }),
    dashboardDepartment('d3', '赵县文化馆', null, {
      deadline: { dueOn: '2025-04-30', state: 'overdue', daysLeft: -3 },
    }),
  ];

  it('filters by stage and to the overdue departments', () => {
    expect(filterRows(rows, { overdueOnly: true }).map((r) => r.id)).toEqual(['d2', 'd3']);
    expect(filterRows(rows, { progress: 'missing', overdueOnly: false }).map((r) => r.id)).toEqual(['d3']);
    expect(filterRows(rows, { progress: 'approved', overdueOnly: true })).toEqual([]);
  });

  it('filters by 预警灯; a department not judged is 未判断', () => {
    // the fixture lights a submitted report green, a draft or a missing one not at all
    expect(filterRows(rows, { overdueOnly: false, light: 'green' }).map((r) => r.id)).toEqual(['d1']);
    expect(filterRows(rows, { overdueOnly: false, light: 'none' }).map((r) => r.id)).toEqual(['d2', 'd3']);
    expect(filterRows(rows, { overdueOnly: true, light: 'none' }).map((r) => r.id)).toEqual(['d2', 'd3']);
    expect(filterRows(rows, { overdueOnly: false, light: 'red' })).toEqual([]);
  });

  it('offers this year back six years, the county’s years and the one shown, newest first', () => {
    expect(yearOptions([2024, 2016], 2012, NOW).map((o) => o.value)).toEqual([
      2025, 2024, 2023, 2022, 2021, 2020, 2019, 2016, 2012,
    ]);
    expect(yearOptions([], 2024, NOW)[0]).toEqual({ value: 2025, label: '2025 年度' });
  });

  it('plots a score not yet handed in as a group of its own, and the description says how many', () => {
    const point = {
      reportId: 'r',
      departmentName: '赵县总工会',
      kind: 'department_overall' as const,
      projectName: null,
    };
    const dots = scatterDots([
      { ...point, reportId: 'r1', totalScore: '95.00', executionRate: '98.00', selfScored: false },
      { ...point, reportId: 'r2', totalScore: '99.00', executionRate: '90.00', selfScored: true },
    ]);
    expect(dots.map((d) => d.series)).toEqual(['部门整体', '部门整体·自评未提交']);
    expect(describeScatter(dots)).toContain('其中 1 份是尚未提交的自评得分，单独成组');
    expect(describeScatter(dots.slice(0, 1))).not.toContain('自评');
  });

  it('plots decimal strings as numbers but labels them exactly', () => {
    const [dot] = scatterDots([
      {
        reportId: 'r1',
        departmentName: '赵县总工会',
        kind: 'project',
        projectName: '职工书屋',
        totalScore: '89.50',
        executionRate: '1234.5',
        selfScored: false,
      },
    ]);
    expect(dot).toEqual({
      executionRate: 1234.5,
      totalScore: 89.5,
      series: '项目支出',
      name: '赵县总工会·职工书屋',
      scoreText: '89.50',
      rateText: '1,234.50%',
    });
  });

  it('draws running totals per week and says them in words', () => {
    const weeks = [
      { weekStart: '2025-04-14', submitted: 2, approved: 0, submittedTotal: 2, approvedTotal: 0 },
      { weekStart: '2025-04-21', submitted: 0, approved: 0, submittedTotal: 2, approvedTotal: 0 },
      { weekStart: '2025-04-28', submitted: 1, approved: 2, submittedTotal: 3, approvedTotal: 2 },
    ];
    expect(
      progressPoints(weeks)
        .filter((p) => p.series === '累计通过')
        .map((p) => p.count),
    ).toEqual([0, 0, 2]);
    expect(describeProgress(weeks)).toBe('逐周进度：自 2025-04-14 当周起共 3 周，累计提交 3 份，累计通过 2 份');
  });

  it('compares the two years band by band, in the current year’s labels', () => {
    const current = yearFigures(2024, [3, 1, 0, 1], { averageScore: '86.40', averageExecutionRate: '95.10' });
    const previous = yearFigures(2023, [1, 2, 0, 0]);
    expect(comparisonBars(current, previous).filter((b) => b.label === '良')).toEqual([
      { label: '良', year: '2023 年度', count: 2 },
      { label: '良', year: '2024 年度', count: 1 },
    ]);
    expect(describeComparison(current, previous)).toBe(
      '与上一年度对比：2024 年度 5 份，平均得分 86.40，平均执行率 95.10%，优秀 3 份、良 1 份、中 0 份、差 1 份；' +
        '2023 年度 3 份，平均得分 —，平均执行率 —，优秀 1 份、良 2 份、中 0 份、差 0 份',
    );
  });
});
