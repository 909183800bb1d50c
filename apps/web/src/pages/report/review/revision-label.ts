import type { RevisionView } from '../../../api/report-types';

/** A revision in words: 「第 N 版提交」 for a submission, 「导入前的内容」 for the draft an import replaced. */
export function revisionLabel(revision: Pick<RevisionView, 'number' | 'reason'>): string {
  return revision.reason === 'import' ? '导入前的内容' : `第 ${revision.number} 版提交`;
}

/** The same, naming the number of an import's revision too (where several are listed side by side). */
export function revisionOptionLabel(revision: Pick<RevisionView, 'number' | 'reason'>): string {
  return revision.reason === 'import' ? `第 ${revision.number} 版（导入前的内容）` : `第 ${revision.number} 版提交`;
}
