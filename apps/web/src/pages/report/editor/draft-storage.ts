import type { ReportPart } from '@evalflow/domain';

/** An edit not yet saved, with the part version it was based on. */
export interface StoredDraft {
  baseVersion: number;
  content: unknown;
}

const keyOf = (reportId: string, part: ReportPart) => `evalflow.draft.${reportId}.${part}`;

/** Unsaved edits survive a reload of the tab (sessionStorage), one entry per report and part. */
export function readDraft(reportId: string, part: ReportPart): StoredDraft | null {
  try {
    const text = sessionStorage.getItem(keyOf(reportId, part));
    if (!text) return null;
    const value = JSON.parse(text) as StoredDraft;
    return typeof value.baseVersion === 'number' && 'content' in value ? value : null;
  } catch {
    return null;
  }
}

export function writeDraft(reportId: string, part: ReportPart, draft: StoredDraft): void {
  try {
    sessionStorage.setItem(keyOf(reportId, part), JSON.stringify(draft));
  } catch {
    // storage full or disabled: the edit still lives in memory
  }
}

export function clearDraft(reportId: string, part: ReportPart): void {
  try {
    sessionStorage.removeItem(keyOf(reportId, part));
  } catch {
    // nothing to clear
  }
}
