import { diffContent, jsonEqual, type GradeBand, type ReportKind, type ReportPart } from '@evalflow/domain';
import { diffRows, type DiffRow } from '../review/diff-rows';

export type Side = 'mine' | 'theirs';

/** One field of the part (a top-level key: 预算明细 as a whole, 总得分) that differs between the two versions. */
export interface ConflictField {
  key: string;
  path: string;
  /** their version → mine, field by field inside it */
  rows: DiffRow[];
}

const recordOf = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The fields where my draft and their saved version differ, each with its field-level diff (theirs → mine); grades in `bands`' words. */
export function conflictFields(
  kind: ReportKind,
  part: ReportPart,
  mine: unknown,
  theirs: unknown,
  bands?: GradeBand[],
): ConflictField[] {
  const m = recordOf(mine);
  const t = recordOf(theirs);
  return [...new Set([...Object.keys(t), ...Object.keys(m)])]
    .filter((key) => !jsonEqual(m[key], t[key]))
    .map((key) => ({
      key,
      path: `${part}.${key}`,
      rows: diffRows(kind, diffContent(t[key], m[key], `${part}.${key}`), bands),
    }));
}

/** Their version with the fields picked as mine taken from my draft. */
export function mergePicks(mine: unknown, theirs: unknown, picks: Record<string, Side>): unknown {
  const merged = { ...recordOf(theirs) };
  const m = recordOf(mine);
  for (const [key, side] of Object.entries(picks)) if (side === 'mine' && key in m) merged[key] = m[key];
  return merged;
}
