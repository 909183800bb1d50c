import type { BudgetPart, PlannedActual } from '@evalflow/domain';
import { ZHAOXIAN_UNION_2024 } from '@evalflow/samples';
import { SAMPLE_BUDGET } from '@evalflow/samples/testing';
import { RICH_MONEY, richOverallInput } from '../../test/rich-overall';
import { blockTexts, type TableModel } from './document';
import { budgetTable, incomeAndExpenditure, projectBudgetSentence } from './overall-budget';

const none = (): PlannedActual => ({ budget: null, actual: null });
const budget = (more: Partial<BudgetPart> = {}): BudgetPart => ({
  income: { appropriation: none(), other: none(), total: none() },
  carryover: null,
  expenditure: { personnel: none(), publicExpense: none(), basic: none(), project: none(), total: none() },
  lines: [],
  ...more,
});
const rowTexts = (table: TableModel) => table.rows.map((row) => row.flatMap((c) => (c ? [c.text] : [])));

describe('部门收支预决算情况: the year’s money', () => {
  it('says nothing more for the sample, which states project money only', () => {
    expect(incomeAndExpenditure(ZHAOXIAN_UNION_2024.budget)).toBeNull();
  });

  it('states 收入, 年初结转结余 and 支出 with 年初预算数 beside 决算数', () => {
    expect(incomeAndExpenditure(richOverallInput().content.budget)).toBe(RICH_MONEY);
  });

  it('mentions only the figures stated, never a blank', () => {
    const b = budget({
      income: {
        appropriation: { budget: null, actual: '100.25' },
        other: none(),
        total: none(),
      },
      carryover: '0',
      expenditure: {
        personnel: { budget: '50', actual: null },
        publicExpense: { budget: null, actual: '4.5' },
        basic: none(),
        project: { budget: '30', actual: '28' },
        total: none(),
      },
    });
    expect(incomeAndExpenditure(b)).toBe(
      '财政拨款收入决算数100.25万元；年初结转结余0万元。' +
        '人员经费年初预算数50万元，公用经费决算数4.5万元，项目支出年初预算数30万元、决算数28万元。',
    );
    expect(incomeAndExpenditure(budget({ carryover: '12.5' }))).toBe('年初结转结余12.5万元。');
    // 项目支出 alone is the project sentence's, not a 支出 sentence
    expect(
      incomeAndExpenditure(budget({ expenditure: { ...budget().expenditure, project: { budget: '1', actual: '1' } } })),
    ).toBeNull();
  });

  it('keeps the sample’s project sentence word for word', () => {
    const sentence = projectBudgetSentence(ZHAOXIAN_UNION_2024.budget, 2024);
    expect(sentence.startsWith(`2024年年初项目预算${SAMPLE_BUDGET.total}万元，其中上解市总工会经费47万元，`)).toBe(
      true,
    );
    expect(sentence.endsWith(`当年项目支出${SAMPLE_BUDGET.spent}万元。`)).toBe(true);
  });
});

describe('项目预算明细', () => {
  it('has one amount column when no line states 执行数, its 合计 exact (178.646, not 178.64600000000002)', () => {
    const table = budgetTable(ZHAOXIAN_UNION_2024.budget);
    const rows = rowTexts(table);
    expect(table.widths).toHaveLength(4);
    expect(rows[0]).toEqual(['序号', '项目名称', '资金文号', '金额（万元）']);
    expect(rows[rows.length - 1]).toEqual(['合计', '178.646']);
  });

  it('gains a 执行数 column when a line states one, each column added up exactly', () => {
    const table = budgetTable(richOverallInput().content.budget);
    const rows = rowTexts(table);
    expect(table.widths).toHaveLength(5);
    expect(rows[0]).toEqual(['序号', '项目名称', '资金文号', '年初预算数（万元）', '执行数（万元）']);
    expect(rows[3]).toEqual(['3', '一线职工送温暖、送清凉', '', '1', '0.7']);
    expect(rows[8]).toEqual([
      '8',
      '关于提前下达2024年困难职工及劳模帮扶救助专项资金的通知',
      '冀财行【2023】98号',
      '10.336',
      '10.336',
    ]);
    // 47 + 82 + 0.7 + 1.8 + 2.82 + 5 + 10 + 10.336 + 18.49 is 178.14600000000002 in binary floats
    expect(rows[rows.length - 1]).toEqual(['合计', '178.646', '178.146']);
    // every row fills the five columns
    for (const row of table.rows) expect(row).toHaveLength(5);
  });

  it('adds 执行数 only when every line states it (a partial sum would mislead), with thousands grouped', () => {
    const line = (amount: string, spent: string | null) => ({ name: '项目', amount, spent, documentNumber: '' });
    const partial = rowTexts(budgetTable(budget({ lines: [line('0.1', '0.1'), line('0.2', null)] })));
    expect(partial[partial.length - 1]).toEqual(['合计', '0.3', '']);
    const large = rowTexts(budgetTable(budget({ lines: [line('999.5', '999.25'), line('0.75', '0.7')] })));
    expect(large[large.length - 1]).toEqual(['合计', '1,000.25', '999.95']);
    expect(blockTexts({ kind: 'table', table: budgetTable(budget()) })).toEqual([
      '序号',
      '项目名称',
      '资金文号',
      '金额（万元）',
      '合计',
      '',
    ]);
  });
});
