// A case's history entries (shown in the thread, chatter/components/CaseActivity.tsx).

export interface HistoryRow {
  at: string;
  actorId?: string | null;
  action: string;
  after?: unknown;
  /** the server left out fields from forms the reader is not copied on */
  withheld?: boolean;
  /** a completed step: which, how it ended, and the words it left for the next person */
  step?: string;
  outcome?: string;
  note?: string;
  comments?: { field: string; label: { zh: string; en: string }; value: string }[];
}

export function summary(after: unknown, tk: (p: string, v: string) => string): string {
  if (!after || typeof after !== 'object') return '';
  const a = after as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof a.step === 'string') parts.push(tk('step', a.step));
  if (typeof a.outcome === 'string' && a.outcome !== 'done') parts.push(tk('outcome', a.outcome));
  if (Array.isArray(a.next) && a.next.length) parts.push(`→ ${a.next.map((s) => tk('step', String(s))).join(', ')}`);
  if (typeof a.end === 'string') parts.push(`→ ${tk('state', a.end)}`);
  if (typeof a.note === 'string' && a.note) parts.push(a.note);
  return parts.join(' ');
}
