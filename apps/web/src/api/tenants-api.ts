import { patchVersion, type ApiClient } from './client';
import type { TenantAdminView, TenantView } from './types';

export interface TenantInput {
  name: string;
  regionCode: string;
  city: string;
  province: string;
}

export type TenantChanges = Partial<Pick<TenantView, 'name' | 'city' | 'province' | 'status'>>;

export interface TenantAdminInput {
  username: string;
  displayName: string;
  password: string;
}

export async function listTenants(api: ApiClient, signal?: AbortSignal): Promise<TenantView[]> {
  return (await api.request<TenantView[]>('/tenants', { signal })).data;
}

export async function createTenant(api: ApiClient, input: TenantInput): Promise<TenantView> {
  return (await api.request<TenantView>('/tenants', { method: 'POST', body: input })).data;
}

export async function updateTenant(
  api: ApiClient,
  id: string,
  version: number,
  changes: TenantChanges,
): Promise<TenantView> {
  return patchVersion(api, `/tenants/${encodeURIComponent(id)}`, version, changes);
}

export async function createTenantAdmin(api: ApiClient, tenantId: string, input: TenantAdminInput) {
  const path = `/tenants/${encodeURIComponent(tenantId)}/admins`;
  return (await api.request<TenantAdminView>(path, { method: 'POST', body: input })).data;
}
