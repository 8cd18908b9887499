import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { conflict, issue, notFound } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import { dealsOfCustomer } from '../deals/repo.js';
import { ticketsOfCustomer } from '../tickets/repo.js';
import { canReadDocument, presentDocument, type DocumentContext } from '../documents/service.js';
import { documentsOfCustomer } from '../documents/repo.js';
import * as repo from './repo.js';

export interface CustomerInput { name: string; address: string; contactPerson: string; phone: string }

export function presentCustomer(c: repo.CustomerRow) {
  return {
    id: c.id, name: c.name, address: c.address, contactPerson: c.contactPerson, phone: c.phone,
    serviceTier: c.serviceTier ?? null, inServiceSince: c.inServiceSince?.toISOString() ?? null,
    nextRevisitAt: c.nextRevisitAt?.toISOString() ?? null, version: c.version,
    createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentAsset(a: Awaited<ReturnType<typeof repo.assetsOfCustomer>>[number]) {
  return {
    id: a.id, brandModel: a.brandModel, serialNumber: a.serialNumber, configDocNumber: a.configDocNumber,
    installedAt: a.installedAt.toISOString(), ...(a.replacedAt ? { replacedAt: a.replacedAt.toISOString(), replacedById: a.replacedById } : {}),
  };
}

export async function createCustomer(opts: { input: CustomerInput; actor: Actor; now: Date; allowDuplicate?: boolean }, tx: Tx) {
  // the same name and phone twice is almost always the same customer typed again: say so, and name
  // the existing one so the form can offer it (a real second customer is created with allowDuplicate)
  const same = opts.allowDuplicate ? undefined : await repo.findSameCustomer(tx, opts.input.name, opts.input.phone);
  if (same) throw conflict('customer.duplicate', { name: same.name, phone: same.phone, existingId: same.id }, [issue('name', 'customer.duplicate', { name: same.name, phone: same.phone, existingId: same.id })]);
  const c = await repo.insertCustomer(tx, {
    id: crypto.randomUUID(), ...opts.input, phoneDigits: repo.phoneDigits(opts.input.phone), createdAt: opts.now, updatedAt: opts.now,
  });
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'customer.create', entity: 'customer', entityId: c.id, caseId: c.id, after: presentCustomer(c) });
  return presentCustomer(c);
}

export async function updateCustomerDetails(opts: { id: string; input: Partial<CustomerInput>; version?: number; actor: Actor; now: Date }, tx: Tx) {
  const before = await repo.lockCustomer(tx, opts.id);
  if (!before) throw notFound('customer');
  if (opts.version !== undefined && opts.version !== before.version) throw conflict('stale.customer');
  const set = { ...opts.input, ...(opts.input.phone ? { phoneDigits: repo.phoneDigits(opts.input.phone) } : {}), updatedAt: opts.now };
  const after = await repo.updateCustomer(tx, opts.id, before.version, set);
  if (!after) throw conflict('stale.customer');
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'customer.update', entity: 'customer', entityId: opts.id, caseId: opts.id, before: presentCustomer(before), after: presentCustomer(after) });
  return presentCustomer(after);
}

export async function customerPage(opts: { id: string; actor: Actor }, tx: Tx, ctx: DocumentContext) {
  const c = await repo.findCustomer(tx, opts.id);
  if (!c) throw notFound('customer');
  const [assets, deals, tickets, docs] = [
    await repo.assetsOfCustomer(tx, c.id), await dealsOfCustomer(tx, c.id), await ticketsOfCustomer(tx, c.id), await documentsOfCustomer(tx, c.id),
  ];
  const readable = [];
  for (const d of docs) if (await canReadDocument(tx, opts.actor, d, ctx)) readable.push(d);
  return {
    ...presentCustomer(c),
    assets: assets.map(presentAsset),
    deals: deals.map((d) => ({ id: d.id, number: d.number, state: d.state, createdAt: d.createdAt.toISOString() })),
    tickets: tickets.map((t) => ({ id: t.id, number: t.number, kind: t.kind, state: t.state, problem: t.problem, createdAt: t.createdAt.toISOString(), dueAt: t.dueAt.toISOString() })),
    documents: readable.map((d) => ({ id: d.id, form: d.form, number: d.number, caseId: d.caseId, createdAt: d.createdAt.toISOString() })),
  };
}
