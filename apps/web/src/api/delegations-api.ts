import type { DelegableRole, DelegationState } from '@evalflow/domain';
import { queryString, type ApiClient } from './client';

/** One delegation (代理委托) of GET /api/delegations. */
export interface DelegationView {
  id: string;
  principal: { userId: string; name: string };
  standIn: { userId: string; name: string };
  role: DelegableRole;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  state: DelegationState;
  revokedAt: string | null;
  createdAt: string;
  canRevoke: boolean;
}

export interface NewDelegation {
  standInUserId: string;
  role: DelegableRole;
  startsOn: string;
  endsOn: string;
  reason?: string;
  /** the county administrator arranging one for someone else */
  principalUserId?: string;
}

export interface DelegationCandidate {
  userId: string;
  name: string;
}

export async function listDelegations(api: ApiClient, signal?: AbortSignal): Promise<DelegationView[]> {
  return (await api.request<DelegationView[]>('/delegations', { signal })).data;
}

export async function delegationCandidates(api: ApiClient, role: DelegableRole): Promise<DelegationCandidate[]> {
  return (await api.request<DelegationCandidate[]>(`/delegations/candidates${queryString({ role })}`)).data;
}

export async function createDelegation(api: ApiClient, body: NewDelegation): Promise<DelegationView> {
  return (await api.request<DelegationView>('/delegations', { method: 'POST', body })).data;
}

export async function revokeDelegation(api: ApiClient, id: string): Promise<DelegationView> {
  return (await api.request<DelegationView>(`/delegations/${id}/revocation`, { method: 'POST' })).data;
}
