import { api, type Schemas } from '../../app/api';

/** Who is signed in; `mustChangePassword`: after a reset (or the first sign-in of a real company) only the password change works. */
export type CurrentUser = Schemas['SignedInUser'];

export type OwnSession = Schemas['SessionList']['items'][number];

export function login(username: string, password: string) {
  return api.post<Schemas['LoginReply']>('/auth/login', { username, password }, { quiet: [401, 429] });
}

export function logout() {
  return api.post<Schemas['Ok']>('/auth/logout', {}, { quiet: true });
}

/** Whether a sign-in set its cookie in this browser (the session itself is HttpOnly, unreadable here). */
export function maybeSignedIn(): boolean {
  return document.cookie.split(';').some((c) => c.trim().startsWith('fy_signed_in='));
}

/** Who is signed in; without a sign-in in this browser it does not ask (a 401 would log an error on every sign-in page). */
export function fetchMe() {
  if (!maybeSignedIn()) return Promise.reject(new Error('not signed in'));
  return api.get<Schemas['Me']>('/auth/me', undefined, { quiet: true });
}

/** public: whether this server holds the demo company */
export function fetchMeta() {
  return api.get<Schemas['Meta']>('/meta', undefined, { quiet: true });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return api.post<void>('/auth/password', { currentPassword, newPassword }, { quiet: [400] });
}

export function listOwnSessions() {
  return api.get<Schemas['SessionList']>('/auth/sessions');
}

export function endOwnSession(id: string) {
  return api.request<void>(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
