// The audit trail: append-only (a database trigger refuses UPDATE/DELETE). Read back through
// `auditOfCase`, which shows each reader form contents only from forms it may read.
import { asc, eq } from 'drizzle-orm';
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
  await tx.insert(audit).values({
    at: e.at, actorId: e.actorId, action: e.action, entity: e.entity, entityId: e.entityId,
    caseId: e.caseId ?? null, before: e.before ?? null, after: e.after ?? null,
  });
}

/** Who reads a case's trail, and what decides the copy lists of its forms. */
export interface AuditReader {
  actor: Actor;
  /** the definition version of the case (its forms' copy lists and steps' documents) */
  def: ProcessDefinition | undefined;
  scope?: Omit<FormScope, 'copies'>;
}

type Json = Record<string, unknown> | undefined;
type Entry = { at: string; actorId: string | null; action: string; entity: string; entityId: string; before?: unknown; after?: unknown; withheld?: true };

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
  return out;
}

export async function auditOfCase(tx: Tx, caseId: string, reader: AuditReader) {
  const rows = await tx.select().from(audit).where(eq(audit.caseId, caseId)).orderBy(asc(audit.id));
  return rows.map((r) => presentAuditEntry(reader, {
    at: r.at.toISOString(), actorId: r.actorId, action: r.action, entity: r.entity, entityId: r.entityId,
    ...(r.before != null ? { before: r.before } : {}), ...(r.after != null ? { after: r.after } : {}),
  }));
}
