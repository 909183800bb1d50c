import type { ReportKind } from '../parts';
import type { OverallReportContent, ProjectReportContent, ReportContent } from '../schema';
import { ASSET_RULES } from './assets';
import { BUDGET_RULES, FUNDING_MATCHES_BUDGET } from './budget';
import { CONCLUSION_RULES } from './conclusion';
import { HEADER_RULES } from './header';
import { OVERALL_REQUIRED_RULES, PROJECT_REQUIRED_RULES } from './required';
import { RESULT_RULES } from './results';
import type { Rule, RuleContext, RuleResult } from './rule';
import { SCORE_TABLE_RULES } from './score-table';
import { STAFFING_RULES } from './staffing';

export type { Finding, Rule, RuleContext, RuleResult, Severity } from './rule';

/** Every rule of the 部门整体 report, in the order a reader meets the fields. */
export const OVERALL_RULES: Rule<OverallReportContent>[] = [
  ...OVERALL_REQUIRED_RULES,
  ...HEADER_RULES,
  ...STAFFING_RULES,
  ...ASSET_RULES,
  ...BUDGET_RULES,
  ...RESULT_RULES,
  ...SCORE_TABLE_RULES,
  FUNDING_MATCHES_BUDGET,
  ...CONCLUSION_RULES,
];

/** Every rule of the 项目支出绩效自评表: its table's rules are the 部门整体 report's 绩效自评表 rules. */
export const PROJECT_RULES: Rule<ProjectReportContent>[] = [
  ...PROJECT_REQUIRED_RULES,
  ...SCORE_TABLE_RULES,
  ...CONCLUSION_RULES,
];

export const RULES_BY_KIND: { department_overall: typeof OVERALL_RULES; project: typeof PROJECT_RULES } = {
  department_overall: OVERALL_RULES,
  project: PROJECT_RULES,
};

/** The rules of a kind, as a list to show (ids, severities, titles). */
export function rulesOf(kind: ReportKind): ReadonlyArray<Pick<Rule, 'id' | 'severity' | 'title'>> {
  return RULES_BY_KIND[kind];
}

export interface CheckSummary {
  results: RuleResult[];
  errors: number;
  warnings: number;
  /** true while any error-severity rule fails: submission is refused */
  blocking: boolean;
}

function run<C>(rules: Rule<C>[], content: C, context: RuleContext<C>): RuleResult[] {
  return rules.map((rule) => {
    const findings = rule.check(content, context);
    return { ruleId: rule.id, severity: rule.severity, title: rule.title, passed: findings.length === 0, findings };
  });
}

/**
 * Every rule of the content's kind. Last year's report is compared only when it is of the same kind
 * (the same project, for a project table).
 */
export function runChecks(content: ReportContent, context: RuleContext): CheckSummary {
  const previous = context.previousYear?.content.kind === content.kind ? context.previousYear : null;
  const results =
    content.kind === 'department_overall'
      ? run(OVERALL_RULES, content, {
          ...context,
          previousYear: previous as RuleContext<OverallReportContent>['previousYear'],
        })
      : run(PROJECT_RULES, content, {
          ...context,
          previousYear: previous as RuleContext<ProjectReportContent>['previousYear'],
        });
  const count = (severity: 'error' | 'warning') =>
    results.filter((r) => r.severity === severity).reduce((n, r) => n + r.findings.length, 0);
  const errors = count('error');
  return { results, errors, warnings: count('warning'), blocking: errors > 0 };
}
