import { describe, expect, it } from 'vitest';
import type { GradeBand } from '@evalflow/domain';
import { filterRows, gradeDistribution, joinRows, summarise } from './dashboard-data';
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
