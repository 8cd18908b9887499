// Numbered documents (forms) with the copy list that decides which departments read them.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { canReadCopies, isStaff } from '../../server/policy.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import { appendAudit } from '../audit/service.js';
import { findTicket } from '../tickets/repo.js';
import type { ProcessService } from '../process/service.js';
import { loadCase } from '../tasks/cases.js';
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

/** Partners read only documents of tickets given to their company; staff by copy list. */
export async function canReadDocument(tx: Tx, actor: Actor, d: repo.DocumentRow): Promise<boolean> {
  if (!isStaff(actor)) {
    if (d.caseType !== 'ticket' || !actor.partnerId) return false;
    const t = await findTicket(tx, d.caseId);
    return t?.partnerId === actor.partnerId && d.copies.includes('technical');
  }
  return canReadCopies(actor, d.copies);
}

export async function readDocument(opts: { id: string; actor: Actor }, tx: Tx) {
  const d = await repo.findDocument(tx, opts.id);
  if (!d || !(await canReadDocument(tx, opts.actor, d))) throw notFound('document');
  return d;
}

/** The documents of a case the actor may read. */
export async function readableDocumentsOfCase(tx: Tx, actor: Actor, caseId: string) {
  const docs = await repo.documentsOfCase(tx, caseId);
  const out = [];
  for (const d of docs) if (await canReadDocument(tx, actor, d)) out.push(d);
  return out;
}

/** The process version of the document's case (a customer's revisits: the current one). */
export async function definitionOfDocument(d: repo.DocumentRow, tx: Tx, processes: ProcessService): Promise<ProcessDefinition> {
  const c = await loadCase(tx, d.caseType, d.caseId);
  return c?.definitionVersion ? processes.get(c.definitionVersion, tx) : processes.current();
}
