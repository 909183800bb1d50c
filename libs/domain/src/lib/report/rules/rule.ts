import type { GradeBand } from '../grades';
import type { ReportContent } from '../schema';

export type Severity = 'error' | 'warning';

export interface Finding {
  /** dotted path of the field concerned, e.g. budget.projectBudgetTotal */
  path: string;
  /** Chinese, naming the numbers involved */
  message: string;
}

export interface RuleContext {
  fiscalYear: number;
  gradeBands: GradeBand[];
  /** the same department's approved report of the previous year, when there is one */
  previousYear: { fiscalYear: number; content: ReportContent } | null;
}

export interface Rule {
  /** stable id, e.g. budget.lines-sum-to-total */
  id: string;
  /** error blocks submission; warning informs */
  severity: Severity;
  title: string;
  check(content: ReportContent, context: RuleContext): Finding[];
}

export interface RuleResult {
  ruleId: string;
  severity: Severity;
  title: string;
  passed: boolean;
  findings: Finding[];
}
