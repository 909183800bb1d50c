import type { ReportStatus } from '@evalflow/domain';
import type { ApiClient } from '../../api/client';
import { listReports, REPORT_PAGE_SIZE, type ReportFilter } from '../../api/reports-api';
import type { ReportSummaryView } from '../../api/report-types';
import type { CursorPage } from '../../hooks/use-cursor-list';

/** The order of the review queue: what awaits the finance bureau first, finished reports last. */
export const QUEUE_ORDER: readonly ReportStatus[] = ['submitted', 'in_review', 'returned', 'draft', 'approved'];

/**
 * One page of the review queue. The API orders by year and department only, so the queue walks
 * one status after another in QUEUE_ORDER (each with its own keyset cursor) until the page is
 * full; the queue's cursor says which status it has reached and where in it.
 */
export async function loadQueuePage(
  api: ApiClient,
  filter: ReportFilter,
  cursor: string | null,
  signal?: AbortSignal,
  pageSize = REPORT_PAGE_SIZE,
): Promise<CursorPage<ReportSummaryView>> {
  const stages = filter.status ? [filter.status] : QUEUE_ORDER;
  let { stage, inner } = parseCursor(cursor);
  const items: ReportSummaryView[] = [];
  while (stage < stages.length && items.length < pageSize) {
    const page = await listReports(api, { ...filter, status: stages[stage] }, inner, signal, pageSize - items.length);
    items.push(...page.items);
    if (page.nextCursor) {
      inner = page.nextCursor;
    } else {
      stage++;
      inner = null;
    }
  }
  return { items, next: stage < stages.length ? `${stage}:${inner ?? ''}` : null };
}

function parseCursor(cursor: string | null): { stage: number; inner: string | null } {
  if (!cursor) return { stage: 0, inner: null };
  const colon = cursor.indexOf(':');
  return { stage: Number(cursor.slice(0, colon)), inner: cursor.slice(colon + 1) || null };
}
