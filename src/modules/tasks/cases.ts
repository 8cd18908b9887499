// The engine sees deals, tickets and customers through one shape.
import type { Tx } from '../../db/client.js';
import type { Tier } from '../../domain/calendar/index.js';
import type { Actor } from '../../server/context.js';
import { isStaff } from '../../server/policy.js';
import { findDeal, updateDeal } from '../deals/repo.js';
import { findTicket, updateTicket } from '../tickets/repo.js';
import { findCustomer } from '../customers/repo.js';

export type CaseType = 'deal' | 'ticket' | 'customer';

export interface CaseRef {
  type: CaseType;
  id: string;
  customerId: string;
  ownerId: string | null;
  createdAt: Date;
  /** the customer's service clock for after-sales steps */
  tier: Tier | null;
  partnerId: string | null;
  state: string | null;
  definitionVersion: number | null;
  number: string | null;
}

export async function loadCase(tx: Tx, type: string, id: string): Promise<CaseRef | undefined> {
  if (type === 'deal') {
    const d = await findDeal(tx, id);
    return d && { type, id, customerId: d.customerId, ownerId: d.ownerId, createdAt: d.createdAt, tier: null, partnerId: null, state: d.state, definitionVersion: d.definitionVersion, number: d.number };
  }
  if (type === 'ticket') {
    const t = await findTicket(tx, id);
    return t && { type, id, customerId: t.customerId, ownerId: null, createdAt: t.createdAt, tier: t.tier as Tier, partnerId: t.partnerId, state: t.state, definitionVersion: t.definitionVersion, number: t.number };
  }
  if (type === 'customer') {
    const c = await findCustomer(tx, id);
    return c && { type, id, customerId: c.id, ownerId: null, createdAt: c.createdAt, tier: (c.serviceTier as Tier | null) ?? null, partnerId: null, state: null, definitionVersion: null, number: null };
  }
  return undefined;
}

export async function setCaseState(tx: Tx, c: CaseRef, state: string, now: Date, ended: boolean) {
  if (c.type === 'deal') await updateDeal(tx, c.id, { state, updatedAt: now });
  if (c.type === 'ticket') await updateTicket(tx, c.id, { state, updatedAt: now, ...(ended ? { closedAt: now } : {}) });
}

/** Staff see every case; a partner engineer only tickets given to its company. */
export function canSeeCase(actor: Actor, c: CaseRef): boolean {
  if (isStaff(actor)) return true;
  return c.type === 'ticket' && !!actor.partnerId && c.partnerId === actor.partnerId;
}

/** Applies an effect's patch to the case's own columns (deal: end reason, contract figures, second meeting). */
export async function patchCase(tx: Tx, c: CaseRef, patch: Record<string, unknown>, now: Date) {
  if (c.type === 'deal') await updateDeal(tx, c.id, { ...patch, updatedAt: now });
  if (c.type === 'ticket') await updateTicket(tx, c.id, { ...patch, updatedAt: now });
}
