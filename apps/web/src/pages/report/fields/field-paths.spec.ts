import { describe, expect, it } from 'vitest';
import { describePath, fieldOptions, pathLabel } from './field-paths';
import { formatValue } from './field-values';
import { formatMoney } from './format';

const OVERALL = 'department_overall';

describe('describePath', () => {
  it('names a field of a list row by the part, the list, the row and the field', () => {
    expect(describePath(OVERALL, 'budget.lines.2.amount')).toMatchObject({
      part: 'budget',
      partLabel: '（二）部门收支预决算情况',
      fieldLabel: '项目预算明细 第3行 · 年初预算数',
    });
    expect(pathLabel(OVERALL, 'budget.lines.2.spent')).toBe('（二）部门收支预决算情况 › 项目预算明细 第3行 · 执行数');
  });

  it('walks nested groups and counts rows in their own unit', () => {
    expect(describePath(OVERALL, 'scoreTable.funding.total.adjustedBudget').fieldLabel).toBe(
      '资金情况 · 年度资金总额 · 全年预算数',
    );
    expect(describePath(OVERALL, 'scoreTable.indicators.0.weight').fieldLabel).toBe('绩效指标 第1个 · 分值');
    expect(describePath(OVERALL, 'basicInfo.functions.1').fieldLabel).toBe('部门职能 第2段');
    expect(describePath(OVERALL, 'team.members.0').fieldLabel).toBe('工作组成员 第1名');
    expect(describePath(OVERALL, 'basicInfo.assets.yoy.netAssets').fieldLabel).toBe('资产情况 · 同比增减 · 净资产');
  });

  it('names the version 2 figures: staff categories, income and spending', () => {
    expect(describePath(OVERALL, 'basicInfo.staffing.categories.1.authorized').fieldLabel).toBe(
      '人员情况 · 人员构成 第2类 · 编制数',
    );
    expect(describePath(OVERALL, 'basicInfo.staffing.categories.0.actual').fieldLabel).toBe(
      '人员情况 · 人员构成 第1类 · 实有人数',
    );
    expect(describePath(OVERALL, 'budget.income.total.budget').fieldLabel).toBe('本年收入 · 本年收入合计 · 年初预算数');
    expect(describePath(OVERALL, 'budget.expenditure.project.actual').fieldLabel).toBe('本年支出 · 项目支出 · 决算数');
    expect(describePath(OVERALL, 'budget.carryover').fieldLabel).toBe('年初结转结余');
  });

  it('names a project table’s paths by its own parts, the shared table alike', () => {
    const P = 'project';
    expect(pathLabel(P, 'projectInfo.code')).toBe('项目基本信息 › 项目编码');
    expect(pathLabel(P, 'objectives.items.0.actual')).toBe('年度总体目标 › 目标 第1项 · 实际完成情况');
    expect(pathLabel(P, 'scoreTable.indicators.1.actual')).toBe('项目资金和绩效指标 › 绩效指标 第2个 · 实际完成值');
    expect(pathLabel(P, 'scoreTable.funding.executionRate')).toBe('项目资金和绩效指标 › 资金情况 · 执行率');
    expect(pathLabel(P, 'conclusion.totalScore')).toBe('总分和评价等级 › 总分');
    expect(pathLabel(P, 'preparers.phone')).toBe('填报信息 › 联系电话');
    // the same path reads as the kind names it
    expect(pathLabel(OVERALL, 'conclusion.totalScore')).toBe('四、评价结论和评价等级 › 总得分');
    // a part the kind does not have is not taken for one
    expect(describePath(P, 'budget.lines.0.amount')).toMatchObject({ part: null, partLabel: 'budget' });
  });

  it('leaves the field empty for the part itself, and keeps unknown segments as they are', () => {
    expect(describePath(OVERALL, 'conclusion')).toMatchObject({ part: 'conclusion', fieldLabel: '' });
    expect(describePath(OVERALL, 'budget.appendix.3')).toMatchObject({ part: 'budget', fieldLabel: 'appendix · 3' });
    expect(describePath(OVERALL, 'schemaVersion')).toMatchObject({ part: null, partLabel: '报告结构版本' });
  });
});

describe('fieldOptions', () => {
  const budget = {
    income: {
      appropriation: { budget: null, actual: null },
      other: { budget: null, actual: null },
      total: { budget: null, actual: null },
    },
    carryover: null,
    expenditure: {
      personnel: { budget: null, actual: null },
      publicExpense: { budget: null, actual: null },
      basic: { budget: null, actual: null },
      project: { budget: '178.646', actual: null },
      total: { budget: null, actual: null },
    },
    lines: [
      { name: '上解市总工会经费', amount: '47', spent: null, documentNumber: '' },
      { name: '劳模体检费', amount: '2.82', spent: null, documentNumber: '' },
    ],
  };

  it('offers every field, each list as a whole, each row by its title and each field of a row', () => {
    const options = fieldOptions(OVERALL, 'budget', budget);
    const values = options.map((o) => o.value);
    expect(values).toContain('budget.income.appropriation.budget');
    expect(values).toContain('budget.expenditure.project.actual');
    expect(values).toContain('budget.carryover');
    expect(values.slice(values.indexOf('budget.lines'))).toEqual([
      'budget.lines',
      'budget.lines.0',
      'budget.lines.0.name',
      'budget.lines.0.amount',
      'budget.lines.0.spent',
      'budget.lines.0.documentNumber',
      'budget.lines.1',
      'budget.lines.1.name',
      'budget.lines.1.amount',
      'budget.lines.1.spent',
      'budget.lines.1.documentNumber',
    ]);
    expect(options.find((o) => o.value === 'budget.lines.1')?.label).toBe('项目预算明细 第2行（劳模体检费）');
    expect(options.find((o) => o.value === 'budget.lines.1.spent')?.label).toBe('项目预算明细 第2行 · 执行数');
    expect(options.find((o) => o.value === 'budget.expenditure.project.budget')?.label).toBe(
      '本年支出 · 项目支出 · 年初预算数',
    );
  });

  it('offers a project table’s goals by what each expects', () => {
    const options = fieldOptions('project', 'objectives', {
      items: [{ expected: '帮扶困难职工 300 户', actual: '' }],
    });
    expect(options).toEqual([
      { value: 'objectives.items', label: '目标（整体）' },
      { value: 'objectives.items.0', label: '目标 第1项（帮扶困难职工 300 户）' },
      { value: 'objectives.items.0.expected', label: '目标 第1项 · 预期目标' },
      { value: 'objectives.items.0.actual', label: '目标 第1项 · 实际完成情况' },
    ]);
  });

  it('offers a group not yet filled in as one field', () => {
    const values = fieldOptions(OVERALL, 'basicInfo', {
      functions: [],
      orgUnits: [],
      staffing: { asOf: '', categories: [], previousHeadcount: null, changeReason: '' },
      assets: { asOf: '', valuationBasis: '', current: null, previous: null, yoy: {} },
    }).map((o) => o.value);
    expect(values).toContain('basicInfo.assets.current');
    expect(values).not.toContain('basicInfo.assets.current.totalAssets');
    expect(values).toContain('basicInfo.assets.yoy.netAssets');
    expect(values).toContain('basicInfo.staffing.categories');
  });
});

describe('values', () => {
  it('writes 万元 with separators and 2 to 4 decimals, keeping what the report states', () => {
    expect(formatMoney('47')).toBe('47.00');
    expect(formatMoney('2.8')).toBe('2.80');
    expect(formatMoney('178.646')).toBe('178.646');
    // as the rules' messages print it: no zeros past the second decimal
    expect(formatMoney('188.6460')).toBe('188.646');
    expect(formatMoney('1234567.1234')).toBe('1,234,567.1234');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
  });

  it('formats a value by the field it belongs to', () => {
    const node = (path: string) => describePath(OVERALL, path).node;
    expect(formatValue(node('budget.lines.0.amount'), '10.336')).toBe('10.336 万元');
    expect(formatValue(node('results.items.0.completionRate'), '100')).toBe('100%');
    expect(formatValue(node('scoreTable.indicators.0.nature'), '>=')).toBe('≥');
    expect(formatValue(node('conclusion.grade'), 'good')).toBe('良');
    expect(formatValue(node('budget.expenditure.project.actual'), null)).toBe('—');
    expect(
      formatValue(node('basicInfo.staffing.categories.0'), { category: '行政人员', authorized: 8, actual: 7 }),
    ).toBe('人员类别：行政人员；编制数：8；实有人数：7');
    expect(formatValue(describePath('project', 'preparers.filledOn').node, '2025-04-20')).toBe('2025年4月20日');
  });
});
