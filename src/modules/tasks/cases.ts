// The engine sees deals, tickets and customers through one shape.
import type { Tx } from '../../db/client.js';
import type { Tier } from '../../domain/calendar/index.js';
import type { Actor } from '../../server/context.js';
import { casePolicy } from '../../policies/case.js';
import { findCase, setState, type FoundCase } from '../cases/repo.js';
import { updateDeal } from '../deals/repo.js';
import { updateTicket } from '../tickets/repo.js';

export type CaseType = 'deal' | 'ticket' | 'customer' | 'lead' | 'feedback';

export interface CaseRef {
  type: CaseType;
  id: string;
  customerId: string;
  ownerId: string | null;
  createdAt: Date;
  /** the service clock for after-sales steps: a ticket's own, else the customer's */
  tier: Tier | null;
  partnerId: string | null;
  state: string | null;
  definitionVersion: number | null;
  number: string | null;
}

/** One query on `cases` (with the customer's clock), whatever the type; `type` narrows it. */
export async function loadCase(tx: Tx, type: string | undefined, id: string): Promise<CaseRef | undefined> {
  return caseRefOf(await findCase(tx, id, type));
}

export function caseRefOf(c: FoundCase): CaseRef | undefined {
  return c && {
    type: c.type as CaseType, id: c.id, customerId: c.customerId, ownerId: c.ownerId, createdAt: c.createdAt,
    tier: c.tier as Tier | null, partnerId: c.partnerId, state: c.state, definitionVersion: c.definitionVersion, number: c.number,
  };
}

/** One UPDATE on `cases`: the open step, or the end state (which closes the case). */
export async function setCaseState(tx: Tx, c: CaseRef, state: string, now: Date, ended: boolean) {
  await setState(tx, c.id, state, now, ended);
}

/** Staff see every case; a partner engineer only tickets given to its company (src/policies/case.ts). */
export const canSeeCase = (actor: Actor, c: CaseRef): boolean => casePolicy.read(actor, c);

/** Applies an effect's patch to the case's own columns (deal: end reason, contract figures, second meeting). */
export async function patchCase(tx: Tx, c: CaseRef, patch: Record<string, unknown>, now: Date) {
  if (c.type === 'deal') await updateDeal(tx, c.id, { ...patch, updatedAt: now });
  if (c.type === 'ticket') await updateTicket(tx, c.id, { ...patch, updatedAt: now });
}
