import type { ExportKind, ExportParams } from '@evalflow/domain';
import { deterministicJobId, JOBS, type RunExportJobData } from '@evalflow/jobs';
import { appendOutbox } from '../outbox/outbox';
import { approvedPdfsChangedAt } from './approved-pdfs';
import { rowOf, tenantOf, type TenantTx } from '../tenant-tx';
import {
  findFreshExport,
  findUnfinishedExport,
  insertExport,
  markExportRedriven,
  type UnfinishedExport,
} from './exports';

/** The id of an export's job: its row's id, and its generation once the sweeper queued it anew. */
export function exportJobId(item: { id: string; generation: number }): string {
  return deterministicJobId('export', item.id, ...(item.generation ? [`g${item.generation}`] : []));
}

/** When the county's data an export of this kind shows last changed (null: nothing to show). */
async function newestChange(tx: TenantTx, kind: ExportKind, params: ExportParams): Promise<Date | null> {
  switch (kind) {
    case 'indicator_rows': {
      // every edit of a part or a status raises its report's updated_at
      const row = await rowOf<{ at: Date | null }>(
        tx,
        `SELECT max(updated_at) AS at FROM reports WHERE fiscal_year = $1`,
        [params.fiscalYear],
      );
      return row?.at ?? null;
    }
    case 'approved_pdfs':
      // a PDF finished after its report's last change counts too
      return approvedPdfsChangedAt(tx, params.fiscalYear);
  }
}

/**
 * Asks for an export: the one of the same kind and parameters under way (queued or running) if there is
 * one; else the newest done one that began reading after the county's data last changed (nothing it would
 * show has changed: the same file again); else a new one, whose job leaves through the outbox in this
 * transaction. Answers its id and whether it was made now.
 */
export async function requestExport(
  tx: TenantTx,
  request: { kind: ExportKind; params: ExportParams; requestedBy: string | null },
  requestId?: string,
): Promise<{ id: string; created: boolean }> {
  const underway = await findUnfinishedExport(tx, request.kind, request.params);
  if (underway) return { id: underway, created: false };
  const fresh = await findFreshExport(
    tx,
    request.kind,
    request.params,
    await newestChange(tx, request.kind, request.params),
  );
  if (fresh) return { id: fresh, created: false };
  const inserted = await insertExport(tx, request);
  if (!inserted) {
    // another request made it meanwhile (and committed): that one
    const other = await findUnfinishedExport(tx, request.kind, request.params);
    if (!other) throw new Error('export request conflicted without an export under way');
    return { id: other, created: false };
  }
  await queueExportJob(tx, inserted, requestId);
  return { id: inserted.id, created: true };
}

/** Queues a stuck export anew (the sweeper's re-drive); answers its new job's id, or null when no longer unfinished. */
export async function redriveExport(tx: TenantTx, item: UnfinishedExport, requestId?: string): Promise<string | null> {
  const generation = await markExportRedriven(tx, item);
  if (generation === null) return null;
  return queueExportJob(tx, { id: item.id, generation }, requestId);
}

async function queueExportJob(tx: TenantTx, item: { id: string; generation: number }, requestId?: string) {
  const jobId = exportJobId(item);
  const job: RunExportJobData = { tenantId: tenantOf(tx), exportId: item.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.runExport.queue,
    jobName: JOBS.runExport.name,
    jobId,
    payload: job,
  });
  return jobId;
}
