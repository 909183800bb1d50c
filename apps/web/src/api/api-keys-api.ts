import type { ApiKeyScope } from '@evalflow/domain';
import type { ApiClient } from './client';

/** One API key of GET /api/api-keys: never the key itself. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdByName: string | null;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** The answer to a creation: the only time the whole key is seen. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}

export interface NewApiKey {
  name: string;
  scopes: ApiKeyScope[];
  /** ISO date-time; absent: the key does not expire */
  expiresAt?: string;
}

export async function listApiKeys(api: ApiClient, signal?: AbortSignal): Promise<ApiKeyView[]> {
  return (await api.request<ApiKeyView[]>('/api-keys', { signal })).data;
}

export async function createApiKey(api: ApiClient, body: NewApiKey): Promise<CreatedApiKey> {
  return (await api.request<CreatedApiKey>('/api-keys', { method: 'POST', body })).data;
}

export async function revokeApiKey(api: ApiClient, id: string): Promise<ApiKeyView> {
  return (await api.request<ApiKeyView>(`/api-keys/${id}/revocation`, { method: 'POST' })).data;
}
