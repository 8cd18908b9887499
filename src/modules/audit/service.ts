// The audit trail: append-only (a database trigger refuses UPDATE/DELETE). Read back through
// `auditOfCase`, which shows each reader form contents only from forms it may read.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit } from '../../db/schema.js';
import type { Actor } from '../../server/context.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import { copiesOf, maskCopiedFields, mayReadCompletion, mayReadForm, type FormScope } from '../../policies/form.js';

export interface AuditEntry {
  at: Date; actorId: string | null; action: string; entity: string; entityId: string;
  caseId?: string | null; before?: unknown; after?: unknown;
}

export async function appendAudit(tx: Tx, e: AuditEntry) {
  await appendAudits(tx, [e]);
}

/** Several entries in one INSERT, in this order (ids ascend with it). */
export async function appendAudits(tx: Tx, entries: AuditEntry[]) {
  if (!entries.length) return;
  await tx.insert(audit).values(entries.map((e) => ({
    at: e.at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId,
    caseId: e.caseId ?? null, before: e.before ?? null, after: e.after ?? null,
  })));
}

/** Is there already an entry like this one (one audit line per actor and document read as input)? */
export async function hasAuditEntry(tx: Tx, e: { caseId: string; action: string; entityId: string; actorId: string }) {
  const rows = await tx.select({ id: audit.id }).from(audit)
    .where(and(eq(audit.caseId, e.caseId), eq(audit.action, e.action), eq(audit.entityId, e.entityId), eq(audit.actorId, e.actorId))).limit(1);
  return rows.length > 0;
}

/** Who reads a case's trail, and what decides the copy lists of its forms. */
export interface AuditReader {
  actor: Actor;
  /** the definition version of the case (its forms' copy lists and steps' documents) */
  def: ProcessDefinition | undefined;
  scope?: Omit<FormScope, 'copies'>;
}

type Json = Record<string, unknown> | undefined;
/** A word a step left for the next person: a field of an unnumbered form (revise comments, the
 *  inquiry's answer, a lost reason), labelled from the definition. */
export interface Word { field: string; label: { zh: string; en: string }; value: string }
type Entry = {
  at: string; actorId: string | null; action: string; entity: string; entityId: string; before?: unknown; after?: unknown; withheld?: true;
  step?: string; outcome?: string; note?: string; comments?: Word[];
};

/** The words of a completion's unnumbered form (a numbered form is a document of its own). */
function wordsOf(def: ProcessDefinition | undefined, step: string, outcome: string | undefined, form: Json): Word[] {
  const s = def?.steps[step];
  const t = s && (s.outcomes[outcome ?? ''] ?? Object.values(s.outcomes)[0]);
  const f = t?.form ? def?.forms[t.form] : undefined;
  if (!f || f.prefix || !form) return [];
  const words: Word[] = [];
  for (const field of f.fields) {
    const v = form[field.key];
    if (v === undefined || v === null || v === '') continue;
    if (field.type === 'text' || field.type === 'longtext') words.push({ field: field.key, label: field.label, value: String(v) });
    else if (field.type === 'select') {
      const option = field.options?.find((o) => o.value === v);
      words.push({ field: field.key, label: field.label, value: option ? option.label.zh : String(v) });
    }
  }
  return words;
}

/** One entry as the reader may see it: step, outcome, actor, time and notes always; form
 *  fields only from forms on the reader's copy list (`withheld: true` says some were left out). */
export function presentAuditEntry(r: AuditReader, e: Entry): Entry {
  const c = r.scope ?? {};
  const before = e.before as Json;
  let after = e.after as Json;
  let withheld = false;
  if (e.action === 'document.create' && after) {
    if (!mayReadForm(r.actor, { ...c, copies: copiesOf(r.def, String(after.form)) })) {
      after = { form: after.form, number: after.number };
      withheld = true;
    }
  } else if (e.action === 'task.complete' && after && 'form' in after) {
    if (!mayReadCompletion(r.actor, r.def, String(before?.step ?? ''), after.outcome as string | undefined, c)) {
      // the form's values and the suggestions taken or overwritten (values of the same form)
      const { form: _withheld, defaults: _defaults, ...rest } = after;
      after = rest;
      withheld = true;
    }
  }
  const out: Entry = {
    ...e,
    ...(e.before !== undefined ? { before: maskCopiedFields(r.actor, r.def, before, c) } : {}),
    ...(e.after !== undefined ? { after: maskCopiedFields(r.actor, r.def, after, c) } : {}),
  };
  if (withheld) out.withheld = true;
  if (e.action === 'task.complete') {
    // the hand-off: what the step was, how it ended, and the words it left for the next person
    const step = String(before?.step ?? '');
    const outcome = typeof after?.outcome === 'string' ? after.outcome : undefined;
    out.step = step;
    if (outcome) out.outcome = outcome;
    if (typeof after?.note === 'string' && after.note) out.note = after.note;
    const words = after && 'form' in after ? wordsOf(r.def, step, outcome, after.form as Json) : [];
    if (words.length) out.comments = words;
  }
  return out;
}

/** The words a completed step left (its note, then each word with its Chinese label), as one
 *  line for a message to the next person; empty when it left none. */
export function handoffText(e: { note?: string; comments?: Word[] }, max = 300): string {
  const parts = [...(e.note ? [e.note] : []), ...(e.comments ?? []).map((w) => `${w.label.zh}：${w.value}`)];
  const text = parts.join('；');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** What the latest completed step of a case left for `reader` (the next person), as one line. */
export async function lastHandoffText(tx: Tx, caseId: string, reader: AuditReader): Promise<string> {
  const [row] = await tx.select().from(audit).where(and(eq(audit.caseId, caseId), eq(audit.action, 'task.complete'))).orderBy(desc(audit.id)).limit(1);
  if (!row) return '';
  const e = presentAuditEntry(reader, {
    at: row.at.toISOString(), actorId: row.actorId, action: row.action, entity: row.entity, entityId: row.entityId,
    ...(row.before != null ? { before: row.before } : {}), ...(row.after != null ? { after: row.after } : {}),
  });
  return handoffText(e);
}

export async function auditOfCase(tx: Tx, caseId: string, reader: AuditReader) {
  const rows = await tx.select().from(audit).where(eq(audit.caseId, caseId)).orderBy(asc(audit.id));
  return rows.map((r) => presentAuditEntry(reader, {
    at: r.at.toISOString(), actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId,
    ...(r.before != null ? { before: r.before } : {}), ...(r.after != null ? { after: r.after } : {}),
  }));
}
