import type { DepartmentKind } from '@evalflow/domain';
import { patchVersion, queryString, type ApiClient } from './client';
import type { DepartmentView } from './types';

export interface DepartmentFilter {
  kind?: DepartmentKind;
  q?: string;
}

export interface DepartmentInput {
  name: string;
  kind: DepartmentKind;
  unitNature?: string;
  unitLevel?: string;
  fundingForm?: string;
  budgetCode?: string;
}

/** null clears an optional text field. */
export interface DepartmentChanges {
  name?: string;
  kind?: DepartmentKind;
  unitNature?: string | null;
  unitLevel?: string | null;
  fundingForm?: string | null;
  budgetCode?: string | null;
  active?: boolean;
}

export async function listDepartments(
  api: ApiClient,
  filter: DepartmentFilter = {},
  signal?: AbortSignal,
): Promise<DepartmentView[]> {
  return (await api.request<DepartmentView[]>(`/departments${queryString({ ...filter })}`, { signal })).data;
}

export async function createDepartment(api: ApiClient, input: DepartmentInput): Promise<DepartmentView> {
  return (await api.request<DepartmentView>('/departments', { method: 'POST', body: input })).data;
}

export async function updateDepartment(
  api: ApiClient,
  id: string,
  version: number,
  changes: DepartmentChanges,
): Promise<DepartmentView> {
  return patchVersion(api, `/departments/${encodeURIComponent(id)}`, version, changes);
}
