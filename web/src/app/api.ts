// The one HTTP client of the web app. Every failure goes through `reportApiError`
// (errors.ts) unless the caller explicitly takes over for some statuses (`quiet`).
import { reportApiError } from './errors';
import { currentLanguage } from './i18n';
import { translateReason } from './i18n/reasons';
import type { components } from './api-schema';

/** The server's reply shapes, generated from its OpenAPI document (`npm run api:types`). */
export type Schemas = components['schemas'];

export const API_BASE = '/api/v1';
// The session lives only in the server's HttpOnly cookie: no token is kept where a script
// could read it. Non-GET calls carry the page's Origin, which the server checks (CSRF).

/** One bad field; `message` is already in the user's language (from `reason` and `params`). */
export interface ErrorDetail {
  path: string;
  message: string;
  reason?: string;
  params?: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** why, from the server's catalogue of reasons (src/server/messages.ts) */
  readonly reason: string | undefined;
  readonly params: Record<string, unknown>;
  readonly details: ErrorDetail[];
  constructor(status: number, code: string, message: string, details: ErrorDetail[] = [], reason?: string, params: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.reason = reason;
    this.params = params;
    this.details = details;
  }
}

const asParams = (v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined);

type UnauthorizedListener = () => void;
let onUnauthorized: UnauthorizedListener | null = null;
/** The auth provider registers here: a 401 anywhere sends the user back to login. */
export function setUnauthorizedListener(fn: UnauthorizedListener | null): void {
  onUnauthorized = fn;
}

type PasswordChangeListener = () => void;
let onPasswordChangeRequired: PasswordChangeListener | null = null;
/** The auth provider registers here: a 403 password_change_required shows the forced change. */
export function setPasswordChangeListener(fn: PasswordChangeListener | null): void {
  onPasswordChangeRequired = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  /** statuses the caller handles itself (no global message); `true` = all */
  quiet?: boolean | number[];
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: Query): string {
  const url = path.startsWith('/api/') ? path : `${API_BASE}${path}`;
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

function normalizeDetails(raw: unknown): ErrorDetail[] {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => {
      const reason = typeof d.reason === 'string' ? d.reason : undefined;
      const params = asParams(d.params);
      return {
        path: Array.isArray(d.path) ? d.path.join('.') : String(d.path ?? ''),
        message: translateReason(reason, params, String(d.message ?? ''), currentLanguage()),
        reason,
        params,
      };
    });
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | FormData | undefined;
  // a file upload: the browser sets the multipart boundary itself
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method: opts.method ?? (body !== undefined ? 'POST' : 'GET'),
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const err = new ApiError(0, 'network', '');
    if (opts.quiet !== true) reportApiError(err);
    throw err;
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const e = (data as { error?: { code?: string; reason?: string; params?: unknown; message?: string; details?: unknown } } | null)?.error;
    const params = asParams(e?.params) ?? {};
    const message = translateReason(e?.reason, params, e?.message ?? '', currentLanguage());
    const err = new ApiError(res.status, e?.code ?? String(res.status), message, normalizeDetails(e?.details), e?.reason, params);
    const isLogin = path.endsWith('/auth/login');
    if (res.status === 401 && !isLogin) onUnauthorized?.();
    if (err.code === 'password_change_required') onPasswordChangeRequired?.();
    const quiet = opts.quiet === true || (Array.isArray(opts.quiet) && opts.quiet.includes(res.status));
    if (!quiet) reportApiError(err);
    throw err;
  }
  return data as T;
}

export const api = {
  request,
  get: <T>(path: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'method'> = {}) =>
    request<T>(path, { ...opts, query, method: 'GET' }),
  post: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, body: body ?? {}, method: 'POST' }),
  put: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, body: body ?? {}, method: 'PUT' }),
  patch: <T>(path: string, body?: unknown, opts: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...opts, body: body ?? {}, method: 'PATCH' }),
};

/** A list reply: `{ items, total }` (paged) or `{ items }`. */
export interface ListReply<T> {
  items: T[];
  total?: number;
}
