import { AppError, chinaDate, isRectificationOverdue, type RectificationStatus } from '@evalflow/domain';
import { rowOf, rowsOf, type TenantTx } from '@evalflow/persistence';
import type {
  FindingView,
  RectificationListItemView,
  RectificationView,
  ReportSpotCheckView,
} from './rectifications.dto';
import type { ItemCountsView, SelectedReportView, SpotCheckBatchView } from './spot-checks.dto';

/** SQL reads of 抽评 and 整改; always inside a tenant transaction (row-level security). */

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** A selectable or selected report with what the bureau lists it by. */
const REPORT_COLUMNS = `r.id, r.department_id AS "departmentId", d.name AS "departmentName", r.kind,
  r.project_name AS "projectName", r.status, r.total_score::text AS "totalScore"`;

/** Reports of the year the bureau may select (see SELECTABLE_STATUSES), whether already selected. */
export function selectableReports(
  tx: TenantTx,
  fiscalYear: number,
  statuses: readonly string[],
): Promise<SelectedReportView[]> {
  return rowsOf<SelectedReportView>(
    tx,
    `SELECT ${REPORT_COLUMNS}, (s.report_id IS NOT NULL) AS "alreadySelected"
       FROM reports r JOIN departments d ON d.id = r.department_id
       LEFT JOIN spot_check_reports s ON s.tenant_id = r.tenant_id AND s.report_id = r.id
      WHERE r.fiscal_year = $1 AND r.status = ANY($2)
      ORDER BY d.name, r.kind, r.project_name NULLS FIRST, r.id`,
    [fiscalYear, statuses],
  );
}

const ITEM_COUNTS = `
  count(i.id)::int AS total,
  count(i.id) FILTER (WHERE i.status <> 'closed')::int AS open,
  count(i.id) FILTER (WHERE i.status <> 'closed' AND i.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS overdue,
  count(i.id) FILTER (WHERE i.status = 'closed')::int AS closed`;

interface BatchRow {
  id: string;
  fiscalYear: number;
  name: string;
  rule: Record<string, unknown>;
  ruleText: string;
  createdByName: string;
  createdAt: Date;
  reportCount: number;
  total: number;
  open: number;
  overdue: number;
  closed: number;
}

const toBatch = (r: BatchRow): SpotCheckBatchView => ({
  id: r.id,
  fiscalYear: r.fiscalYear,
  name: r.name,
  rule: r.rule,
  ruleText: r.ruleText,
  createdByName: r.createdByName,
  createdAt: new Date(r.createdAt).toISOString(),
  reportCount: r.reportCount,
  items: { total: r.total, open: r.open, overdue: r.overdue, closed: r.closed } satisfies ItemCountsView,
});

const BATCH_SELECT = `
  SELECT b.id, b.fiscal_year AS "fiscalYear", b.name, b.rule, b.rule_text AS "ruleText",
         b.created_by_name AS "createdByName", b.created_at AS "createdAt",
         (SELECT count(*)::int FROM spot_check_reports s WHERE s.tenant_id = b.tenant_id AND s.batch_id = b.id) AS "reportCount",
         ${ITEM_COUNTS}
    FROM spot_check_batches b
    LEFT JOIN spot_check_reports s ON s.tenant_id = b.tenant_id AND s.batch_id = b.id
    LEFT JOIN rectification_items i ON i.tenant_id = s.tenant_id AND i.report_id = s.report_id`;

export async function listBatches(tx: TenantTx, fiscalYear: number | null): Promise<SpotCheckBatchView[]> {
  const rows = await rowsOf<BatchRow>(
    tx,
    `${BATCH_SELECT} WHERE ($1::int IS NULL OR b.fiscal_year = $1) GROUP BY b.id ORDER BY b.created_at DESC, b.id`,
    [fiscalYear],
  );
  return rows.map(toBatch);
}

export async function findBatch(tx: TenantTx, id: string): Promise<SpotCheckBatchView> {
  const row = await rowOf<BatchRow>(tx, `${BATCH_SELECT} WHERE b.id = $1 GROUP BY b.id`, [id]);
  if (!row) throw new AppError('SPOT_CHECK_BATCH_NOT_FOUND');
  const reports = await rowsOf<SelectedReportView & { total: number; open: number; overdue: number }>(
    tx,
    `SELECT ${REPORT_COLUMNS}, ${ITEM_COUNTS}
       FROM spot_check_reports s
       JOIN reports r ON r.tenant_id = s.tenant_id AND r.id = s.report_id
       JOIN departments d ON d.id = r.department_id
       LEFT JOIN rectification_items i ON i.tenant_id = s.tenant_id AND i.report_id = s.report_id
      WHERE s.batch_id = $1
      GROUP BY r.id, d.name ORDER BY d.name, r.kind, r.project_name NULLS FIRST, r.id`,
    [id],
  );
  return {
    ...toBatch(row),
    reports: reports.map(({ total, open, overdue, ...r }) => ({
      ...r,
      items: total,
      openItems: open,
      overdueItems: overdue,
    })),
  };
}

/** The batch a report was selected in, or null. */
export function selectionOf(
  tx: TenantTx,
  reportId: string,
): Promise<{ id: string; name: string; ruleText: string; selectedAt: Date } | null> {
  return rowOf(
    tx,
    `SELECT b.id, b.name, b.rule_text AS "ruleText", s.selected_at AS "selectedAt"
       FROM spot_check_reports s JOIN spot_check_batches b ON b.tenant_id = s.tenant_id AND b.id = s.batch_id
      WHERE s.report_id = $1`,
    [reportId],
  );
}

const ITEM_SELECT = `
  SELECT i.id, i.report_id AS "reportId", i.title, i.owner_user_id AS "ownerUserId", i.owner_name AS "ownerName",
         to_char(i.due_on, 'YYYY-MM-DD') AS "dueOn", i.status, i.answer, i.evidence_text AS "evidenceText",
         i.answered_at AS "answeredAt", i.closed_at AS "closedAt", i.version, i.created_at AS "createdAt",
         coalesce((SELECT json_agg(json_build_object('id', e.id, 'fileName', e.file_name, 'contentType', e.content_type,
                                                     'sizeBytes', e.size_bytes, 'uploadedAt', e.uploaded_at)
                                   ORDER BY e.uploaded_at, e.id)
                     FROM rectification_evidence e WHERE e.tenant_id = i.tenant_id AND e.item_id = i.id), '[]') AS evidence,
         coalesce((SELECT json_agg(json_build_object('action', h.action, 'fromStatus', h.from_status,
                                                     'toStatus', h.to_status, 'note', h.note,
                                                     'actorName', h.actor_name, 'occurredAt', h.occurred_at)
                                   ORDER BY h.occurred_at, h.id)
                     FROM rectification_events h WHERE h.tenant_id = i.tenant_id AND h.item_id = i.id), '[]') AS history`;

type ItemRow = Omit<RectificationView, 'overdue' | 'answeredAt' | 'closedAt' | 'createdAt'> & {
  answeredAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
};

function toItem<T extends ItemRow>(r: T, now: Date) {
  return {
    ...r,
    overdue: isRectificationOverdue({ status: r.status as RectificationStatus, dueOn: r.dueOn }, now),
    answeredAt: iso(r.answeredAt),
    closedAt: iso(r.closedAt),
    createdAt: iso(r.createdAt) as string,
    evidence: r.evidence.map((e) => ({ ...e, uploadedAt: iso(e.uploadedAt) as string })),
    history: r.history.map((h) => ({ ...h, occurredAt: iso(h.occurredAt) as string })),
  };
}

export async function listItems(tx: TenantTx, reportId: string, now: Date): Promise<RectificationView[]> {
  const rows = await rowsOf<ItemRow>(
    tx,
    `${ITEM_SELECT} FROM rectification_items i WHERE i.report_id = $1 ORDER BY i.created_at, i.id`,
    [reportId],
  );
  return rows.map((r) => toItem(r, now));
}

export async function findItem(tx: TenantTx, id: string, now: Date): Promise<RectificationView> {
  const row = await rowOf<ItemRow>(tx, `${ITEM_SELECT} FROM rectification_items i WHERE i.id = $1`, [id]);
  if (!row) throw new AppError('RECTIFICATION_NOT_FOUND');
  return toItem(row, now);
}

/** The item's report and state, locked for a change unless only read. */
export async function lockItem(
  tx: TenantTx,
  id: string,
  forUpdate = true,
): Promise<{ reportId: string; status: RectificationStatus; version: number }> {
  const row = await rowOf<{ reportId: string; status: RectificationStatus; version: number }>(
    tx,
    `SELECT report_id AS "reportId", status, version FROM rectification_items WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!row) throw new AppError('RECTIFICATION_NOT_FOUND');
  return row;
}

/** Items across reports for an inbox: the whole county, or one department's; optionally only the overdue. */
export async function listInboxItems(
  tx: TenantTx,
  filter: { departmentId: string | null; fiscalYear: number | null; overdueOnly: boolean },
  now: Date,
): Promise<RectificationListItemView[]> {
  const rows = await rowsOf<ItemRow & Omit<RectificationListItemView, keyof RectificationView>>(
    tx,
    `${ITEM_SELECT}, r.department_id AS "departmentId", d.name AS "departmentName", r.fiscal_year AS "fiscalYear",
            r.kind, r.project_name AS "projectName"
       FROM rectification_items i
       JOIN reports r ON r.tenant_id = i.tenant_id AND r.id = i.report_id
       JOIN departments d ON d.id = r.department_id
      WHERE ($1::uuid IS NULL OR r.department_id = $1)
        AND ($2::int IS NULL OR r.fiscal_year = $2)
        AND (NOT $3 OR (i.status <> 'closed' AND i.due_on < $4::date))
      ORDER BY i.due_on, d.name, i.created_at, i.id
      LIMIT 500`,
    [filter.departmentId, filter.fiscalYear, filter.overdueOnly, chinaDate(now)],
  );
  return rows.map((r) => toItem(r, now));
}

export async function listFindings(tx: TenantTx, reportId: string): Promise<FindingView[]> {
  const rows = await rowsOf<{ id: string; body: string; version: number; createdAt: Date; updatedAt: Date }>(
    tx,
    `SELECT id, body, version, created_at AS "createdAt", updated_at AS "updatedAt"
       FROM spot_check_findings WHERE report_id = $1 ORDER BY created_at, id`,
    [reportId],
  );
  return rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) as string, updatedAt: iso(r.updatedAt) as string }));
}

export async function reportSpotCheck(tx: TenantTx, reportId: string, now: Date): Promise<ReportSpotCheckView> {
  const batch = await selectionOf(tx, reportId);
  if (!batch) return { selected: false, batch: null, findings: [], items: [] };
  return {
    selected: true,
    batch: { ...batch, selectedAt: iso(batch.selectedAt) as string },
    findings: await listFindings(tx, reportId),
    items: await listItems(tx, reportId, now),
  };
}
