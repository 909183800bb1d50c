import type { ProseFamily } from '../prose/figures';
import { proseMismatches } from '../prose/mismatches';
import type { ReportContent } from '../schema';
import type { Finding, Rule } from './rule';

/**
 * 正文中的数字: a number the narrative writes for a structured figure (净资产400.21万元, 比上年减少1.9%,
 * 在职人数4人, 下设3个单位, 项目预算178.646万元, 总得分95分) must agree with it. One rule per figure
 * family, so a county can switch one off; numbers that name no figure are left alone.
 */
function proseRule(family: ProseFamily, id: string, title: string): Rule<ReportContent> {
  return {
    id,
    severity: 'warning',
    title,
    check: (content, { fiscalYear }): Finding[] =>
      proseMismatches(content, fiscalYear)
        .filter((m) => m.family === family)
        .map(({ path, message, remedy }) => ({ path, message, remedy })),
  };
}

export const PROSE_ASSETS = proseRule(
  'assets',
  'prose.assets-agree',
  '正文中的资产、负债、净资产及其同比变化与资产情况一致',
);
export const PROSE_STAFFING = proseRule('staffing', 'prose.staffing-agree', '正文中的人数与人员情况一致');
export const PROSE_ORG_UNITS = proseRule('orgUnits', 'prose.org-units-agree', '正文中的单位个数与部门机构设置情况一致');
export const PROSE_BUDGET = proseRule(
  'budget',
  'prose.budget-agree',
  '正文中的预算数、执行数和执行率与收支表、自评表一致',
);
export const PROSE_SCORE = proseRule('score', 'prose.score-agree', '正文中的得分与总得分、自评表一致');

/** The 部门整体 report's prose rules. */
export const OVERALL_PROSE_RULES: Rule<ReportContent>[] = [
  PROSE_ASSETS,
  PROSE_STAFFING,
  PROSE_ORG_UNITS,
  PROSE_BUDGET,
  PROSE_SCORE,
];
/** The 项目支出绩效自评表's: its money and its score. */
export const PROJECT_PROSE_RULES: Rule<ReportContent>[] = [PROSE_BUDGET, PROSE_SCORE];
