import { describe, expect, it } from 'vitest';
import type { GradeBand } from '@evalflow/domain';
import { filterRows, gradeDistribution, joinRows, summarise, tallyProjects } from './dashboard-data';
import { department, summary } from './dashboard-fixtures';

const HEBEI_BANDS: GradeBand[] = [
  { grade: 'poor', label: '差', min: '0' },
  { grade: 'excellent', label: '优秀', min: '90' },
  { grade: 'fair', label: '中', min: '60' },
  { grade: 'good', label: '良好', min: '80' },
];

const departments = [
  department('d1', '赵县总工会'),
  department('d2', '赵县教育局'),
  department('d3', '赵县水利局'),
  department('d4', '赵县文化馆'),
  department('d5', '赵县档案馆', { active: false }),
];
// 2025-05-03 in China: the county's 2024 deadline (2025-04-30) has passed
const NOW = new Date('2025-05-03T02:00:00.000Z');
const reports = [
  summary('d1', '赵县总工会', {
    status: 'approved',
    totalScore: '95.00',
    grade: 'excellent',
    gradeLabel: '优秀',
    executionRate: '98.5',
  }),
  summary('d2', '赵县教育局', { status: 'in_review', totalScore: '82.25', grade: 'good', gradeLabel: '良好' }),
  summary('d3', '赵县水利局', {
    status: 'draft',
    totalScore: '59.5',
    deadline: { dueOn: '2025-04-30', state: 'overdue', daysLeft: -3 },
  }),
];

/** Project tables of the year: never a department's 部门整体 report, counted on their own. */
const project = (departmentId: string, name: string, code: string, overrides: Parameters<typeof summary>[2]) =>
  summary(departmentId, name, { id: `project-${code}`, kind: 'project', projectCode: code, ...overrides });
const projects = [
  project('d1', '赵县总工会', 'T1', { projectName: '困难职工帮扶', status: 'approved', totalScore: '92.5' }),
  project('d1', '赵县总工会', 'T2', { projectName: '职工书屋', status: 'in_review', totalScore: '88' }),
  // a draft's score is not yet the department's: left out of the average
  project('d1', '赵县总工会', 'T3', { projectName: '劳模疗休养', status: 'draft', totalScore: '40' }),
  project('d4', '赵县文化馆', 'T4', { projectName: '送戏下乡', status: 'submitted', totalScore: null }),
  // an inactive department with only a project table still has a row
  project('d5', '赵县档案馆', 'T5', { projectName: '档案数字化', status: 'returned' }),
];

describe('the county dashboard', () => {
  const rows = joinRows(departments, reports, '2025-04-30', NOW);

  it('joins every active department with its report; one without a report shows 未创建 and is overdue once due', () => {
    // in pinyin order
    expect(rows.map((r) => [r.departmentName, r.progress])).toEqual([
      ['赵县教育局', 'in_review'],
      ['赵县水利局', 'draft'],
      ['赵县文化馆', 'missing'],
      ['赵县总工会', 'approved'],
    ]);
    const culture = rows.find((r) => r.departmentName === '赵县文化馆');
    expect(culture?.report).toBeNull();
    expect(culture?.deadline).toEqual({ dueOn: '2025-04-30', state: 'overdue', daysLeft: -3 });
    // an inactive department without a report is left out
    expect(rows.some((r) => r.departmentName === '赵县档案馆')).toBe(false);
  });

  it('keeps a report whose department is no longer listed, and says nothing of deadlines the county has not set', () => {
    const joined = joinRows([department('d1', '赵县总工会')], [summary('d9', '赵县旧局')], null, NOW);
    expect(joined.map((r) => r.departmentName).sort()).toEqual(['赵县总工会', '赵县旧局'].sort());
    expect(joined.find((r) => r.id === 'd1')?.deadline).toBeNull();
  });

  it('counts departments by stage, the overdue ones, and the exact average score', () => {
    const s = summarise(rows);
    expect(s.departments).toBe(4);
    expect(s.byProgress).toEqual({ missing: 1, draft: 1, submitted: 0, in_review: 1, returned: 0, approved: 1 });
    expect(s.overdue).toBe(2);
    // (95 + 82.25 + 59.5) / 3 = 78.9166… → 78.92
    expect(s.scored).toBe(3);
    expect(s.averageScore).toBe('78.92');
    expect(summarise([]).averageScore).toBeNull();
  });

  it('counts grades in the county’s own bands, best first; a score without a stored grade falls into its band', () => {
    expect(gradeDistribution(rows, HEBEI_BANDS)).toEqual([
      { grade: 'excellent', label: '优秀', min: '90', count: 1 },
      { grade: 'good', label: '良好', min: '80', count: 1 },
      { grade: 'fair', label: '中', min: '60', count: 0 },
      { grade: 'poor', label: '差', min: '0', count: 1 },
    ]);
  });

  it('keeps project tables apart from the department’s 部门整体 report, and counts them per department', () => {
    const joined = joinRows(departments, [...projects, ...reports], '2025-04-30', NOW);
    const union = joined.find((r) => r.id === 'd1');
    // the row's report, stage and score stay those of the 部门整体 report
    expect(union?.report?.kind).toBe('department_overall');
    expect(union?.progress).toBe('approved');
    expect(union?.projects).toEqual({ total: 3, submitted: 1, approved: 1, scored: 2, averageScore: '90.25' });
    // a department with only project tables has no report of its own: 未创建
    const culture = joined.find((r) => r.id === 'd4');
    expect(culture?.progress).toBe('missing');
    expect(culture?.report).toBeNull();
    expect(culture?.projects).toMatchObject({ total: 1, submitted: 1, scored: 0, averageScore: null });
    expect(joined.find((r) => r.id === 'd5')?.projects.total).toBe(1);

    // the summary and the grades are of the 部门整体 reports only; the project tables are one figure
    const s = summarise(joined);
    expect(s.byProgress).toEqual({ missing: 2, draft: 1, submitted: 0, in_review: 1, returned: 0, approved: 1 });
    expect(s.averageScore).toBe('78.92');
    expect(s.projects).toEqual({ total: 5, submitted: 2, approved: 1 });
    expect(gradeDistribution(joined, HEBEI_BANDS).map((g) => g.count)).toEqual([1, 1, 0, 1]);
  });

  it('averages a department’s project tables with the finance bureau or approved, exactly', () => {
    const tally = tallyProjects([
      project('d1', '赵县总工会', 'A', { status: 'approved', totalScore: '90.01' }),
      project('d1', '赵县总工会', 'B', { status: 'approved', totalScore: '80' }),
      project('d1', '赵县总工会', 'C', { status: 'submitted', totalScore: '70' }),
    ]);
    // (90.01 + 80 + 70) / 3 = 80.0033… → 80.00
    expect(tally).toEqual({ total: 3, submitted: 1, approved: 2, scored: 3, averageScore: '80.00' });
    expect(tallyProjects([])).toEqual({ total: 0, submitted: 0, approved: 0, scored: 0, averageScore: null });
  });

  it('filters by stage and to the overdue departments', () => {
    expect(
      filterRows(rows, { overdueOnly: true })
        .map((r) => r.departmentName)
        .sort(),
    ).toEqual(['赵县文化馆', '赵县水利局'].sort());
    expect(filterRows(rows, { progress: 'missing', overdueOnly: false }).map((r) => r.id)).toEqual(['d4']);
    expect(filterRows(rows, { progress: 'approved', overdueOnly: true })).toEqual([]);
  });
});
