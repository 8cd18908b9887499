// Where a form starts from and what a field another role fills currently holds: the field's
// `prefill` paths in the definition, read from the case and its documents (src/domain/process/definition.ts).
import type { FieldSpec } from './api';

/** What a form can read of its case: the case itself and its documents (only those the reader may read). */
export interface CaseContext {
  /** the case's customer: fields that offer the customer's devices read them */
  customerId?: string;
  documents?: readonly { form: string; fields?: Record<string, unknown> | null; createdAt: string }[] | null;
}

/** The newest document of a form on the case. */
export function latestDocument(c: CaseContext | undefined, form: string): Record<string, unknown> | undefined {
  const docs = (c?.documents ?? []).filter((d) => d.form === form);
  docs.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return docs[0]?.fields ?? undefined;
}

function walk(value: unknown, keys: string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (Array.isArray(v)) v = v[k === '-1' ? v.length - 1 : Number(k)];
    else if (v && typeof v === 'object') v = (v as Record<string, unknown>)[k];
    else return undefined;
  }
  return v;
}

/** One row per unit of lines that have a `quantity` (at most 50 a line); brand and model become `brandModel`. */
function units(rows: unknown): Record<string, unknown>[] | undefined {
  if (!Array.isArray(rows) || !rows.length) return undefined;
  return rows.flatMap((r: Record<string, unknown>) => {
    const n = Math.min(Math.max(Number(r.quantity) || 1, 1), 50);
    const { quantity: _q, ...rest } = r;
    const brandModel = [r.brand, r.model].filter(Boolean).join(' ') || undefined;
    return Array.from({ length: n }, () => ({ ...rest, brandModel }));
  });
}

/** The value a path names: `case.<field>`, `<form>.<path>` (`-1` = last row), `units:<form>.<lines>`. */
export function valueAt(c: CaseContext | undefined, path: string): unknown {
  const [transform, rest] = path.startsWith('units:') ? ['units', path.slice(6)] : [undefined, path];
  const [head, ...keys] = rest.split('.');
  const v = head === 'case' ? walk(c as Record<string, unknown> | undefined, keys) : walk(latestDocument(c, head), keys);
  return transform === 'units' ? units(v) : v;
}

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The first of a field's prefill paths that has a value. */
export function prefillOf(f: FieldSpec, c: CaseContext | undefined): unknown {
  for (const p of f.prefill ?? []) {
    const v = valueAt(c, p);
    if (present(v)) return v;
  }
  return undefined;
}

/** A form's starting values: prefills, and one empty row for required lines. */
export function initialValues(fields: FieldSpec[], c: CaseContext | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.computed) continue;
    if (f.type === 'group') {
      const inner = initialValues(f.fields ?? [], c);
      if (Object.keys(inner).length) out[f.key] = inner;
      continue;
    }
    const v = prefillOf(f, c);
    if (present(v)) out[f.key] = v;
    else if (f.type === 'lines' && (f.required || (f.min ?? 0) > 0)) out[f.key] = [{}];
  }
  return out;
}
