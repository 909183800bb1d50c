import type { ShapeProblem } from '@evalflow/domain';
import type { PartFinding } from '../checks/check-findings';

export interface FieldMessage {
  severity: 'error' | 'warning';
  text: string;
  /** What would change the result, shown on a second line (如何改正：…). */
  remedy?: string;
}

/** What to show beside each field: the rules' findings and the format problems, by content path. */
export type MessagesOf = (path: string) => FieldMessage[];

export function messagesByPath(findings: PartFinding[], problems: ShapeProblem[]): MessagesOf {
  const map = new Map<string, FieldMessage[]>();
  const add = (path: string, message: FieldMessage) => map.set(path, [...(map.get(path) ?? []), message]);
  for (const p of problems) add(p.path, { severity: 'error', text: p.message });
  for (const f of findings) add(f.path, { severity: f.severity, text: f.message, remedy: f.remedy });
  return (path) => map.get(path) ?? [];
}
