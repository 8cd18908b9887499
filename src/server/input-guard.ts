// One check of every parsed request (body, query, path parameters; paths named as in
// validation errors: `params.id`, `querystring.q`, `form.items.0.name`) before validation:
// text that no database can store is refused with a 400 naming the field, on every route.
// PostgreSQL refuses U+0000 in text and jsonb, and jsonb refuses lone UTF-16 surrogates.
import type { FastifyRequest } from 'fastify';
import { badRequest, issue, type FieldIssue, type Reason } from './errors.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored, or null when it can. */
export function unstorableText(s: string): Reason | null {
  if (s.includes('\u0000')) return 'text.nul';
  if (LONE_SURROGATE.test(s)) return 'text.lone_surrogate';
  return null;
}

/** Every unstorable string (values and keys) inside a parsed value, with its field path. */
export function unstorableFields(value: unknown, path: string[] = [], out: FieldIssue[] = [], depth = 0): FieldIssue[] {
  if (out.length >= 20 || depth > 64) return out;
  if (typeof value === 'string') {
    const why = unstorableText(value);
    if (why) out.push(issue(path.join('.') || '(root)', why));
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableFields(v, [...path, String(i)], out, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const why = unstorableText(k);
      if (why) out.push(issue([...path, JSON.stringify(k)].join('.'), why));
      else unstorableFields(v, [...path, k], out, depth + 1);
    }
  }
  return out;
}

/** preValidation hook: refuse unstorable text anywhere in the request with one 400. */
export async function refuseUnstorableText(req: FastifyRequest): Promise<void> {
  const issues = [
    ...unstorableFields(req.params, ['params']),
    ...unstorableFields(req.query, ['querystring']),
    ...unstorableFields(req.body),
  ];
  if (issues.length) throw badRequest(issues);
}
