import type { ReportContent } from '../schema';
import { ASSET_RULES } from './assets';
import { BUDGET_RULES } from './budget';
import { CONCLUSION_RULES } from './conclusion';
import { HEADER_RULES } from './header';
import { REQUIRED_RULES } from './required';
import { RESULT_RULES } from './results';
import type { Rule, RuleContext, RuleResult } from './rule';
import { SCORE_TABLE_RULES } from './score-table';

export type { Finding, Rule, RuleContext, RuleResult, Severity } from './rule';

/** Every rule, in the order a reader meets the fields. */
export const REPORT_RULES: Rule[] = [
  ...REQUIRED_RULES,
  ...HEADER_RULES,
  ...ASSET_RULES,
  ...BUDGET_RULES,
  ...RESULT_RULES,
  ...SCORE_TABLE_RULES,
  ...CONCLUSION_RULES,
];

export interface CheckSummary {
  results: RuleResult[];
  errors: number;
  warnings: number;
  /** true while any error-severity rule fails: submission is refused */
  blocking: boolean;
}

export function runChecks(content: ReportContent, context: RuleContext, rules: Rule[] = REPORT_RULES): CheckSummary {
  const results = rules.map((rule) => {
    const findings = rule.check(content, context);
    return { ruleId: rule.id, severity: rule.severity, title: rule.title, passed: findings.length === 0, findings };
  });
  const count = (severity: 'error' | 'warning') =>
    results.filter((r) => r.severity === severity).reduce((n, r) => n + r.findings.length, 0);
  const errors = count('error');
  return { results, errors, warnings: count('warning'), blocking: errors > 0 };
}
