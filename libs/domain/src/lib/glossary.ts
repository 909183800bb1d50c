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
  reportKind: { zh: '报告类型', note: 'department_overall 部门整体支出绩效自评报告, project 项目支出绩效自评表' },
  projectCode: {
    zh: '项目编码',
    note: "a project's code in the budget system; with department and year the key of its table",
  },
  supervisingDepartment: { zh: '主管部门', note: 'the department a project belongs to' },
  implementingUnit: { zh: '实施单位', note: 'the unit that carried a project out' },
  authorizedHeadcount: { zh: '编制数', note: 'staff positions approved for a category of staff' },
  actualHeadcount: { zh: '实有人数', note: 'staff actually employed at year end, per category' },
  executionRate: { zh: '执行率', note: '全年执行数 ÷ 全年预算数, in %' },
  schemaVersion: {
    zh: '报告结构版本',
    note: "the version of a kind's content schema; older stored content is upcast on read",
  },
  template: {
    zh: '报告模板',
    note: "a county's form for a kind and year: outline, numbering, framework, scoring, rules; versions frozen once published",
  },
  indicatorFramework: {
    zh: '指标体系',
    note: "a template's 一级 indicators with their weights and required 二级 ones, and the 执行率 row's weight",
  },
  evidenceFile: {
    zh: '佐证材料',
    note: 'a file (PDF, image, .docx, .xlsx, .zip) attached to a report or one of its indicator rows; frozen with each revision',
  },
  evidenceLimits: { zh: '佐证材料上限', note: "a county's most per file and per report, in MB" },
  evidenceScan: { zh: '病毒扫描', note: 'a hook that judges each uploaded file before it is stored; none by default' },
  indicatorLibrary: { zh: '指标库', note: "a county's library of indicators the departments pick from" },
  remedy: { zh: '改正方法', note: "what would change a finding's result, where a rule can tell" },
  revision: { zh: '提交版本', note: 'the content frozen at a submission; immutable' },
  reviewComment: { zh: '审核意见', note: 'a thread anchored to a part or field path, open or resolved' },
  headSignOff: { zh: '部门负责人签核', note: "the department head's approval of the content before it is submitted" },
  teamSignOff: { zh: '评价工作组确认', note: 'the evaluation team named in the report, confirmed at submission' },
  deadline: { zh: '填报截止日期', note: 'per county and fiscal year; a report not submitted by it is overdue' },
  auditLog: { zh: '审计日志', note: 'append-only record of logins, changes and denials' },
  inflationFlag: {
    zh: '虚高预警',
    note: "a sign on 县级概览 that a department graded itself too kindly, explained with its numbers; red or yellow by the county's thresholds",
  },
  trafficLight: {
    zh: '预警灯',
    note: "a department's red/yellow/green on 县级概览: red with any red flag, yellow with any yellow one",
  },
  countyDashboard: {
    zh: '县级概览',
    note: "the finance bureau's view of a county's year: each department's reports, counts by status and grade, 执行率 against score, weekly progress, the year before",
  },
  spotCheck: {
    zh: '抽评',
    note: "the finance bureau's spot re-evaluation (重点评价) of selected reports of a year, by hand or by a stated rule",
  },
  spotCheckBatch: {
    zh: '抽评批次',
    note: 'one selection: its name, year, rule (and seed), who and when, and its reports',
  },
  selectionSeed: { zh: '随机种子', note: 'recorded with a random selection so that it can be re-derived' },
  spotCheckFinding: { zh: '发现的问题', note: 'what the bureau found in a selected report' },
  rectificationItem: {
    zh: '整改事项',
    note: 'what a department must fix after 抽评, with an owner and a due date: 待整改 → 已答复 → 已办结 (or 重新打开)',
  },
  rectificationEvidence: {
    zh: '佐证材料',
    note: "the department's evidence for an answer: text, or a PDF/JPEG/PNG file",
  },
  publicDisclosure: {
    zh: '随决算公开',
    note: "an approved report's public version, published by the finance bureau with the county's 部门决算",
  },
  publicVersion: {
    zh: '公开版',
    note: 'the PDF shown to the public: an allow-list of the content, without comments, re-scores or personal contact data',
  },
  publicationRegister: { zh: '公开登记', note: 'what was published, when and by whom, and what was withdrawn and why' },
  withdrawPublication: { zh: '撤销公开', note: 'takes a publication off the public page at once, with a reason' },
  reportImport: {
    zh: '从文件导入',
    note: 'an existing report (.docx, .txt) parsed by the worker into a proposed content, applied to a draft after confirmation',
  },
  exportJob: {
    zh: '导出任务',
    note: 'a county-wide export made by the worker (queued, running with progress, done or failed), downloaded when done',
  },
  indicatorRows: {
    zh: '指标明细',
    note: "every indicator row of every report of a county's year, one sheet row each, exported as a job",
  },
  reScore: {
    zh: '财政复核评分',
    note: "the finance bureau's score of a 绩效自评表 row beside the department's own (自评得分), which it never changes",
  },
  finalScore: {
    zh: '最终得分',
    note: "the score that counts after re-scoring, by the template's rule: the re-score replaces the self-score, or counts with a weight",
  },
  scoreDifference: { zh: '得分差', note: 'self-score minus re-score, per row and in total' },
  proseNumbers: {
    zh: '正文中的数字',
    note: 'a figure the narrative writes (净资产400.21万元, 比上年减少1.9%, 下设3个单位) checked against the structured one it names; a mismatch is a warning',
  },
  importSource: {
    zh: '来源',
    note: 'where an imported value was read: the paragraph or table cell of the file and the exact text span',
  },
  importInferred: {
    zh: '推断值',
    note: 'an imported value not read as written: worked out (last year’s headcount from the change), taken from a sentence rather than a table, or from a part matched by its content rather than its title',
  },
  importUnplaced: {
    zh: '未归入内容',
    note: 'text or a table of an imported file that no part of the report took, listed with the reason, never dropped',
  },
  importExpired: {
    zh: '已过期',
    note: 'a parsed import neither applied nor discarded within IMPORT_EXPIRE_AFTER_HOURS: it can no longer be applied, and its file is deleted',
  },
  fourEyes: {
    zh: '审核分工（四眼原则）',
    note: 'county settings: whoever started the review of a submission may not approve it; whoever drafted or submitted a report may not review or approve it',
  },
  delegation: {
    zh: '代理',
    note: 'a reviewer or approver (the principal, 被代理人) names a stand-in of the same county and role for a date range',
  },
  standIn: {
    zh: '代理人',
    note: 'acts for the principal while a delegation is in force; recorded as 「张三（代李四）」 in history, audit and documents',
  },
  mailOptOut: {
    zh: '不接收的邮件',
    note: 'the notification kinds a user asked not to receive by e-mail (报告退回, 审核通过, 期限提醒, 审核意见, 其他流程变化); the inbox keeps them all',
  },
} as const;

export type GlossaryTerm = keyof typeof GLOSSARY;
