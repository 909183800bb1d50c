import { queryString, type ApiClient } from './client';
import type { NotificationPage, NotificationView } from './types';

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
