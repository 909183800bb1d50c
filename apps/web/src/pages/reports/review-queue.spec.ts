import { describe, expect, it } from 'vitest';
import type { ReportSummaryView } from '../../api/report-types';
import { fakeApi } from '../../test/fake-api';
import { loadQueuePage } from './review-queue';

const row = (id: string, status: ReportSummaryView['status']) => ({ id, status }) as ReportSummaryView;

describe('loadQueuePage', () => {
  it('walks the statuses awaiting review first, page by page, and carries on where it stopped', async () => {
    // submitted: s1 s2 s3 (two pages of 2); in_review: r1; nothing else
    const data: Record<string, ReportSummaryView[]> = {
      submitted: [row('s1', 'submitted'), row('s2', 'submitted'), row('s3', 'submitted')],
      in_review: [row('r1', 'in_review')],
    };
    const api = fakeApi(({ path }) => {
      const q = new URLSearchParams(path.split('?')[1]);
      const all = data[q.get('status') ?? ''] ?? [];
      const start = Number(q.get('cursor') ?? 0);
      const limit = Number(q.get('limit'));
      const end = Math.min(start + Math.min(limit, 2), all.length);
      return { items: all.slice(start, end), nextCursor: end < all.length ? String(end) : null };
    });

    const first = await loadQueuePage(api, { fiscalYear: 2024 }, null, undefined, 3);
    expect(first.items.map((r) => r.id)).toEqual(['s1', 's2', 's3']);
    expect(api.calls.map((c) => c.path)).toEqual([
      '/reports?fiscalYear=2024&status=submitted&limit=3',
      '/reports?fiscalYear=2024&status=submitted&cursor=2&limit=1',
    ]);

    const second = await loadQueuePage(api, { fiscalYear: 2024 }, first.next, undefined, 3);
    expect(second.items.map((r) => r.id)).toEqual(['r1']);
    expect(second.next).toBeNull();
    // returned, draft and approved were asked for too, after in_review
    expect(api.calls.slice(2).map((c) => new URLSearchParams(c.path.split('?')[1]).get('status'))).toEqual([
      'in_review',
      'returned',
      'draft',
      'approved',
    ]);
  });

  it('asks for the one status chosen', async () => {
    const api = fakeApi(() => ({ items: [row('a1', 'approved')], nextCursor: null }));
    const page = await loadQueuePage(api, { status: 'approved' }, null);
    expect(page).toEqual({ items: [row('a1', 'approved')], next: null });
    expect(api.calls).toHaveLength(1);
  });
});
