import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { checkWebhookUrlShape, WEBHOOK_DELIVERY, WEBHOOK_EVENT_LABELS, type WebhookEvent } from '@evalflow/domain';
import { JOBS, type WebhookDeliverJobData } from '@evalflow/jobs';
import {
  decryptWebhookSecret,
  findWebhookDelivery,
  findWebhookEndpoint,
  recordWebhookAttempt,
  TenantDb,
  webhookSignature,
} from '@evalflow/persistence';
import { UnrecoverableError, type Job } from 'bullmq';
import type { JobHandler } from '../jobs/job-handler';
import { Inbox } from '../notifications/inbox';
import { postWebhook } from './webhook-request';

export type DeliveryOutcome = 'succeeded' | 'failed' | 'skipped';

/**
 * One attempt of one delivery: signed (HMAC-SHA256 over `timestamp.body`), bounded in time, recorded with
 * its status and time. A failure throws so BullMQ retries it with backoff; the last one marks the delivery
 * failed. An endpoint failing for a day is paused and the county's administrators told in their inbox.
 */
@Injectable()
export class DeliverWebhookHandler implements JobHandler<WebhookDeliverJobData, { outcome: DeliveryOutcome }> {
  readonly jobName = JOBS.deliverWebhook.name;
  private readonly logger = new Logger(DeliverWebhookHandler.name);
  private readonly settings: AppConfig['webhooks'];
  /** the clock (tests move it instead of waiting) */
  now: () => Date = () => new Date();

  constructor(
    private readonly db: TenantDb,
    private readonly inbox: Inbox,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = config.get('webhooks', { infer: true });
  }

  async handle(job: Job<WebhookDeliverJobData>): Promise<{ outcome: DeliveryOutcome }> {
    const attempts = job.opts.attempts ?? 1;
    const final = job.attemptsMade + 1 >= attempts;
    const outcome = await this.deliver(job.data, final);
    if (outcome.retry === 'never') throw new UnrecoverableError(outcome.error ?? 'refused');
    if (outcome.outcome === 'failed') throw new Error(outcome.error ?? 'delivery failed');
    return { outcome: outcome.outcome };
  }

  /** One attempt; `final` when no retry follows a failure. */
  async deliver(
    data: WebhookDeliverJobData,
    final: boolean,
  ): Promise<{ outcome: DeliveryOutcome; error?: string; retry?: 'never' }> {
    const found = await this.db.tx(async (tx) => {
      const delivery = await findWebhookDelivery(tx, data.deliveryId);
      const endpoint = delivery ? await findWebhookEndpoint(tx, delivery.endpointId) : null;
      return delivery && endpoint ? { delivery, endpoint } : null;
    }, data.tenantId);
    // deleted, switched off or paused since: nothing to send (a replay after it is back sends it)
    if (!found || !found.endpoint.active || found.endpoint.pausedAt || found.delivery.status === 'succeeded') {
      return { outcome: 'skipped' };
    }
    const { delivery, endpoint } = found;
    const now = this.now();
    const allowInsecure = this.settings.allowInsecureTargets;
    const refusal = checkWebhookUrlShape(endpoint.url, {
      allowHttp: allowInsecure,
      allowPrivateAddresses: allowInsecure,
    });
    const timestamp = Math.floor(now.getTime() / 1000);
    const body = JSON.stringify({
      id: delivery.id,
      event: delivery.event,
      createdAt: new Date(delivery.createdAt).toISOString(),
      data: delivery.payload,
    });
    const secret = decryptWebhookSecret(endpoint.secretEncrypted, this.settings.secretKey);
    const response = refusal
      ? { status: null, ms: 0, error: refusal, excerpt: '' }
      : await postWebhook(
          endpoint.url,
          body,
          {
            'user-agent': 'EvalFlow-Webhooks/1',
            'x-evalflow-event': delivery.event,
            'x-evalflow-delivery': delivery.id,
            'x-evalflow-timestamp': String(timestamp),
            'x-evalflow-signature': webhookSignature(secret, timestamp, body),
          },
          {
            timeoutMs: this.settings.timeoutMs,
            excerptChars: WEBHOOK_DELIVERY.responseExcerptChars,
            allowPrivate: allowInsecure,
          },
        );
    const ok = response.status !== null && response.status >= 200 && response.status < 300;
    // a refused URL will not become acceptable by retrying
    const last = final || refusal !== null;
    const { paused } = await this.db.tx(
      (tx) =>
        recordWebhookAttempt(tx, delivery.id, { at: now.toISOString(), ...response }, { ok, final: !ok && last, now }),
      data.tenantId,
    );
    this.logger.log({ msg: 'webhook attempt', delivery: delivery.id, status: response.status, ms: response.ms });
    if (paused) await this.tellAdministrators(data.tenantId, endpoint.id, endpoint.url, delivery.event);
    if (ok) return { outcome: 'succeeded' };
    const error = response.error ?? `HTTP ${response.status}`;
    return refusal ? { outcome: 'failed', error, retry: 'never' } : { outcome: 'failed', error };
  }

  private async tellAdministrators(tenantId: string, endpointId: string, url: string, event: string) {
    await this.db.tx(async (em) => {
      const admins: Array<{ id: string }> = await em.query(
        `SELECT DISTINCT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
          WHERE u.active AND r.role = 'tenant_admin'`,
      );
      await this.inbox.add(
        em,
        tenantId,
        admins.map((a) => a.id),
        {
          kind: 'webhook.paused',
          reportId: null,
          title: `推送地址已暂停：${url}`,
          body: `向该地址推送（最近一次：${WEBHOOK_EVENT_LABELS[event as WebhookEvent] ?? event}）已连续失败超过 24 小时，系统已自动暂停。请检查接收方后，在「推送地址」页面重新启用。`,
          sourceKey: `webhook-paused-${endpointId}-${Date.now()}`,
        },
      );
    }, tenantId);
  }
}
