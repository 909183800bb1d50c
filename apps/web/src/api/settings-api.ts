import type { EvidenceLimits, FourEyesSettings, GradeBand, InflationThresholds } from '@evalflow/domain';
import { patchVersion, putVersion, type ApiClient } from './client';
import type { DeadlineView, SettingsView } from './types';

export interface SettingsChanges {
  gradeBands?: GradeBand[];
  requireHeadSignOff?: boolean;
  inflationThresholds?: InflationThresholds;
  /** only the switches given change */
  fourEyes?: Partial<FourEyesSettings>;
  /** 佐证材料上限 (whole MB); only the limits given change */
  evidenceLimits?: Partial<EvidenceLimits>;
}

export async function getSettings(api: ApiClient, signal?: AbortSignal): Promise<SettingsView> {
  return (await api.request<SettingsView>('/settings', { signal })).data;
}

export async function updateSettings(api: ApiClient, version: number, changes: SettingsChanges): Promise<SettingsView> {
  return patchVersion(api, '/settings', version, changes);
}

export async function listDeadlines(api: ApiClient, signal?: AbortSignal): Promise<DeadlineView[]> {
  return (await api.request<DeadlineView[]>('/settings/deadlines', { signal })).data;
}

/** Sets a year's due date; `version` is 0 for a year that has none yet. */
export async function putDeadline(
  api: ApiClient,
  fiscalYear: number,
  version: number,
  dueOn: string,
  confirmed = false,
): Promise<DeadlineView> {
  return putVersion(api, `/settings/deadlines/${fiscalYear}`, version, { dueOn, ...(confirmed && { confirmed }) });
}
