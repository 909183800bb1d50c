import { defaultTemplate, type OverallReportContent } from '@evalflow/domain';
import { readBudgetFigureTable } from './budget-table';
import { doc, table } from './doc.spec-helper';
import { importReport } from './import-report';

const grid = [
  ['项目', '年初预算数（元）', '决算数（元）'],
  ['财政拨款收入', '1,786,460', '1,786,460'],
  ['其他收入', '—', '12,000'],
  ['本年收入合计', '1,786,460', '1,798,460'],
  ['基本支出', '800,000', '798,500.5'],
  ['其中：人员经费', '600,000', '600,000'],
  ['项目支出', '986,460', '986,460'],
  ['本年支出合计', '1,786,460', '约178万'],
];

describe('readBudgetFigureTable', () => {
  it('reads each labelled row’s 年初预算 and 决算 exactly in the header’s unit, a dash as nothing', () => {
    const read = readBudgetFigureTable(table(grid));
    expect(read?.unitFromHeader).toBe(true);
    const at = (path: string, column: string) =>
      read?.figures.find((f) => f.path === path && f.column === column)?.value;
    expect(at('income.appropriation', 'budget')).toBe('178.646');
    expect(at('income.other', 'budget')).toBeUndefined();
    expect(at('income.other', 'actual')).toBe('1.2');
    // 798,500.5 元 is 79.85005 万元: five decimals, more than the schema keeps — unread, not rounded
    expect(at('expenditure.basic', 'actual')).toBeUndefined();
    expect(at('expenditure.personnel', 'budget')).toBe('60');
    expect(at('expenditure.total', 'actual')).toBeUndefined();
    expect(read?.unread).toEqual([
      { row: 4, cell: 2 },
      { row: 7, cell: 2 },
    ]);
  });

  it('is not a 收支 table with fewer than three of its rows, or without a 预算/决算 column', () => {
    expect(readBudgetFigureTable(table(grid.slice(0, 3)))).toBeNull();
    expect(
      readBudgetFigureTable(table(grid.map((row) => [row[0], '']).map((r, i) => (i ? r : ['项目', '备注'])))),
    ).toBeNull();
  });

  it('fills the budget part with each cell as its source, and lists the amount it could not read', () => {
    const r = importReport({
      document: doc('docx', '一、部门收支预决算情况', '部门收支情况如下表：', grid),
      kind: 'department_overall',
      template: defaultTemplate('department_overall'),
      fiscalYear: 2024,
      departmentName: '某县文化馆',
    });
    const budget = (r.content as OverallReportContent).budget;
    expect(budget.income.appropriation).toEqual({ budget: '178.646', actual: '178.646' });
    expect(budget.expenditure.total).toEqual({ budget: '178.646', actual: null });
    expect(budget.expenditure.basic).toEqual({ budget: '80', actual: null });
    expect(budget.lines).toEqual([]);
    expect(r.sources['budget.income.other.actual']).toMatchObject({
      block: 2,
      cell: { row: 2, column: 2 },
      text: '12,000',
    });
    expect(r.unplaced.map((u) => u.reason)).toEqual(
      expect.arrayContaining(['收支表第 8 行的金额未能准确读出，未导入']),
    );
  });
});
