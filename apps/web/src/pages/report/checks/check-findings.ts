import { isPartOf, partsOf, type ReportKind, type ReportPart, type Severity } from '@evalflow/domain';
import type { ChecksView } from '../../../api/report-types';

/** A rule's severity as the user reads it: an 错误 blocks submitting, a 提示 does not. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '提示' };

export interface PartFinding {
  ruleId: string;
  severity: Severity;
  /** The rule's title, e.g. 预算明细之和等于预算总额. */
  title: string;
  /** The field concerned, e.g. budget.expenditure.project.budget. */
  path: string;
  message: string;
  /** What would change the result (把得分改为 36.00 分…), where the rule can tell. */
  remedy?: string;
}

/** The failed checks' findings by the part their field lies in, errors before warnings. */
export function findingsByPart(kind: ReportKind, checks: ChecksView | undefined): Map<ReportPart, PartFinding[]> {
  const byPart = new Map<ReportPart, PartFinding[]>();
  if (!checks) return byPart;
  for (const result of checks.results) {
    if (result.passed) continue;
    for (const finding of result.findings) {
      const head = finding.path.split('.')[0];
      // a finding always names a field of some part; the kind's first part stands in should one not
      const part: ReportPart = isPartOf(kind, head) ? head : partsOf(kind)[0];
      const list = byPart.get(part) ?? [];
      list.push({ ruleId: result.ruleId, severity: result.severity, title: result.title, ...finding });
      byPart.set(part, list);
    }
  }
  for (const list of byPart.values()) list.sort((a, b) => rank(a.severity) - rank(b.severity));
  return byPart;
}

const rank = (severity: Severity) => (severity === 'error' ? 0 : 1);
