import type { MailKind } from '@evalflow/domain';
import { putVersion, queryString, type ApiClient } from './client';
import type { NotificationPage, NotificationView } from './types';

/** One's own notification settings: where e-mail goes, and the kinds not to e-mail. */
export interface NotificationSettings {
  email: string | null;
  mailOptOut: MailKind[];
  version: number;
}

export async function listNotifications(
  api: ApiClient,
  options: { unreadOnly?: boolean; cursor?: string | null } = {},
  signal?: AbortSignal,
): Promise<NotificationPage> {
  const query = queryString({ unread: options.unreadOnly ? true : undefined, cursor: options.cursor });
  return (await api.request<NotificationPage>(`/notifications${query}`, { signal })).data;
}

export async function markNotificationRead(api: ApiClient, id: string): Promise<NotificationView> {
  const path = `/notifications/${encodeURIComponent(id)}/read`;
  return (await api.request<NotificationView>(path, { method: 'POST' })).data;
}

/** Marks every unread notification of the signed-in user read; answers how many it marked. */
export async function markAllNotificationsRead(api: ApiClient): Promise<{ marked: number; unread: number }> {
  return (await api.request<{ marked: number; unread: number }>('/notifications/read-all', { method: 'POST' })).data;
}

export async function getNotificationSettings(api: ApiClient, signal?: AbortSignal): Promise<NotificationSettings> {
  return (await api.request<NotificationSettings>('/notifications/settings', { signal })).data;
}

export async function saveNotificationSettings(
  api: ApiClient,
  version: number,
  settings: Pick<NotificationSettings, 'email' | 'mailOptOut'>,
): Promise<NotificationSettings> {
  return putVersion(api, '/notifications/settings', version, settings);
}
