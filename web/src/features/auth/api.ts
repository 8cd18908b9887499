import { api } from '../../app/api';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string | null;
  partnerId?: string | null;
}

export function login(username: string, password: string) {
  return api.post<{ token: string; user: CurrentUser }>('/auth/login', { username, password }, { quiet: [401] });
}

export function logout() {
  return api.post<unknown>('/auth/logout', {}, { quiet: true });
}

export function fetchMe() {
  return api.get<{ user: CurrentUser }>('/auth/me', undefined, { quiet: true });
}
