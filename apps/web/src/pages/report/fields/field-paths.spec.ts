import { describe, expect, it } from 'vitest';
import { describePath, fieldOptions, pathLabel } from './field-paths';
import { formatValue } from './field-values';
import { formatMoney } from './format';

describe('describePath', () => {
  it('names a field of a list row by the part, the list, the row and the field', () => {
    expect(describePath('budget.lines.2.amount')).toMatchObject({
      part: 'budget',
      partLabel: '（二）部门收支预决算情况',
      fieldLabel: '预算明细 第3行 · 金额',
    });
    expect(pathLabel('budget.lines.2.amount')).toBe('（二）部门收支预决算情况 › 预算明细 第3行 · 金额');
  });

  it('walks nested groups and counts rows in their own unit', () => {
    expect(describePath('scoreTable.funding.total.adjustedBudget').fieldLabel).toBe(
      '资金情况 · 年度资金总额 · 全年预算数',
    );
    expect(describePath('scoreTable.indicators.0.weight').fieldLabel).toBe('绩效指标 第1个 · 分值');
    expect(describePath('basicInfo.functions.1').fieldLabel).toBe('部门职能 第2段');
    expect(describePath('team.members.0').fieldLabel).toBe('工作组成员 第1名');
    expect(describePath('basicInfo.assets.yoy.netAssets').fieldLabel).toBe('资产情况 · 同比增减 · 净资产');
  });

  it('leaves the field empty for the part itself, and keeps unknown segments as they are', () => {
    expect(describePath('conclusion')).toMatchObject({ part: 'conclusion', fieldLabel: '' });
    expect(describePath('budget.appendix.3')).toMatchObject({ part: 'budget', fieldLabel: 'appendix · 3' });
    expect(describePath('schemaVersion')).toMatchObject({ part: null, partLabel: '报告结构版本' });
  });
});

describe('fieldOptions', () => {
  const budget = {
    projectBudgetTotal: '178.646',
    lines: [
      { name: '上解市总工会经费', amount: '47', documentNumber: '' },
      { name: '劳模体检费', amount: '2.82', documentNumber: '' },
    ],
    projectSpent: null,
  };

  it('offers every field, each list as a whole, each row by its title and each field of a row', () => {
    const options = fieldOptions('budget', budget);
    expect(options.map((o) => o.value)).toEqual([
      'budget.projectBudgetTotal',
      'budget.lines',
      'budget.lines.0',
      'budget.lines.0.name',
      'budget.lines.0.amount',
      'budget.lines.0.documentNumber',
      'budget.lines.1',
      'budget.lines.1.name',
      'budget.lines.1.amount',
      'budget.lines.1.documentNumber',
      'budget.projectSpent',
    ]);
    expect(options.find((o) => o.value === 'budget.lines.1')?.label).toBe('预算明细 第2行（劳模体检费）');
    expect(options.find((o) => o.value === 'budget.lines.1.amount')?.label).toBe('预算明细 第2行 · 金额');
  });

  it('offers a group not yet filled in as one field', () => {
    const values = fieldOptions('basicInfo', {
      functions: [],
      orgUnits: [],
      staffing: { category: '', asOf: '', headcount: null, previousHeadcount: null, changeReason: '' },
      assets: { asOf: '', valuationBasis: '', current: null, previous: null, yoy: {} },
    }).map((o) => o.value);
    expect(values).toContain('basicInfo.assets.current');
    expect(values).not.toContain('basicInfo.assets.current.totalAssets');
    expect(values).toContain('basicInfo.assets.yoy.netAssets');
  });
});

describe('values', () => {
  it('writes 万元 with separators and 2 to 4 decimals, keeping what the report states', () => {
    expect(formatMoney('47')).toBe('47.00');
    expect(formatMoney('2.8')).toBe('2.80');
    expect(formatMoney('178.646')).toBe('178.646');
    expect(formatMoney('1234567.1234')).toBe('1,234,567.1234');
    expect(formatMoney(null)).toBe('—');
    expect(formatMoney('abc')).toBe('abc');
  });

  it('formats a value by the field it belongs to', () => {
    expect(formatValue(describePath('budget.lines.0.amount').node, '10.336')).toBe('10.336 万元');
    expect(formatValue(describePath('results.items.0.completionRate').node, '100')).toBe('100%');
    expect(formatValue(describePath('scoreTable.indicators.0.nature').node, '>=')).toBe('≥');
    expect(formatValue(describePath('conclusion.grade').node, 'good')).toBe('良');
    expect(formatValue(describePath('budget.projectSpent').node, null)).toBe('—');
    expect(
      formatValue(describePath('budget.lines.3').node, { name: '会员保险费', amount: '5', documentNumber: '' }),
    ).toBe('项目名称：会员保险费；金额：5.00 万元；资金文号：—');
  });
});
