import { lookup } from 'node:dns/promises';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '@evalflow/config';
import { AppError, checkWebhookUrlShape, isNonPublicAddress, type Principal } from '@evalflow/domain';
import { RequestContext } from '@evalflow/observability';
import {
  deleteWebhookEndpoint,
  encryptWebhookSecret,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  newWebhookSecret,
  replayWebhookDelivery,
  TenantDb,
  updateWebhookEndpoint,
  type TenantTx,
  type WebhookDeliveryRecord,
  type WebhookEndpointRecord,
} from '@evalflow/persistence';
import { AuditService } from '../audit/audit.service';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookDeliveryView, WebhookView } from './webhooks.dto';

/** A county's webhook endpoints (推送地址); the county is the caller's (row-level security), so another's is 404. */
@Injectable()
export class WebhooksService {
  /** the instance's policy (tests of a production instance change it) */
  readonly settings: AppConfig['webhooks'];

  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.settings = config.get('webhooks', { infer: true });
  }

  list(): Promise<WebhookView[]> {
    return this.db.tx(async (tx) => (await listWebhookEndpoints(tx)).map(toView));
  }

  async create(principal: Principal, dto: CreateWebhookDto) {
    await this.checkUrl(dto.url);
    const events = checkEvents(dto.events);
    const secret = newWebhookSecret();
    return this.db.tx(async (tx) => {
      const row = await insertWebhookEndpoint(tx, {
        tenantId: principal.tenantId as string,
        url: dto.url,
        events,
        description: dto.description?.trim() ?? '',
        active: dto.active ?? true,
        secretEncrypted: encryptWebhookSecret(secret, this.settings.secretKey),
        createdBy: principal.userId,
      });
      await this.record(tx, principal, 'webhook.create', row.id, { url: row.url, events });
      return { ...toView(row), secret };
    });
  }

  async update(principal: Principal, id: string, dto: UpdateWebhookDto): Promise<WebhookView> {
    if (dto.url !== undefined) await this.checkUrl(dto.url);
    const events = dto.events === undefined ? undefined : checkEvents(dto.events);
    return this.db.tx(async (tx) => {
      await requireEndpoint(tx, id, true);
      const row = await updateWebhookEndpoint(tx, id, {
        url: dto.url,
        events,
        description: dto.description?.trim(),
        active: dto.active,
      });
      await this.record(tx, principal, 'webhook.update', id, { ...dto });
      return toView(row);
    });
  }

  remove(principal: Principal, id: string): Promise<void> {
    return this.db.tx(async (tx) => {
      await requireEndpoint(tx, id, true);
      await deleteWebhookEndpoint(tx, id);
      await this.record(tx, principal, 'webhook.delete', id, {});
    });
  }

  /** A new secret, shown once; the old one stops signing at once. */
  rotateSecret(principal: Principal, id: string): Promise<{ secret: string }> {
    const secret = newWebhookSecret();
    return this.db.tx(async (tx) => {
      await requireEndpoint(tx, id, true);
      await updateWebhookEndpoint(tx, id, { secretEncrypted: encryptWebhookSecret(secret, this.settings.secretKey) });
      await this.record(tx, principal, 'webhook.rotate_secret', id, {});
      return { secret };
    });
  }

  deliveries(id: string): Promise<WebhookDeliveryView[]> {
    return this.db.tx(async (tx) => {
      await requireEndpoint(tx, id);
      return (await listWebhookDeliveries(tx, id)).map(toDeliveryView);
    });
  }

  /** Sends a delivery again, as a new run (its earlier attempts stay listed). */
  replay(principal: Principal, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    return this.db.tx(async (tx) => {
      await requireEndpoint(tx, id);
      const delivery = await findWebhookDelivery(tx, deliveryId);
      if (!delivery || delivery.endpointId !== id) throw new AppError('WEBHOOK_DELIVERY_NOT_FOUND');
      await replayWebhookDelivery(tx, deliveryId, RequestContext.current()?.requestId);
      await this.record(tx, principal, 'webhook.replay', id, { deliveryId });
      return toDeliveryView((await findWebhookDelivery(tx, deliveryId)) as WebhookDeliveryRecord);
    });
  }

  /**
   * The URL's shape, then (from a production instance) where its name points now; the worker checks the
   * address again when it connects, as DNS may change in between.
   */
  private async checkUrl(url: string): Promise<void> {
    const insecure = this.settings.allowInsecureTargets;
    const refusal = checkWebhookUrlShape(url, { allowHttp: insecure, allowPrivateAddresses: insecure });
    if (refusal) throw new AppError(refusal);
    if (insecure) return;
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    const addresses = await lookup(host, { all: true }).catch(() => []);
    if (addresses.some((a) => isNonPublicAddress(a.address))) throw new AppError('WEBHOOK_URL_PRIVATE_ADDRESS');
  }

  private record(tx: TenantTx, principal: Principal, action: string, id: string, details: Record<string, unknown>) {
    return this.audit.record(tx, {
      tenantId: principal.tenantId as string,
      action,
      targetType: 'webhook_endpoint',
      targetId: id,
      details,
    });
  }
}

function checkEvents(events: string[]): string[] {
  const unique = [...new Set(events)];
  if (!unique.length) throw new AppError('WEBHOOK_EVENTS_INVALID');
  return unique;
}

async function requireEndpoint(tx: TenantTx, id: string, lock = false) {
  const row = await findWebhookEndpoint(tx, id, lock);
  if (!row) throw new AppError('WEBHOOK_NOT_FOUND');
  return row;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toView(row: WebhookEndpointRecord): WebhookView {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    active: row.active,
    pausedAt: iso(row.pausedAt),
    pausedReason: row.pausedReason,
    createdAt: iso(row.createdAt) as string,
  };
}

function toDeliveryView(row: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: row.id,
    event: row.event,
    status: row.status,
    attempts: row.attempts,
    replays: row.replays,
    createdAt: iso(row.createdAt) as string,
  };
}
