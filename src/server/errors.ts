// One error vocabulary: codes map to HTTP statuses here and nowhere else. An error says
// why with a `reason` from the catalogue (messages.ts) and its `params`; `message` is the
// English rendering for API users and the web translates the reason. Internals (stacks,
// SQL) never leave the server.
import { renderReason, type Reason, type ReasonParams } from './messages.js';

export type { Reason, ReasonParams };

export type ErrorCode =
  | 'validation_failed' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'payload_too_large' | 'uri_too_long' | 'unsupported_media_type' | 'rate_limited' | 'not_implemented' | 'internal'
  | 'password_change_required' | 'csrf' | 'gone';

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, uri_too_long: 414, unsupported_media_type: 415, rate_limited: 429, not_implemented: 501, internal: 500,
  password_change_required: 403, csrf: 403, gone: 410,
};

/** One bad field: its path in the request body and why. */
export interface FieldIssue {
  path: string;
  message: string;
  reason: Reason;
  params?: ReasonParams;
}

export function issue(path: string, reason: Reason, params?: ReasonParams): FieldIssue {
  return { path, message: renderReason(reason, params), reason, ...(params ? { params } : {}) };
}

export class AppError extends Error {
  readonly params: ReasonParams;
  constructor(
    readonly code: ErrorCode,
    readonly reason: Reason,
    params?: ReasonParams,
    readonly details?: FieldIssue[],
  ) {
    super(renderReason(reason, params));
    this.params = params ?? {};
  }
  get status(): number {
    return STATUS[this.code];
  }
}

const fieldsOf = (details: FieldIssue[]) => details.map((d) => d.path).join(', ');

/** A 400 for a whole body (`survey.invalid`) or, without a reason, naming the bad fields. */
export const badRequest = (details: FieldIssue[], reason: Reason = 'request.invalid', params?: ReasonParams) =>
  new AppError('validation_failed', reason, params ?? (reason === 'request.invalid' ? { fields: fieldsOf(details) } : undefined), details);
export const fieldError = (path: string, reason: Reason, params?: ReasonParams) => new AppError('validation_failed', reason, params, [issue(path, reason, params)]);
export const unauthorized = (reason: Reason = 'auth.login_required') => new AppError('unauthorized', reason);
export const forbidden = (reason: Reason = 'forbidden', params?: ReasonParams) => new AppError('forbidden', reason, params);
export const notFound = (entity = 'record') => new AppError('not_found', 'not_found', { entity });
export const conflict = (reason: Reason, params?: ReasonParams, details?: FieldIssue[]) => new AppError('conflict', reason, params, details);
/** 410: a link used up or expired (the customer's rating link) */
export const gone = (reason: Reason, params?: ReasonParams) => new AppError('gone', reason, params);

const ZOD_PARAMS = ['expected', 'minimum', 'maximum', 'format', 'values', 'keys', 'divisor', 'origin'] as const;

/** zod issues → details naming each field path (`form.equipment.0.quantity`), with the
 *  issue's code as the reason (`zod.too_small`) and its limits as parameters. */
export function zodDetails(issues: readonly { path: PropertyKey[]; message: string; code?: string }[], prefix?: string): FieldIssue[] {
  return issues.map((issue) => {
    const i = issue as typeof issue & Record<string, unknown>;
    const path = [prefix, ...i.path.map(String)].filter((p) => p !== undefined && p !== '').join('.') || (prefix ?? '(root)');
    const reason = (`zod.${i.code ?? 'other'}` as Reason) in ZOD_REASONS ? (`zod.${i.code}` as Reason) : 'zod.other';
    const params: ReasonParams = {};
    for (const k of ZOD_PARAMS) {
      const v = i[k];
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') params[k] = String(v);
      else if (Array.isArray(v)) params[k] = v.map(String).join(', ');
    }
    if (reason === 'zod.custom' || reason === 'zod.other') params.detail = i.message;
    // zod's own English text stays the message: it is more precise than the catalogue's
    return { path, message: i.message, reason, params };
  });
}
const ZOD_REASONS: Record<string, true> = Object.fromEntries(
  ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'invalid_value', 'unrecognized_keys', 'not_multiple_of', 'custom'].map((c) => [`zod.${c}`, true]),
);

export function errorBody(e: AppError) {
  return {
    error: {
      code: e.code,
      reason: e.reason,
      message: e.message,
      ...(Object.keys(e.params).length ? { params: e.params } : {}),
      ...(e.details ? { details: e.details } : {}),
    },
  };
}
