// A form's fields → the zod schema its input is validated with (strict objects, trimmed texts,
// integer fen, ISO times with offset). Computed fields are not input and are left out.
import { z } from 'zod';
import type { FieldSpec, FormDefinition } from './definition.js';
import { isoDate, isoTime } from '../iso.js';

const DATA_URL_IMAGE = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

function textSchema(f: FieldSpec, defaultMax: number) {
  const s = z.string().trim().max(f.max ?? defaultMax);
  return f.required ? s.min(Math.max(1, f.min ?? 1), 'required') : f.min ? s.min(f.min) : s;
}

/** The schema of one field's value (required or not is applied by the caller). */
export function fieldValueSchema(f: FieldSpec): z.ZodType {
  switch (f.type) {
    case 'text': return textSchema(f, 2000);
    case 'longtext': return textSchema(f, 5000);
    case 'int': return z.number().int('must be an integer').min(f.min ?? 0).max(f.max ?? 100000);
    case 'decimal': return z.number().min(f.min ?? 0).max(f.max ?? 1e9);
    case 'money': return z.number().int('must be integer fen').min(f.min ?? 0).max(f.max ?? 1e13);
    case 'percent': return z.number().min(f.min ?? 0).max(f.max ?? 100);
    case 'bool': return z.boolean();
    case 'date': return isoDate;
    case 'datetime': return isoTime;
    case 'select': return z.enum((f.options ?? []).map((o) => o.value) as [string, ...string[]]);
    case 'user': {
      const id = z.string().min(1).max(100);
      return f.multiple ? z.array(id).min(f.min ?? (f.required ? 1 : 0)).max(f.max ?? 20) : id;
    }
    case 'lines': return z.array(objectSchema(f.columns ?? [])).min(f.min ?? (f.required ? 1 : 0)).max(f.max ?? 200);
    case 'signature': return z.string().max(f.max ?? 300000).regex(DATA_URL_IMAGE, 'must be a data:image/png;base64 URL');
    case 'group': return objectSchema(f.fields ?? []);
  }
}

function objectSchema(fields: FieldSpec[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const f of fields) {
    if (f.computed || f.hidden) continue;
    const v = fieldValueSchema(f);
    // a required field with a suggested default may be left out: the default fills it
    shape[f.key] = f.required && !f.default ? v : v.optional();
  }
  return z.object(shape).strict();
}

const schemas = new WeakMap<object, z.ZodType<Record<string, unknown>>>();
const NO_FORM = objectSchema([]);

/** The input schema of a form (no form: an empty object); built once per form of a loaded definition. */
export function formInputSchema(form: Pick<FormDefinition, 'fields'> | undefined): z.ZodType<Record<string, unknown>> {
  if (!form) return NO_FORM;
  let s = schemas.get(form);
  if (!s) schemas.set(form, s = objectSchema(form.fields));
  return s;
}

/** The document's fields from a validated input: a group's fields are stored flat beside the others. */
export function flattenGroups(fields: FieldSpec[], input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    const f = fields.find((x) => x.key === k);
    if (f?.type === 'group' && v && typeof v === 'object') Object.assign(out, flattenGroups(f.fields ?? [], v as Record<string, unknown>));
    else out[k] = v;
  }
  return out;
}

/** The fields of an input the actor's roles may not fill (`filledBy`), as dotted paths. */
export function fieldsNotFilledBy(fields: FieldSpec[], input: Record<string, unknown>, roles: string[], prefix = ''): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const v = input[f.key];
    if (v === undefined) continue;
    if (f.filledBy && !f.filledBy.some((r) => roles.includes(r))) out.push(`${prefix}${f.key}`);
    else if (f.type === 'group' && v && typeof v === 'object') out.push(...fieldsNotFilledBy(f.fields ?? [], v as Record<string, unknown>, roles, `${prefix}${f.key}.`));
  }
  return out;
}

/** Every field in print order: a group's fields in its place. */
export function flatFields(fields: FieldSpec[]): FieldSpec[] {
  return fields.flatMap((f) => (f.type === 'group' ? flatFields(f.fields ?? []) : [f]));
}
