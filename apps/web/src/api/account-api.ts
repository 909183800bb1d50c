import type { ApiClient } from './client';

/** Changes the signed-in user's own password; the API ends the user's other sessions. */
export async function changeOwnPassword(api: ApiClient, currentPassword: string, newPassword: string): Promise<void> {
  await api.request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
}
