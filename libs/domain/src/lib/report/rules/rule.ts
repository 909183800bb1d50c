import type { z } from 'zod';
import type { TemplateDefinition } from '../../template/definition';
import type { GradeBand } from '../grades';
import type { ReportContent } from '../schema';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** dotted path of the field concerned, e.g. budget.expenditure.project.budget */
  path: string;
  /** what was found, in Chinese, naming the numbers involved */
  message: string;
  /** what would change the result (「执行率达到 80% 后上限为 100 分」), where the rule can tell */
  remedy?: string;
}

export interface RuleContext<C = ReportContent> {
  fiscalYear: number;
  gradeBands: GradeBand[];
  /** the same department's (for a project: the same project's) approved report of the previous year */
  previousYear: { fiscalYear: number; content: C } | null;
  /** the county's form the report follows (its framework, scoring and rule settings) */
  template: TemplateDefinition;
}

/** A rule's parameters: their schema (ranges), defaults and Chinese labels for the template editor. */
export interface RuleParams<P extends Record<string, unknown> = Record<string, unknown>> {
  schema: z.ZodType<P>;
  defaults: P;
  labels: Record<keyof P & string, string>;
}

/**
 * A named check of a report's content. A rule is typed by the parts it reads, so a rule on the
 * 绩效自评表 runs on every kind that has one. A template may switch it off, change its severity or
 * set its parameters.
 */
export interface Rule<C = ReportContent> {
  /** stable id, e.g. budget.lines-sum-to-total */
  id: string;
  /** error blocks submission; warning informs */
  severity: Severity;
  /** the severity a template gives it by its own settings (the framework's enforcement), over the rule's */
  severityOf?: (template: TemplateDefinition) => Severity;
  /** what the rule expects, in Chinese */
  title: string;
  /** indicator-quality lint and other advice a county may switch off */
  group?: 'lint';
  params?: RuleParams;
  check(content: C, context: RuleContext<C>, params: Record<string, unknown>): Finding[];
}

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  title: string;
  passed: boolean;
  findings: Finding[];
}
