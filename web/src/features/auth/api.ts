import { api, type Schemas } from '../../app/api';

/** Who is signed in. */
export type CurrentUser = Schemas['Actor'];

export function login(username: string, password: string) {
  return api.post<Schemas['LoginReply']>('/auth/login', { username, password }, { quiet: [401] });
}

export function logout() {
  return api.post<Schemas['Ok']>('/auth/logout', {}, { quiet: true });
}

export function fetchMe() {
  return api.get<Schemas['Me']>('/auth/me', undefined, { quiet: true });
}
