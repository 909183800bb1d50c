import { deterministicJobId, JOBS, type ParseImportJobData } from '@evalflow/jobs';
import { appendOutbox } from '../outbox/outbox';
import { tenantOf, type TenantTx } from '../tenant-tx';

/** The id of an import's parse job: its row's id, and its generation once the sweeper queued it anew. */
export function importJobId(item: { id: string; generation: number }): string {
  return deterministicJobId('import', item.id, ...(item.generation ? [`g${item.generation}`] : []));
}

/** Queues the parse job of this generation of the import, through the outbox (in the caller's transaction). */
export async function queueImportJob(
  tx: TenantTx,
  item: { id: string; generation: number },
  requestId?: string,
): Promise<string> {
  const jobId = importJobId(item);
  const job: ParseImportJobData = { tenantId: tenantOf(tx), importId: item.id, requestId };
  await appendOutbox(tx, {
    tenantId: tenantOf(tx),
    queue: JOBS.parseImport.queue,
    jobName: JOBS.parseImport.name,
    jobId,
    payload: job,
  });
  return jobId;
}
