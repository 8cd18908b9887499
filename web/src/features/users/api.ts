import { api, type Schemas } from '../../app/api';

export type UserSummary = Schemas['User'];

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

export function listUsers(query: { role?: string; q?: string; status?: 'active' | 'inactive' | 'all'; page?: number; pageSize?: number; sort?: string } = {}, quiet: boolean | number[] = false) {
  return api.get<Schemas['UserPage']>('/users', query, { quiet });
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

export type Partner = Schemas['Partner'];

export function listPartners() {
  return api.get<Schemas['PartnerList']>('/partners', undefined, { quiet: true });
}
