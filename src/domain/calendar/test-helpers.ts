// Shared by the calendar tests: Asia/Shanghai wall-clock helpers (fixed +08:00).

/** Instant of a Shanghai wall-clock time, e.g. sh('2025-01-27 09:00'). */
export function sh(local: string): Date {
  const d = new Date(`${local.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(d.getTime())) throw new Error(`bad test time ${local}`);
  return d;
}

/** Shanghai wall-clock rendering 'YYYY-MM-DD HH:MM' of an instant. */
export function fmt(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** All dates 'YYYY-MM-DD' from `from` to `to` inclusive. */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
