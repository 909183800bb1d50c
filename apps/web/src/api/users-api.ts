import type { Role } from '@evalflow/domain';
import { patchVersion, queryString, type ApiClient } from './client';
import type { UserPage, UserView } from './types';

export interface UserFilter {
  departmentId?: string;
  role?: Role;
  active?: boolean;
  q?: string;
}

export interface UserInput {
  username: string;
  displayName: string;
  email: string | null;
  departmentId: string | null;
  roles: Role[];
  password: string;
}

export type UserChanges = Partial<Pick<UserView, 'displayName' | 'email' | 'departmentId' | 'roles' | 'active'>>;

export const USER_PAGE_SIZE = 50;

export async function listUsers(
  api: ApiClient,
  filter: UserFilter,
  after: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  const query = queryString({ ...filter, after, limit: USER_PAGE_SIZE });
  return (await api.request<UserPage>(`/users${query}`, { signal })).data;
}

export async function createUser(api: ApiClient, input: UserInput): Promise<UserView> {
  return (await api.request<UserView>('/users', { method: 'POST', body: input })).data;
}

export async function updateUser(api: ApiClient, id: string, version: number, changes: UserChanges): Promise<UserView> {
  return patchVersion(api, `/users/${encodeURIComponent(id)}`, version, changes);
}

export async function resetUserPassword(api: ApiClient, id: string, newPassword: string): Promise<void> {
  await api.request<void>(`/users/${encodeURIComponent(id)}/password`, { method: 'POST', body: { newPassword } });
}
