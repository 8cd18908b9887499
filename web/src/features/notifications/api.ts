import { api, type Schemas } from '../../app/api';

export type AppNotification = Schemas['Notification'];

/** Polled in the background: failures stay quiet (no notice every 30 s). */
export function fetchNotifications() {
  return api.get<Schemas['NotificationList']>('/notifications', undefined, { quiet: true });
}

export function markNotificationRead(id: string) {
  return api.post<Schemas['Ok']>(`/notifications/${encodeURIComponent(id)}/read`, {}, { quiet: [404] });
}

// ---- issue 16: the sysadmin's channels, routing and outbox
export type NotificationSettings = Schemas['NotificationSettings'];
export type OutboxMessage = Schemas['OutboxMessage'];
export type Channel = 'email' | 'dingtalk' | 'wecom';
export const CHANNELS: Channel[] = ['email', 'dingtalk', 'wecom'];
export const EVENT_KINDS = ['assigned', 'returned', 'mentioned', 'overdue', 'escalated', 'vip_after_hours'] as const;

export function getNotificationSettings() {
  return api.get<NotificationSettings>('/settings/notifications');
}

/** A key left out stays as it is; null removes a channel. Secrets are write-only. */
export function putNotificationSettings(body: Record<string, unknown>) {
  return api.put<NotificationSettings>('/settings/notifications', body);
}

export function sendTestMessage(body: { channel: Channel; to?: string }) {
  return api.post<Schemas['TestMessageResult']>('/settings/notifications/test', body);
}

export function listOutbox(query: Record<string, string | number | undefined>) {
  return api.get<Schemas['OutboxPage']>('/outbox', query);
}

export function retryOutbox(id: string) {
  return api.post<OutboxMessage>(`/outbox/${encodeURIComponent(id)}/retry`, {});
}
