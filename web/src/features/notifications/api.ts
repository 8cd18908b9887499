import { api, type Schemas } from '../../app/api';

export type AppNotification = Schemas['Notification'];

/** Polled in the background: failures stay quiet (no notice every 30 s). */
export function fetchNotifications() {
  return api.get<Schemas['NotificationList']>('/notifications', undefined, { quiet: true });
}

export function markNotificationRead(id: string) {
  return api.post<Schemas['Ok']>(`/notifications/${encodeURIComponent(id)}/read`, {}, { quiet: [404] });
}
