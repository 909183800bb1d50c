import { describe, expect, it } from 'vitest';
import { actionLabel, describeChanges, describeFacts, describeFromTo, formatAuditValue } from './audit-labels';

describe('audit entries in words', () => {
  it('names every action in Chinese, workflow steps as the workflow names them, never by code', () => {
    expect(actionLabel('settings.deadline_set')).toBe('设置填报截止日期');
    expect(actionLabel('report.approve')).toBe('报告审核通过');
    expect(actionLabel('report.withdraw')).toBe('报告撤回');
    expect(actionLabel('report.sign_off')).toBe('部门负责人签核');
    expect(actionLabel('something.new')).toBe('其他操作');
  });

  it('shows a report move as status before → after, with its reason', () => {
    const details = { from: 'submitted', to: 'draft', reason: '数字填错', revision: null, openComments: [] };
    expect(describeFromTo('report.withdraw', details)).toEqual(['状态：已提交 → 草稿']);
    expect(describeFacts(details, undefined, 'report.withdraw')).toEqual(['撤回原因：数字填错', '未解决的意见：无']);
    expect(describeFacts({ reason: '同意。' }, undefined, 'report.approve')).toEqual(['审批意见：同意。']);
  });

  it('shows a changed setting leaf by leaf, and grade bands as the settings page does', () => {
    expect(
      describeFromTo('settings.four_eyes_updated', {
        from: { reviewerMayNotApprove: true, authorMayNotReview: true },
        to: { reviewerMayNotApprove: false, authorMayNotReview: true },
      }),
    ).toEqual(['审核人不能审批通过：是 → 否']);
    expect(
      describeFromTo('settings.inflation_thresholds_updated', {
        from: { allComplete: { minIndicators: 3, redShare: '80' } },
        to: { allComplete: { minIndicators: 3, redShare: '70' } },
      }),
    ).toEqual(['未附佐证指标占比（红）：80 → 70']);
    const lines = describeFromTo('settings.grade_bands_updated', {
      from: [{ grade: 'excellent', label: '优', min: '90' }],
      to: [{ grade: 'excellent', label: '优秀', min: '90' }],
    });
    expect(lines).toEqual(['分数段：优 ≥ 90 → 优秀 ≥ 90']);
    expect(describeFromTo('settings.deadline_set', { fiscalYear: 2024, from: null, to: '2025-04-30' })).toEqual([
      '截止日期：空 → 2025-04-30',
    ]);
  });

  it('never prints [object Object], whatever the details hold', () => {
    const odd = {
      refused: { a: 1 },
      nested: [{ name: '甲' }, { name: '乙' }],
      changes: { roles: { from: [], to: ['dept_head'] } },
    };
    const text = [...describeChanges(odd), ...describeFacts(odd)].join('；');
    expect(text).not.toContain('[object Object]');
    expect(text).toContain('角色：无 → 部门负责人');
    expect(formatAuditValue('nested', odd.nested)).toBe('名称：甲、名称：乙');
  });
});
