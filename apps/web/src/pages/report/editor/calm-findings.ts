import { REQUIRED_RULE_IDS, type ReportPart, type ShapeProblem } from '@evalflow/domain';
import type { ChecksView } from '../../../api/report-types';
import type { PartFinding } from '../checks/check-findings';

/** A finding that says what is still to be filled in (请填写…), rather than that something is wrong. */
export const isMissing = (finding: Pick<PartFinding, 'ruleId'>) => REQUIRED_RULE_IDS.includes(finding.ruleId);

/**
 * What the user has shown it is done with: the fields it left (blur), and whether it tried to submit.
 * Until then a missing field is an item of the checklist, not an error under the field.
 */
export interface Attention {
  left: ReadonlySet<string>;
  triedToSubmit: boolean;
}

export const FRESH_ATTENTION: Attention = { left: new Set(), triedToSubmit: false };

/** Whether the user left the field of `path` or one inside it (a paragraph of 部门职能, a row's cell). */
export function wasLeft(path: string, left: ReadonlySet<string>): boolean {
  if (left.has(path)) return true;
  const prefix = `${path}.`;
  for (const p of left) if (p.startsWith(prefix)) return true;
  return false;
}

/** A part's findings as the form shows them: the missing ones only where the user has been. */
export function shownFindings(findings: PartFinding[], attention: Attention): PartFinding[] {
  if (attention.triedToSubmit) return findings;
  return findings.filter((f) => !isMissing(f) || wasLeft(f.path, attention.left));
}

/** The content path of an input of the editor, from its DOM id (field-budget-lines-2-amount); null for others. */
export function pathOfFieldId(id: string): string | null {
  return id.startsWith('field-') && id.length > 6 ? id.slice(6).replace(/-/g, '.') : null;
}

export type PartState = 'done' | 'todo' | 'wrong';

export const PART_STATE_LABELS: Record<PartState, string> = { done: '完成', todo: '待填', wrong: '有误' };

/** A part's state for the table of contents: 有误 (an error other than a missing field), 待填, or 完成. */
export function partState(findings: PartFinding[], problems: ShapeProblem[]): PartState {
  if (problems.length > 0 || findings.some((f) => f.severity === 'error' && !isMissing(f))) return 'wrong';
  if (findings.some((f) => f.severity === 'error' && isMissing(f))) return 'todo';
  return 'done';
}

/** The checklist's entries: what is still to fill in, in the order of the report's parts. */
export function missingOf(parts: ReportPart[], byPart: Map<ReportPart, PartFinding[]>): PartFinding[] {
  return parts.flatMap((p) => (byPart.get(p) ?? []).filter((f) => f.severity === 'error' && isMissing(f)));
}

/** Whether the checks find required content missing (a try to submit then has something to show). */
export const lacksContent = (checks: ChecksView | undefined): boolean =>
  checks?.results.some((r) => !r.passed && r.severity === 'error' && isMissing(r)) ?? false;
