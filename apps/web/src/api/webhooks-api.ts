import type { WebhookEvent } from '@evalflow/domain';
import type { ApiClient } from './client';

/** One endpoint (推送地址) of GET /api/webhooks; its secret is never sent again after creation. */
export interface WebhookView {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
  pausedAt: string | null;
  pausedReason: string | null;
  createdAt: string;
}

export interface WebhookAttempt {
  at: string;
  status: number | null;
  ms: number;
  error: string | null;
  excerpt: string;
}

export interface WebhookDeliveryView {
  id: string;
  event: WebhookEvent;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: WebhookAttempt[];
  replays: number;
  createdAt: string;
}

export interface NewWebhook {
  url: string;
  events: WebhookEvent[];
  description?: string;
}

export async function listWebhooks(api: ApiClient, signal?: AbortSignal): Promise<WebhookView[]> {
  return (await api.request<WebhookView[]>('/webhooks', { signal })).data;
}

export async function createWebhook(api: ApiClient, body: NewWebhook): Promise<WebhookView & { secret: string }> {
  return (await api.request<WebhookView & { secret: string }>('/webhooks', { method: 'POST', body })).data;
}

export async function updateWebhook(
  api: ApiClient,
  id: string,
  body: Partial<NewWebhook> & { active?: boolean },
): Promise<WebhookView> {
  return (await api.request<WebhookView>(`/webhooks/${id}`, { method: 'PATCH', body })).data;
}

export async function deleteWebhook(api: ApiClient, id: string): Promise<void> {
  await api.request(`/webhooks/${id}`, { method: 'DELETE' });
}

export async function rotateWebhookSecret(api: ApiClient, id: string): Promise<{ secret: string }> {
  return (await api.request<{ secret: string }>(`/webhooks/${id}/secret`, { method: 'POST' })).data;
}

export async function listWebhookDeliveries(api: ApiClient, id: string): Promise<WebhookDeliveryView[]> {
  return (await api.request<WebhookDeliveryView[]>(`/webhooks/${id}/deliveries`)).data;
}

export async function replayWebhookDelivery(api: ApiClient, id: string, deliveryId: string) {
  return (await api.request<WebhookDeliveryView>(`/webhooks/${id}/deliveries/${deliveryId}/replay`, { method: 'POST' }))
    .data;
}
