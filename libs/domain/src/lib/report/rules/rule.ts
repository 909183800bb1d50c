import type { GradeBand } from '../grades';
import type { ReportContent } from '../schema';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** dotted path of the field concerned, e.g. budget.expenditure.project.budget */
  path: string;
  /** Chinese, naming the numbers involved */
  message: string;
}

export interface RuleContext<C = ReportContent> {
  fiscalYear: number;
  gradeBands: GradeBand[];
  /** the same department's (for a project: the same project's) approved report of the previous year */
  previousYear: { fiscalYear: number; content: C } | null;
}

/**
 * A named check of a report's content. A rule is typed by the parts it reads, so a rule on the
 * 绩效自评表 runs on every kind that has one.
 */
export interface Rule<C = ReportContent> {
  /** stable id, e.g. budget.lines-sum-to-total */
  id: string;
  /** error blocks submission; warning informs */
  severity: Severity;
  title: string;
  check(content: C, context: RuleContext<C>): Finding[];
}

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  title: string;
  passed: boolean;
  findings: Finding[];
}
