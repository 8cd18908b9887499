import { api, type ListReply } from '../../app/api';

export interface AppNotification {
  id: string;
  kind: string;
  taskId?: string | null;
  caseId?: string | null;
  caseType?: string | null;
  message: string;
  createdAt: string;
  read: boolean;
}

/** Polled in the background: failures stay quiet (no notice every 30 s). */
export function fetchNotifications() {
  return api.get<ListReply<AppNotification>>('/notifications', undefined, { quiet: true });
}

export function markNotificationRead(id: string) {
  return api.post<unknown>(`/notifications/${encodeURIComponent(id)}/read`, {}, { quiet: [404] });
}
