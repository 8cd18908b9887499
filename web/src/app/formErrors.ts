// Map a 400 reply's `details` ([{path, message}], path like `form.equipment.0.quantity`
// or `survey.bandwidthMbps`) onto antd Form fields. Forms name their fields after the
// wire body (['form', 'equipment', 0, 'quantity']), so most paths match directly.
import type { FormInstance } from 'antd';
import { ApiError, type ErrorDetail } from './api';

type NamePath = (string | number)[];

function toNamePath(path: string): NamePath {
  return path
    .split(/[.[\]]+/)
    .filter(Boolean)
    .map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/** Put server errors on matching fields; returns the details no field could take. */
export function applyServerErrors(form: FormInstance, err: unknown, aliases: Record<string, string> = {}): ErrorDetail[] {
  if (!(err instanceof ApiError) || err.details.length === 0) return [];
  const registered = new Map<string, NamePath>();
  for (const f of form.getFieldsError()) registered.set(f.name.join('.'), f.name as NamePath);
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: ErrorDetail[] = [];
  for (const d of err.details) {
    let path = d.path;
    for (const [from, to] of Object.entries(aliases)) {
      if (path === from || path.startsWith(`${from}.`)) path = to + path.slice(from.length);
    }
    const segs = toNamePath(path);
    let hit: NamePath | undefined;
    // exact path, then the same path without its first segment (body wrapper), then parents
    const tries: NamePath[] = [segs, segs.slice(1)];
    for (let i = segs.length - 1; i > 0; i--) tries.push(segs.slice(0, i));
    for (const cand of tries) {
      const key = cand.join('.');
      if (cand.length && registered.has(key)) {
        hit = registered.get(key);
        break;
      }
    }
    if (!hit) {
      unmatched.push(d);
      continue;
    }
    const key = hit.join('.');
    const entry = byField.get(key) ?? { name: hit, errors: [] };
    entry.errors.push(d.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()].map((e) => ({ name: e.name, errors: e.errors })));
  const first = [...byField.values()][0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}

/** The form's values once its own rules pass; `undefined` when they do not (the fields then show why).
 *  antd's validateFields rejects instead, which a click handler would leave uncaught. */
export async function validated<V>(form: FormInstance<V>): Promise<V | undefined> {
  try {
    return await form.validateFields();
  } catch {
    return undefined;
  }
}
