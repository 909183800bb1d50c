import type { ShapeProblem } from '@evalflow/domain';
import type { PartConflict } from '../../../api/report-parts-api';

export type SaveStatus = 'idle' | 'dirty' | 'saving' | 'saved' | 'failed' | 'invalid' | 'conflict';

/** Where one part's autosave stands. */
export interface PartSaveState {
  status: SaveStatus;
  /** The part version the draft is based on (the If-Match of the next save). */
  baseVersion: number;
  /** The part as the server last had it. */
  baseContent: unknown;
  savedAt: string | null;
  /** A 412: someone else saved the part meanwhile. */
  conflict: PartConflict | null;
  /** Format problems (checked here, or a 400 REPORT_CONTENT_INVALID). */
  problems: ShapeProblem[];
  error: string | null;
}

export const initialSaveState = (baseVersion: number, baseContent: unknown): PartSaveState => ({
  status: 'idle',
  baseVersion,
  baseContent,
  savedAt: null,
  conflict: null,
  problems: [],
  error: null,
});

/** Why what the editor shows is not yet what the server holds, or undefined when every part is saved. */
export function unsavedReason(states: Record<string, PartSaveState> | null): string | undefined {
  if (!states) return undefined;
  const all = Object.values(states);
  if (all.some((s) => s.status === 'conflict')) return '有部分与他人的修改冲突，请先处理冲突';
  if (all.some((s) => s.status === 'invalid')) return '有部分格式有误未能保存，请先改正';
  if (all.some((s) => s.status === 'failed')) return '有部分保存失败，请重试保存';
  if (all.some((s) => s.status === 'dirty' || s.status === 'saving')) return '正在保存修改，请稍候再提交';
  return undefined;
}
