import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { appendAudit } from '../audit/service.js';
import * as repo from './repo.js';

export function presentPartner(p: NonNullable<Awaited<ReturnType<typeof repo.findPartner>>>) {
  return { id: p.id, name: p.name, certifiedUntil: p.certifiedUntil, ratePerRepairFen: p.ratePerRepairFen, createdAt: p.createdAt.toISOString() };
}

export async function createPartner(opts: { name: string; certifiedUntil: string; ratePerRepairFen?: number; actor: Actor | null; now: Date }, tx: Tx) {
  const p = await repo.insertPartner(tx, {
    id: crypto.randomUUID(), name: opts.name, certifiedUntil: opts.certifiedUntil,
    ratePerRepairFen: opts.ratePerRepairFen ?? 20000, createdAt: opts.now,
  });
  await appendAudit(tx, { at: opts.now, actorId: opts.actor?.id ?? null, action: 'partner.create', entity: 'partner', entityId: p.id, after: presentPartner(p) });
  return presentPartner(p);
}

export async function ensureDemoPartner(tx: Tx, now: Date) {
  const year = now.getUTCFullYear() + 1;
  return createPartner({ name: '鑫通外包技术服务有限公司（演示）', certifiedUntil: `${year}-12-31`, actor: null, now }, tx);
}
