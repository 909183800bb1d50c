import { partsOf, type GradeBand, type ReportKind } from '@evalflow/domain';
import type { DiffChange } from '../../../api/report-types';
import { describePath } from '../fields/field-paths';
import { formatValue } from '../fields/field-values';

export interface DiffRow {
  id: string;
  kind: DiffChange['kind'];
  /** 修改, 新增, 删除 */
  kindLabel: string;
  partLabel: string;
  fieldLabel: string;
  before: string;
  after: string;
}

export const CHANGE_LABELS: Record<DiffChange['kind'], string> = { changed: '修改', added: '新增', removed: '删除' };

/**
 * The changes between two revisions of a report of this kind as rows a reviewer reads: where (in
 * Chinese, in the order of the kind's parts), what kind of change, before → after; a grade in `bands`' words
 * (the county's or the template's), 优/良/中/差 without them.
 */
export function diffRows(reportKind: ReportKind, changes: DiffChange[], bands?: GradeBand[]): DiffRow[] {
  const parts: readonly string[] = partsOf(reportKind);
  const partOrder = (path: string) => {
    const index = parts.indexOf(path.split('.')[0]);
    return index === -1 ? parts.length : index;
  };
  return changes
    .map((change, i) => ({ change, i }))
    .sort((a, b) => partOrder(a.change.path) - partOrder(b.change.path) || a.i - b.i)
    .map(({ change, i }) => {
      const { partLabel, fieldLabel, node } = describePath(reportKind, change.path);
      return {
        id: `${i}:${change.path}`,
        kind: change.kind,
        kindLabel: CHANGE_LABELS[change.kind],
        partLabel,
        fieldLabel: fieldLabel || '（整个部分）',
        before: change.kind === 'added' ? '' : formatValue(node, change.from, bands),
        after: change.kind === 'removed' ? '' : formatValue(node, change.to, bands),
      };
    });
}
