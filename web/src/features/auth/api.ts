import { api, type ListReply } from '../../app/api';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string | null;
  partnerId?: string | null;
  /** a reset (or the first sign-in of a real company): only the password change works */
  mustChangePassword?: boolean;
}

export interface OwnSession {
  id: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

export function login(username: string, password: string) {
  return api.post<{ token: string; user: CurrentUser }>('/auth/login', { username, password }, { quiet: [401, 429] });
}

export function logout() {
  return api.post<unknown>('/auth/logout', {}, { quiet: true });
}

export function fetchMe() {
  return api.get<{ user: CurrentUser; demo?: boolean }>('/auth/me', undefined, { quiet: true });
}

/** public: whether this server holds the demo company */
export function fetchMeta() {
  return api.get<{ demo?: boolean }>('/meta', undefined, { quiet: true });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return api.post<void>('/auth/password', { currentPassword, newPassword }, { quiet: [400] });
}

export function listOwnSessions() {
  return api.get<ListReply<OwnSession>>('/auth/sessions');
}

export function endOwnSession(id: string) {
  return api.request<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
