// Numbered documents (forms) with the copy list that decides which departments read them.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { documentAbilities, documentPolicy } from '../../policies/document.js';
import { mayReadAsInput, type FormScope } from '../../policies/form.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import { appendAudit, hasAuditEntry } from '../audit/service.js';
import { findTicket } from '../tickets/repo.js';
import type { ProcessService } from '../process/service.js';
import type { AppContext } from '../../server/context.js';

/** What reading a document needs: the case's process version, and the clock for the audit. */
export type DocumentContext = Pick<AppContext, 'processes' | 'clock'>;
import { loadCase } from '../tasks/cases.js';
import { tasksOfCase } from '../tasks/repo.js';
import * as repo from './repo.js';

export function presentDocument(d: repo.DocumentRow) {
  return {
    id: d.id, form: d.form, number: d.number, caseType: d.caseType, caseId: d.caseId, customerId: d.customerId,
    fields: d.fields, signedBy: d.signedBy, copies: d.copies, archivedAt: d.archivedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export async function createDocument(
  opts: {
    def: ProcessDefinition; form: string; caseType: string; caseId: string; customerId: string; taskId?: string | null;
    fields: Record<string, unknown>; actor: Actor; now: Date; id?: string;
  },
  tx: Tx,
) {
  const formDef = opts.def.forms[opts.form];
  if (!formDef?.prefix || !formDef.copies) throw new Error(`form ${opts.form} is not a numbered document of the process definition`);
  const year = shanghaiYear(opts.now);
  const number = formatDocNumber(formDef.prefix, year, await repo.nextSequence(tx, formDef.prefix, year));
  const doc = await repo.insertDocument(tx, {
    id: opts.id ?? crypto.randomUUID(),
    form: opts.form, number, caseType: opts.caseType, caseId: opts.caseId, customerId: opts.customerId,
    taskId: opts.taskId ?? null, fields: opts.fields, copies: formDef.copies,
    signedBy: [{ userId: opts.actor.id, displayName: opts.actor.displayName, role: opts.actor.roles[0], at: opts.now.toISOString() }],
    createdAt: opts.now,
  });
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'document.create', entity: 'document', entityId: doc.id,
    caseId: opts.caseId, after: { form: doc.form, number: doc.number, fields: doc.fields },
  });
  return doc;
}

/** What decides who reads a document: its copy list, for tickets the partner company it is given
 *  to, and the owners of the case's steps that work on it (the step's `reads`, once the case has
 *  reached that step). */
export async function scopeOfDocument(tx: Tx, d: repo.DocumentRow, ctx: DocumentContext): Promise<FormScope> {
  const casePartnerId = d.caseType === 'ticket' ? (await findTicket(tx, d.caseId))?.partnerId ?? null : null;
  const def = await definitionOfDocument(d, tx, ctx.processes);
  const readers = Object.entries(def.steps).filter(([, s]) => s.reads.includes(d.form));
  let inputRoles: string[] = [];
  if (readers.length) {
    const reached = new Set((await tasksOfCase(tx, d.caseType, d.caseId)).map((t) => t.step));
    inputRoles = readers.filter(([k]) => reached.has(k)).flatMap(([, s]) => [s.role, ...s.alsoRoles]);
  }
  return { copies: d.copies, caseType: d.caseType, casePartnerId, ...(inputRoles.length ? { inputRoles } : {}) };
}

/** Staff read by copy list; partners the technical copy of tickets given to their company; a
 *  step's owners the forms the step works on — that access is written to the audit, once. */
export async function canReadDocument(tx: Tx, actor: Actor, d: repo.DocumentRow, ctx: DocumentContext): Promise<boolean> {
  const scope = await scopeOfDocument(tx, d, ctx);
  if (!documentPolicy.read(actor, scope)) return false;
  if (mayReadAsInput(actor, scope) && !documentPolicy.read(actor, { ...scope, inputRoles: undefined })) await auditInputRead(tx, actor, d, ctx.clock.now());
  return true;
}

async function auditInputRead(tx: Tx, actor: Actor, d: repo.DocumentRow, now: Date) {
  if (await hasAuditEntry(tx, { caseId: d.caseId, action: 'document.read_as_input', entityId: d.id, actorId: actor.id })) return;
  await appendAudit(tx, { at: now, actorId: actor.id, action: 'document.read_as_input', entity: 'document', entityId: d.id, caseId: d.caseId, after: { form: d.form, number: d.number } });
}

/** A document in a case view: with what the actor may do with it (print, archive). */
export async function presentDocumentFor(tx: Tx, actor: Actor, d: repo.DocumentRow, ctx: DocumentContext) {
  return { ...presentDocument(d), abilities: documentAbilities(actor, { ...(await scopeOfDocument(tx, d, ctx)), archivedAt: d.archivedAt }) };
}

export async function readDocument(opts: { id: string; actor: Actor }, tx: Tx, ctx: DocumentContext) {
  const d = await repo.findDocument(tx, opts.id);
  if (!d || !(await canReadDocument(tx, opts.actor, d, ctx))) throw notFound('document');
  return d;
}

/** Marks each document that a newer one of the same form on the same case replaced (a deal's
 *  revision loop redrafts its proposal and feasibility forms). */
export function markSuperseded<D extends { form: string; number: string; createdAt: string }>(docs: D[]): (D & { supersededBy?: string })[] {
  const newest = new Map<string, D>();
  for (const d of docs) {
    const n = newest.get(d.form);
    if (!n || d.createdAt > n.createdAt || (d.createdAt === n.createdAt && d.number > n.number)) newest.set(d.form, d);
  }
  return docs.map((d) => {
    const n = newest.get(d.form)!;
    return n === d ? d : { ...d, supersededBy: n.number };
  });
}

/** The documents of a case the actor may read. */
export async function readableDocumentsOfCase(tx: Tx, actor: Actor, caseId: string, ctx: DocumentContext) {
  const docs = await repo.documentsOfCase(tx, caseId);
  const out = [];
  for (const d of docs) if (await canReadDocument(tx, actor, d, ctx)) out.push(d);
  return out;
}

/** The process version of the document's case (a customer's revisits: the current one). */
export async function definitionOfDocument(d: repo.DocumentRow, tx: Tx, processes: ProcessService): Promise<ProcessDefinition> {
  const c = await loadCase(tx, d.caseType, d.caseId);
  return c?.definitionVersion ? processes.get(c.definitionVersion, tx) : processes.current();
}
