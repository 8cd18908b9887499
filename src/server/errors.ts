// One error vocabulary: codes map to HTTP statuses here and nowhere else.
// The message is for users; internals (stacks, SQL) never leave the server.
export type ErrorCode =
  | 'validation_failed' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'payload_too_large' | 'uri_too_long' | 'unsupported_media_type' | 'rate_limited' | 'not_implemented' | 'internal'
  | 'password_change_required' | 'csrf' | 'gone';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, uri_too_long: 414, unsupported_media_type: 415, rate_limited: 429, not_implemented: 501, internal: 500,
  password_change_required: 403, csrf: 403, gone: 410,
};

export interface FieldIssue { path: string; message: string }

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const badRequest = (message: string, details?: FieldIssue[]) => new AppError('validation_failed', message, details);
export const fieldError = (path: string, message: string) => badRequest(`${path}: ${message}`, [{ path, message }]);
export const unauthorized = (message = '请先登录 / login required') => new AppError('unauthorized', message);
export const forbidden = (message = '无权执行此操作 / not allowed for your role') => new AppError('forbidden', message);
export const notFound = (what = 'record') => new AppError('not_found', `${what} not found`);
export const conflict = (message: string) => new AppError('conflict', message);
export const gone = (message: string) => new AppError('gone', message);
export const notImplemented = (what: string) => new AppError('not_implemented', `${what} is not built yet`);

/** zod issues → details naming each field path (`form.equipment.0.quantity`). */
export function zodDetails(issues: { path: PropertyKey[]; message: string }[], prefix?: string): FieldIssue[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || (prefix ?? '(root)'),
    message: i.message,
  }));
}

export function errorBody(e: AppError) {
  return { error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } };
}
