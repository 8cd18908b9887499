// Shapes form values into a wire body: the server's schemas are strict, so empty
// optional inputs (null, undefined, '') are left out rather than sent.
export function cleanBody<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cleanBody(v)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined || v === null) continue;
      if (typeof v === 'string' && v.trim() === '') continue;
      out[k] = cleanBody(v);
    }
    return out as T;
  }
  if (typeof value === 'string') return value.trim() as T;
  return value;
}
