import { sampleInput, type OverallInput } from './sample';

/**
 * The sample stating what schema v2 can hold and the sample does not: staff categories with 编制数, the
 * year's 收入 and 支出 (年初预算数 beside 决算数), and each project line's 执行数. The 执行数 add up to
 * 178.146 exactly, where binary floats make 178.14600000000002.
 */
export function richOverallInput(): OverallInput {
  const input = sampleInput();
  const c = input.content;
  c.basicInfo.staffing = {
    asOf: '2024年年底',
    categories: [
      { category: '事业人员', authorized: 12, actual: 12 },
      { category: '工勤人员', authorized: 2, actual: 1 },
    ],
    previousHeadcount: 12,
    changeReason: '',
  };
  c.budget.income = {
    appropriation: { budget: '230', actual: '232.5' },
    other: { budget: '10.5', actual: '9.8' },
    total: { budget: '240.5', actual: '242.3' },
  };
  c.budget.carryover = '8.75';
  c.budget.expenditure = {
    personnel: { budget: '60.2', actual: '61.05' },
    publicExpense: { budget: '10', actual: '9.6' },
    basic: { budget: '70.2', actual: '70.65' },
    project: { budget: '178.646', actual: '178.146' },
    total: { budget: '248.846', actual: '248.796' },
  };
  const spent = ['47', '82', '0.7', '1.8', '2.82', '5', '10', '10.336', '18.49'];
  c.budget.lines = c.budget.lines.map((line, i) => ({ ...line, spent: spent[i] }));
  return input;
}

export const RICH_STAFFING =
  '截至2024年年底，我单位编制数14人、实有人数13人，其中事业人员编制12人、实有12人，工勤人员编制2人、实有1人，与2023年相比较增加1人。';

export const RICH_MONEY =
  '本年收入合计年初预算数240.5万元、决算数242.3万元，其中财政拨款收入年初预算数230万元、决算数232.5万元，' +
  '其他收入年初预算数10.5万元、决算数9.8万元；年初结转结余8.75万元。' +
  '本年支出合计年初预算数248.846万元、决算数248.796万元，其中基本支出年初预算数70.2万元、决算数70.65万元' +
  '（人员经费年初预算数60.2万元、决算数61.05万元，公用经费年初预算数10万元、决算数9.6万元），' +
  '项目支出年初预算数178.646万元、决算数178.146万元。';

/** the project sentence, as the sample writes it, with this report's 当年项目支出 */
export const RICH_PROJECT_SENTENCE_END = '当年项目支出178.146万元。';

/** the project lines' table: its head, one line, and the 合计 row (年初预算数, 执行数) */
export const RICH_TABLE = {
  head: '序号项目名称资金文号年初预算数（万元）执行数（万元）',
  line: '3一线职工送温暖、送清凉10.7',
  total: '合计178.646178.146',
};
