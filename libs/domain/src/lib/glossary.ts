/**
 * The glossary: each domain term has one identifier, used the same way in code, API, database
 * (snake_case) and UI (the Chinese label). Add a term here before using it anywhere.
 */
export const GLOSSARY = {
  tenant: { zh: '县（区）', note: 'one county-level government; the unit of isolation' },
  regionCode: { zh: '行政区划代码', note: 'six digits, GB/T 2260' },
  department: { zh: '部门（单位）', note: 'a budget department, or the finance bureau of the tenant' },
  budgetDepartment: { zh: '预算部门（单位）', note: 'drafts and submits the self-evaluation' },
  financeBureau: { zh: '财政局', note: 'reviews, returns and approves' },
  unitNature: { zh: '单位性质', note: '行政, 事业, …' },
  unitLevel: { zh: '单位规格', note: '正科级, …' },
  fundingForm: { zh: '经费保障形式', note: '财政拨款, …' },
  budgetCode: { zh: '预算单位编码', note: "the department's code in the budget system" },
  fiscalYear: { zh: '年度', note: 'the budget year evaluated' },
  selfEvaluation: { zh: '绩效自评', note: 'the yearly performance self-evaluation' },
  revision: { zh: '提交版本', note: 'the content frozen at a submission; immutable' },
  reviewComment: { zh: '审核意见', note: 'a thread anchored to a part or field path, open or resolved' },
  headSignOff: { zh: '部门负责人签核', note: "the department head's approval of the content before it is submitted" },
  teamSignOff: { zh: '评价工作组确认', note: 'the evaluation team named in the report, confirmed at submission' },
  deadline: { zh: '填报截止日期', note: 'per county and fiscal year; a report not submitted by it is overdue' },
  auditLog: { zh: '审计日志', note: 'append-only record of logins, changes and denials' },
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
