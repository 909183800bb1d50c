import { partLabel, type ReportKind, type ReportPart } from '@evalflow/domain';
import { fieldLabelOf, pathLabel } from '../fields/field-paths';

/** Where a thread or an open comment points: the field inside its part, or the part as a whole. */
export function anchorLabel(
  kind: ReportKind,
  anchor: { part: ReportPart; fieldPath: string | null },
  withPart: boolean,
): string {
  if (!anchor.fieldPath) return withPart ? partLabel(kind, anchor.part) : '本部分整体';
  return withPart ? pathLabel(kind, anchor.fieldPath) : fieldLabelOf(kind, anchor.fieldPath);
}
