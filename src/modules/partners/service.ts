// Outsourced after-sales companies (外包服务商): certified until a date, paid per repair.
import { shanghaiDate } from '../../domain/iso.js';
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import * as repo from './repo.js';

export function presentPartner(p: repo.PartnerRow, now?: Date) {
  return {
    id: p.id, name: p.name, certifiedUntil: p.certifiedUntil, ratePerRepairFen: p.ratePerRepairFen,
    ...(now ? { certified: p.certifiedUntil >= shanghaiDate(now) } : {}),
    createdAt: p.createdAt.toISOString(),
  };
}

export async function createPartner(opts: { name: string; certifiedUntil: string; ratePerRepairFen?: number; actor: Actor | null; now: Date }, tx: Tx) {
  const p = await repo.insertPartner(tx, {
    id: crypto.randomUUID(), name: opts.name, certifiedUntil: opts.certifiedUntil,
    ratePerRepairFen: opts.ratePerRepairFen ?? 20000, createdAt: opts.now,
  });
  await appendAudit(tx, { at: opts.now, actorId: opts.actor?.id ?? null, action: 'partner.create', entity: 'partner', entityId: p.id, after: presentPartner(p) });
  return presentPartner(p, opts.now);
}

/** Renews the certificate, renames, or changes the settlement rate per repair. */
export async function updatePartnerDetails(
  opts: { id: string; input: { name?: string; certifiedUntil?: string; ratePerRepairFen?: number }; actor: Actor; now: Date }, tx: Tx,
) {
  const before = await repo.lockPartner(tx, opts.id);
  if (!before) throw notFound('partner');
  const after = (await repo.updatePartner(tx, opts.id, opts.input))!;
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'partner.update', entity: 'partner', entityId: opts.id, before: presentPartner(before), after: presentPartner(after) });
  return presentPartner(after, opts.now);
}

export async function getPartner(tx: Tx, id: string, now: Date) {
  const p = await repo.findPartner(tx, id);
  if (!p) throw notFound('partner');
  return presentPartner(p, now);
}

export async function ensureDemoPartner(tx: Tx, now: Date) {
  const year = now.getUTCFullYear() + 1;
  return createPartner({ name: '鑫通外包技术服务有限公司（演示）', certifiedUntil: `${year}-12-31`, actor: null, now }, tx);
}
