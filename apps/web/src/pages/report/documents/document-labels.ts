import { formatDateTime } from '../../../components/date-time';
import type { DocumentFormat } from '@evalflow/domain';
import type { DocumentView } from '../../../api/report-types';

export const DOCUMENT_FORMAT_LABELS: Record<DocumentFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (DOCX)',
};

/** Still on its way: the worker has yet to finish it. */
export function isRendering(doc: Pick<DocumentView, 'status'>): boolean {
  return doc.status === 'queued' || doc.status === 'rendering';
}

/**
 * Which content the document shows, in words: r2 → 第 2 版提交稿, r2-approved → 审核通过稿 (of revision 2),
 * v12 → 草稿 (the content while it was being drafted), r2-public-20250801 → 公开版. A revision is a 版, not a
 * count of submissions: the content an import replaced is frozen as a revision too.
 */
export function editionLabel(doc: Pick<DocumentView, 'edition' | 'revisionNumber'>): string {
  const approved = /^r(\d+)-approved$/.exec(doc.edition);
  if (approved) return `审核通过稿（第 ${doc.revisionNumber ?? approved[1]} 版）`;
  const submitted = /^r(\d+)$/.exec(doc.edition);
  if (submitted) return `第 ${doc.revisionNumber ?? submitted[1]} 版提交稿`;
  if (/^v\d+$/.test(doc.edition)) return '草稿';
  // the public version (随决算公开) of a submission, published on a day
  const published = /^r(\d+)-public-(\d{4})(\d{2})(\d{2})$/.exec(doc.edition);
  if (published) {
    const [, revision, year, month, day] = published;
    return `公开版（第 ${revision} 版，${Number(year)}年${Number(month)}月${Number(day)}日公开）`;
  }
  return doc.edition;
}

/** 12.3 KB, 1,024 KB */
export function sizeLabel(bytes: number | null): string {
  if (bytes === null) return '—';
  return `${(bytes / 1024).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} KB`;
}

/** 2025年4月3日 16:05, in local time */
export function chineseDateTime(value: string | null): string {
  return value ? formatDateTime(value) : '—';
}
