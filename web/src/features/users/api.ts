import { api, type ListReply } from '../../app/api';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
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

export function listUsers(query: { role?: string; q?: string; page?: number; pageSize?: number } = {}, quiet: boolean | number[] = [404, 501]) {
  return api.get<ListReply<UserSummary>>('/users', query, { quiet });
}

export function createUser(body: NewUser) {
  return api.post<UserSummary>('/users', body);
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
