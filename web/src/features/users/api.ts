import { api, type Schemas } from '../../app/api';

export type UserSummary = Schemas['User'];

export interface NewUser {
  username: string;
  password: string;
  displayName: string;
  roles: string[];
  partnerId?: string;
}

export function listUsers(query: { role?: string; q?: string; page?: number; pageSize?: number } = {}, quiet: boolean | number[] = false) {
  return api.get<Schemas['UserPage']>('/users', query, { quiet });
}

export function createUser(body: NewUser) {
  return api.post<UserSummary>('/users', body);
}

export type Partner = Schemas['Partner'];

export function listPartners() {
  return api.get<Schemas['PartnerList']>('/partners', undefined, { quiet: true });
}
