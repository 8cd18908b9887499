import { api, type ListReply } from '../../app/api';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department?: string | null;
  partnerId?: string | null;
  active?: boolean;
  mustChangePassword?: boolean;
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  department?: string | null;
  partnerId?: string | null;
  active?: boolean;
}

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
  partnerId?: string;
}

export function listUsers(query: { role?: string; q?: string; status?: 'active' | 'inactive' | 'all'; page?: number; pageSize?: number } = {}, quiet: boolean | number[] = [404, 501]) {
  return api.get<ListReply<UserSummary>>('/users', query, { quiet });
}

export function createUser(body: NewUser) {
  return api.post<UserSummary>('/users', body);
}

export function updateUser(id: string, patch: UserPatch) {
  return api.patch<UserSummary>(`/users/${encodeURIComponent(id)}`, patch);
}

export function resetUserPassword(id: string, password: string) {
  return api.post<void>(`/users/${encodeURIComponent(id)}/password`, { password }, { quiet: [400] });
}

export function endUserSessions(id: string) {
  return api.request<void>(`/users/${encodeURIComponent(id)}/sessions`, { method: 'DELETE' });
}

export interface Partner {
  id: string;
  name: string;
  certifiedUntil?: string;
  certified?: boolean;
}

export function listPartners() {
  return api.get<ListReply<Partner>>('/partners', undefined, { quiet: true });
}
