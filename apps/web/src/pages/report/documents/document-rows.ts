import type { DocumentView } from '../../../api/report-types';

/** A row of the document list: the newest of the documents that are the same file, and how many there are. */
export interface DocumentRow {
  doc: DocumentView;
  /** how many times this same file was made (1: once) */
  copies: number;
}

/**
 * What makes two documents the same file to a reader: format, content (edition), watermark, and the
 * bytes once done (a failure: its message). Rendering the same draft twice gives the same file.
 */
const sameFileKey = (d: DocumentView) =>
  [d.format, d.edition, d.watermark ?? '', d.status, d.status === 'failed' ? (d.error ?? '') : (d.sha256 ?? d.id)].join(
    '|',
  );

/** The list newest first, each file once (its newest copy), a document still on its way always on its own. */
export function documentRows(documents: DocumentView[]): DocumentRow[] {
  const newestFirst = [...documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const rows: DocumentRow[] = [];
  const byKey = new Map<string, DocumentRow>();
  for (const doc of newestFirst) {
    const key = doc.status === 'done' || doc.status === 'failed' ? sameFileKey(doc) : doc.id;
    const seen = byKey.get(key);
    if (seen) {
      seen.copies++;
      continue;
    }
    const row = { doc, copies: 1 };
    byKey.set(key, row);
    rows.push(row);
  }
  return rows;
}
