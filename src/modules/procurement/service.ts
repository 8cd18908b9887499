// Procurement (seed chapter 2, step I): the equipment lines of the deal's approved technical
// assessment become its purchase list; the procurement step closes when every line is
// received, or with a recorded exception.
import crypto from 'node:crypto';
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { maskCopiedFields } from '../../policies/form.js';
import { badRequest, conflict, issue, fieldError, notFound } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import { documentOfCaseByForm, findDocument } from '../documents/repo.js';
import { findDeal } from '../deals/repo.js';
import * as repo from './repo.js';

// a stored equipment line of form 2 (it also carries computed totals, hence not strict)
const assessedLine = z.object({
  brand: z.string().min(1), model: z.string().min(1),
  quantity: z.number().int().positive(), unitPriceFen: z.number().int().min(0),
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentLine(l: repo.PurchaseLineRow) {
  return {
    id: l.id, dealId: l.dealId, lineNo: l.lineNo, brand: l.brand, model: l.model, quantity: l.quantity,
    unitPriceFen: l.unitPriceFen, lineTotalFen: l.quantity * l.unitPriceFen, supplier: l.supplier,
    orderedAt: iso(l.orderedAt), receivedAt: iso(l.receivedAt),
    status: (l.receivedAt ? 'received' : l.orderedAt ? 'ordered' : 'pending') as 'received' | 'ordered' | 'pending',
    version: l.version, updatedAt: l.updatedAt.toISOString(),
  };
}

const lineName = (l: repo.PurchaseLineRow) => `#${l.lineNo} ${l.brand} ${l.model} ×${l.quantity}`;

/** Run when the contract is archived (effect procurement.plan): copies the assessment's equipment lines, once per deal. */
export async function planPurchases(opts: { dealId: string; assessmentForms: string[]; actor: Actor; now: Date }, tx: Tx) {
  if (await repo.findPurchaseList(tx, opts.dealId)) return;
  let assessment: Awaited<ReturnType<typeof documentOfCaseByForm>> | undefined;
  for (const form of opts.assessmentForms) assessment ??= await documentOfCaseByForm(tx, opts.dealId, form);
  const raw = Array.isArray(assessment?.fields.equipment) ? assessment.fields.equipment : [];
  const equipment = raw.flatMap((l) => {
    const parsed = assessedLine.safeParse(l);
    return parsed.success ? [parsed.data] : [];
  });
  const list = await repo.insertPurchaseList(tx, { dealId: opts.dealId, sourceDocumentId: assessment?.id ?? null, createdAt: opts.now });
  if (!list) return;
  const lines = await repo.insertPurchaseLines(tx, equipment.map((l, i) => ({
    id: crypto.randomUUID(), dealId: opts.dealId, lineNo: i + 1, brand: l.brand, model: l.model, quantity: l.quantity,
    unitPriceFen: l.unitPriceFen, createdAt: opts.now, updatedAt: opts.now,
  })));
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'purchase_list.create', entity: 'purchase_list', entityId: opts.dealId, caseId: opts.dealId,
    after: { sourceDocumentId: list.sourceDocumentId, lines: lines.map(presentLine) },
  });
}

/** The purchase list of a deal; an empty, unplanned list before the contract is archived.
 *  Unit prices and totals (the assessment's) only for readers of the assessment. */
export async function purchaseListOfDeal(opts: { dealId: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const deal = await findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  const def = await ctx.processes.get(deal.definitionVersion, tx);
  const list = await repo.findPurchaseList(tx, deal.id);
  const lines = list ? await repo.linesOfDeal(tx, deal.id) : [];
  const source = list?.sourceDocumentId ? await findDocument(tx, list.sourceDocumentId) : undefined;
  const shown = lines.map(presentLine);
  return maskCopiedFields(opts.actor, def, {
    dealId: deal.id, dealNumber: deal.number, planned: !!list,
    sourceDocumentId: list?.sourceDocumentId ?? null, sourceDocumentNumber: source?.number ?? null,
    createdAt: iso(list?.createdAt ?? null), closedAt: iso(list?.closedAt ?? null), closedBy: list?.closedBy ?? null,
    exception: list?.exception ?? null,
    totalFen: shown.reduce((s, l) => s + l.lineTotalFen, 0),
    allReceived: shown.every((l) => l.status === 'received'),
    lines: shown,
  });
}

export interface PurchaseLinePatch { supplier?: string | null; orderedAt?: Date | null; receivedAt?: Date | null }

/** The admin clerk records the supplier and the ordered/received dates of one line. */
export async function updatePurchaseLine(opts: { lineId: string; patch: PurchaseLinePatch; version?: number; actor: Actor; now: Date }, tx: Tx) {
  const { patch } = opts;
  if (patch.supplier === undefined && patch.orderedAt === undefined && patch.receivedAt === undefined) {
    throw badRequest([issue('body', 'request.nothing_to_change', { fields: 'supplier, orderedAt, receivedAt' })], 'request.nothing_to_change', { fields: 'supplier, orderedAt, receivedAt' });
  }
  const before = await repo.lockLine(tx, opts.lineId);
  if (!before) throw notFound('purchase line');
  if (opts.version !== undefined && opts.version !== before.version) {
    throw conflict('stale.purchase_line');
  }
  const orderedAt = patch.orderedAt === undefined ? before.orderedAt : patch.orderedAt;
  const receivedAt = patch.receivedAt === undefined ? before.receivedAt : patch.receivedAt;
  if (orderedAt && receivedAt && receivedAt < orderedAt) throw fieldError('receivedAt', 'field.not_before', { other: 'orderedAt' });
  const after = await repo.updateLine(tx, before.id, before.version, {
    ...(patch.supplier !== undefined ? { supplier: patch.supplier } : {}),
    ...(patch.orderedAt !== undefined ? { orderedAt: patch.orderedAt } : {}),
    ...(patch.receivedAt !== undefined ? { receivedAt: patch.receivedAt } : {}),
    updatedAt: opts.now,
  });
  if (!after) throw conflict('stale.purchase_line');
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'purchase_line.update', entity: 'purchase_line', entityId: after.id, caseId: after.dealId,
    before: presentLine(before), after: presentLine(after),
  });
  return presentLine(after);
}

/** Run when the `procurement` step completes: every line received, or an exception is recorded. */
export async function closeProcurement(opts: { dealId: string; exception?: string; actor: Actor; now: Date }, tx: Tx) {
  const list = await repo.findPurchaseList(tx, opts.dealId);
  // a deal planned without a purchase list (no assessment, older process version) has nothing to wait for
  if (!list) return { missing: [] as string[] };
  const lines = await repo.lockLinesOfDeal(tx, opts.dealId);
  const missing = lines.filter((l) => !l.receivedAt);
  if (missing.length && !opts.exception) {
    const names = missing.map(lineName);
    throw conflict('purchase.not_received', { items: names.join('; ') }, missing.map((l) => issue(`lines.${l.lineNo}`, 'field.not_received', { item: lineName(l) })));
  }
  await repo.closePurchaseList(tx, opts.dealId, { closedAt: opts.now, closedBy: opts.actor.id, exception: opts.exception ?? null });
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'purchase_list.close', entity: 'purchase_list', entityId: opts.dealId, caseId: opts.dealId,
    after: { exception: opts.exception ?? null, missing: missing.map(lineName) },
  });
  return { missing: missing.map(lineName) };
}
