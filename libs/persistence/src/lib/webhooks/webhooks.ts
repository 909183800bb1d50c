import { WEBHOOK_DELIVERY, type WebhookEvent } from '@evalflow/domain';
import { JOBS, type WebhookDeliverJobData } from '@evalflow/jobs';
import type { EntityManager } from 'typeorm';
import { appendOutbox } from '../outbox/outbox';

export interface WebhookEndpointRecord {
  id: string;
  tenantId: string;
  url: string;
  events: string[];
  description: string;
  active: boolean;
  failingSince: Date | null;
  pausedAt: Date | null;
  pausedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookAttempt {
  at: string;
  /** HTTP status, or null when no answer came (refused, timed out, blocked) */
  status: number | null;
  ms: number;
  error: string | null;
  /** the first characters of the answer, never more */
  excerpt: string;
}

export interface WebhookDeliveryRecord {
  id: string;
  tenantId: string;
  endpointId: string;
  event: string;
  eventKey: string;
  payload: Record<string, unknown>;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: WebhookAttempt[];
  replays: number;
  createdAt: Date;
  lastAttemptAt: Date | null;
  succeededAt: Date | null;
}

const ENDPOINT_COLUMNS = `id, tenant_id AS "tenantId", url, events, description, active, failing_since AS "failingSince",
  paused_at AS "pausedAt", paused_reason AS "pausedReason", created_at AS "createdAt", updated_at AS "updatedAt"`;
const DELIVERY_COLUMNS = `id, tenant_id AS "tenantId", endpoint_id AS "endpointId", event, event_key AS "eventKey", payload,
  status, attempts, replays, created_at AS "createdAt", last_attempt_at AS "lastAttemptAt", succeeded_at AS "succeededAt"`;

export async function insertWebhookEndpoint(
  tx: EntityManager,
  e: {
    tenantId: string;
    url: string;
    events: string[];
    description: string;
    active: boolean;
    secretEncrypted: string;
    createdBy: string;
  },
): Promise<WebhookEndpointRecord> {
  const [row] = await tx.query(
    `INSERT INTO webhook_endpoints (tenant_id, url, events, description, active, secret_encrypted, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${ENDPOINT_COLUMNS}`,
    [e.tenantId, e.url, e.events, e.description, e.active, e.secretEncrypted, e.createdBy],
  );
  return row;
}

/** The county's endpoints (row-level security keeps it to the county), not deleted. */
export function listWebhookEndpoints(tx: EntityManager): Promise<WebhookEndpointRecord[]> {
  return tx.query(`SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE deleted_at IS NULL ORDER BY created_at, id`);
}

export async function findWebhookEndpoint(tx: EntityManager, id: string, lock = false) {
  const [row] = await tx.query(
    `SELECT ${ENDPOINT_COLUMNS}, secret_encrypted AS "secretEncrypted" FROM webhook_endpoints
      WHERE id = $1 AND deleted_at IS NULL ${lock ? 'FOR UPDATE' : ''}`,
    [id],
  );
  return (row as (WebhookEndpointRecord & { secretEncrypted: string }) | undefined) ?? null;
}

/** Changes what is given; turning an endpoint on again also lifts a pause. */
export async function updateWebhookEndpoint(
  tx: EntityManager,
  id: string,
  change: { url?: string; events?: string[]; description?: string; active?: boolean; secretEncrypted?: string },
): Promise<WebhookEndpointRecord> {
  const [[row]] = await tx.query(
    `UPDATE webhook_endpoints SET
        url = COALESCE($2, url), events = COALESCE($3, events), description = COALESCE($4, description),
        active = COALESCE($5, active), secret_encrypted = COALESCE($6, secret_encrypted),
        paused_at = CASE WHEN $5 IS TRUE THEN NULL ELSE paused_at END,
        paused_reason = CASE WHEN $5 IS TRUE THEN NULL ELSE paused_reason END,
        failing_since = CASE WHEN $5 IS TRUE THEN NULL ELSE failing_since END,
        updated_at = now()
      WHERE id = $1 AND deleted_at IS NULL RETURNING ${ENDPOINT_COLUMNS}`,
    [
      id,
      change.url ?? null,
      change.events ?? null,
      change.description ?? null,
      change.active ?? null,
      change.secretEncrypted ?? null,
    ],
  );
  return row;
}

export async function deleteWebhookEndpoint(tx: EntityManager, id: string): Promise<void> {
  await tx.query(`UPDATE webhook_endpoints SET deleted_at = now(), active = false WHERE id = $1`, [id]);
}

/**
 * An event, in the caller's transaction: one delivery per active, unpaused endpoint of the county that
 * subscribed to it, and its job through the outbox (it leaves only if the event commits). Idempotent per event key.
 */
export async function enqueueWebhookEvent(
  tx: EntityManager,
  event: {
    tenantId: string;
    event: WebhookEvent;
    eventKey: string;
    payload: Record<string, unknown>;
    requestId?: string;
  },
): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query(
    `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event, event_key, payload)
     SELECT $1, e.id, $2, $3, $4 FROM webhook_endpoints e
      WHERE e.tenant_id = $1 AND e.active AND e.paused_at IS NULL AND e.deleted_at IS NULL AND $2 = ANY(e.events)
     ON CONFLICT (endpoint_id, event_key) DO NOTHING RETURNING id`,
    [event.tenantId, event.event, event.eventKey, JSON.stringify(event.payload)],
  );
  for (const { id } of rows) await queueDeliveryJob(tx, event.tenantId, id, 0, event.requestId);
  return rows.map((r) => r.id);
}

/** The job of a delivery's n-th run (0 the first, then one per replay by hand): a deterministic id. */
async function queueDeliveryJob(
  tx: EntityManager,
  tenantId: string,
  deliveryId: string,
  run: number,
  requestId?: string,
) {
  const data: WebhookDeliverJobData = { tenantId, deliveryId, requestId };
  await appendOutbox(tx, {
    tenantId,
    queue: JOBS.deliverWebhook.queue,
    jobName: JOBS.deliverWebhook.name,
    jobId: `webhook-delivery-${deliveryId}-${run}`,
    payload: data,
  });
}

/** A replay by hand: the delivery is pending again and a new run is queued (the attempts so far are kept). */
export async function replayWebhookDelivery(tx: EntityManager, id: string, requestId?: string) {
  const [[row]] = await tx.query(
    `UPDATE webhook_deliveries SET replays = replays + 1, status = 'pending' WHERE id = $1
      RETURNING tenant_id AS "tenantId", replays`,
    [id],
  );
  await queueDeliveryJob(tx, row.tenantId, id, row.replays, requestId);
}

export async function findWebhookDelivery(tx: EntityManager, id: string): Promise<WebhookDeliveryRecord | null> {
  const [row] = await tx.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
  return row ?? null;
}

export function listWebhookDeliveries(
  tx: EntityManager,
  endpointId: string,
  limit = 100,
): Promise<WebhookDeliveryRecord[]> {
  return tx.query(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE endpoint_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
    [endpointId, limit],
  );
}

/**
 * One attempt, recorded: a success settles the delivery and ends the endpoint's failing streak; a failure
 * starts the streak (or continues it), marks the delivery failed once no retry is left, and pauses the
 * endpoint once the streak is a day old. `now` is the caller's clock. Returns whether this paused it.
 */
export async function recordWebhookAttempt(
  tx: EntityManager,
  deliveryId: string,
  attempt: WebhookAttempt,
  outcome: { ok: boolean; final: boolean; now: Date },
): Promise<{ paused: boolean; endpointId: string }> {
  const [[delivery]] = await tx.query(
    `UPDATE webhook_deliveries SET attempts = attempts || $2::jsonb, last_attempt_at = $3,
        status = CASE WHEN $4 THEN 'succeeded' WHEN $5 THEN 'failed' ELSE status END,
        succeeded_at = CASE WHEN $4 THEN $3 ELSE succeeded_at END
      WHERE id = $1 RETURNING endpoint_id AS "endpointId"`,
    [deliveryId, JSON.stringify([attempt]), outcome.now, outcome.ok, outcome.final],
  );
  const endpointId: string = delivery.endpointId;
  if (outcome.ok) {
    await tx.query(`UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1`, [endpointId]);
    return { paused: false, endpointId };
  }
  const [[endpoint]] = await tx.query(
    `UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, $2) WHERE id = $1
      RETURNING failing_since AS "failingSince", paused_at AS "pausedAt"`,
    [endpointId, outcome.now],
  );
  const failingFor = outcome.now.getTime() - new Date(endpoint.failingSince).getTime();
  if (endpoint.pausedAt || failingFor < WEBHOOK_DELIVERY.pauseAfterFailingMs) return { paused: false, endpointId };
  await tx.query(`UPDATE webhook_endpoints SET paused_at = $2, paused_reason = $3 WHERE id = $1`, [
    endpointId,
    outcome.now,
    '推送连续失败超过 24 小时，已自动暂停',
  ]);
  return { paused: true, endpointId };
}
