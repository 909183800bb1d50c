import { defaultTemplate } from '../../template/builtins';
import type { TemplateDefinition } from '../../template/definition';
import { omittedParts } from '../../template/outline';
import type { ReportKind } from '../parts';
import type { OverallReportContent, ProjectReportContent, ReportContent } from '../schema';
import { ASSET_RULES } from './assets';
import { BUDGET_RULES, FUNDING_MATCHES_BUDGET } from './budget';
import { CONCLUSION_RULES } from './conclusion';
import { FRAMEWORK_RULES } from './framework';
import { HEADER_RULES } from './header';
import { INDICATOR_LINT_RULES, OVERALL_LINT_RULES } from './indicator-lint';
import { OVERALL_REQUIRED_RULES, PROJECT_REQUIRED_RULES, REQUIRED_ID } from './required';
import { OVERALL_PROSE_RULES, PROJECT_PROSE_RULES } from './prose';
import { RESULT_RULES } from './results';
import type { Rule, RuleContext, RuleResult, Severity } from './rule';
import { SCORE_TABLE_RULES } from './score-table';
import { STAFFING_RULES } from './staffing';

export type { Finding, Rule, RuleContext, RuleParams, RuleResult, Severity } from './rule';
export { REQUIRED_RULE_IDS } from './required';

/** Every rule of the 部门整体 report, in the order a reader meets the fields. */
export const OVERALL_RULES: Rule<OverallReportContent>[] = [
  ...OVERALL_REQUIRED_RULES,
  ...HEADER_RULES,
  ...STAFFING_RULES,
  ...ASSET_RULES,
  ...BUDGET_RULES,
  ...RESULT_RULES,
  ...SCORE_TABLE_RULES,
  ...FRAMEWORK_RULES,
  FUNDING_MATCHES_BUDGET,
  ...CONCLUSION_RULES,
  ...OVERALL_PROSE_RULES,
  ...INDICATOR_LINT_RULES,
  ...OVERALL_LINT_RULES,
];

/** Every rule of the 项目支出绩效自评表: its table's rules are the 部门整体 report's 绩效自评表 rules. */
export const PROJECT_RULES: Rule<ProjectReportContent>[] = [
  ...PROJECT_REQUIRED_RULES,
  ...SCORE_TABLE_RULES,
  ...FRAMEWORK_RULES,
  ...CONCLUSION_RULES,
  ...PROJECT_PROSE_RULES,
  ...INDICATOR_LINT_RULES,
];

export const RULES_BY_KIND: { department_overall: typeof OVERALL_RULES; project: typeof PROJECT_RULES } = {
  department_overall: OVERALL_RULES,
  project: PROJECT_RULES,
};

/** The rules of a kind, as the template editor lists them (ids, severities, titles, parameters). */
export function rulesOf(
  kind: ReportKind,
): ReadonlyArray<Pick<Rule, 'id' | 'severity' | 'severityOf' | 'title' | 'group' | 'params'>> {
  return RULES_BY_KIND[kind];
}

/** The severity a rule has under a template when the template sets none for it (the framework's, for its rules). */
export function defaultSeverity(rule: Pick<Rule, 'severity' | 'severityOf'>, template: TemplateDefinition): Severity {
  return rule.severityOf?.(template) ?? rule.severity;
}

/** What a report still lacks, counted from its checks: required fields empty, other errors, warnings. */
export interface RemainingWork {
  missing: number;
  errors: number;
  warnings: number;
}

export function remainingWork(summary: CheckSummary): RemainingWork {
  const missing = summary.results
    .filter((r) => r.ruleId === REQUIRED_ID && r.severity === 'error')
    .reduce((n, r) => n + r.findings.length, 0);
  return { missing, errors: summary.errors - missing, warnings: summary.warnings };
}

export interface CheckSummary {
  results: RuleResult[];
  errors: number;
  warnings: number;
  /** true while any error-severity rule fails: submission is refused */
  blocking: boolean;
}

/** What the checks run in: the rule context, with the kind's default template when none is given. */
export type CheckContext = Omit<RuleContext, 'template'> & { template?: TemplateDefinition };

/** A rule's parameters under a template: its defaults with the template's values over them. */
export function ruleParams(rule: Pick<Rule, 'id' | 'params'>, template: TemplateDefinition): Record<string, unknown> {
  return { ...(rule.params?.defaults ?? {}), ...(template.rules[rule.id]?.params ?? {}) };
}

function run<C>(rules: Rule<C>[], content: C, context: RuleContext<C>): RuleResult[] {
  const { template } = context;
  const omitted = new Set<string>(omittedParts(template));
  return rules.flatMap((rule) => {
    const setting = template.rules[rule.id];
    if (setting && !setting.enabled) return [];
    const findings = rule
      .check(content, context, ruleParams(rule, template))
      .filter((f) => !omitted.has(f.path.split('.')[0]));
    const severity = setting?.severity ?? defaultSeverity(rule, template);
    return [{ ruleId: rule.id, severity, title: rule.title, passed: findings.length === 0, findings }];
  });
}

/**
 * Every rule of the content's kind as its template sets them. Last year's report is compared only when
 * it is of the same kind (the same project, for a project table). The template's grade bands, when it
 * has its own, stand in for the county's.
 */
export function runChecks(content: ReportContent, input: CheckContext): CheckSummary {
  const template =
    input.template && input.template.kind === content.kind ? input.template : defaultTemplate(content.kind);
  const context = { ...input, template, gradeBands: template.gradeBands ?? input.gradeBands };
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
