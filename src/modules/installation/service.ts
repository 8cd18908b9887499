// Installation (seed chapter 2, step J): the technical manager dispatches one or more engineers
// with a date; a dispatched engineer records every device (form 4) and the customer's special
// situation; the customer is then in service on the tier its contract gave.
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import { notFound } from '../../server/errors.js';
import { appendAudit } from '../audit/service.js';
import { findUser } from '../users/repo.js';
import { findDeal } from '../deals/repo.js';
import { lockCustomer, updateCustomer } from '../customers/repo.js';
import { presentCustomer } from '../customers/service.js';
import { registerDevices, type InstalledDevice } from '../customers/assets.js';

import { DEFAULT_TIER, revisitIntervalDays, tierOfPaymentModel } from '../../domain/process/tiers.js';
export { tierOfPaymentModel };

/** The engineers the dispatch form names (the task service checked they hold the field's role). */
export async function checkDispatch(form: { engineerIds: string[]; scheduledAt: string }, tx: Tx) {
  const engineers = [];
  for (const id of form.engineerIds) {
    const u = await findUser(tx, id);
    if (u) engineers.push({ id: u.id, displayName: u.displayName });
  }
  return engineers;
}

/** Form 4 is submitted: register the devices, put the customer in service. */
export async function completeInstallation(
  opts: {
    dealId: string; customerId: string; devices: InstalledDevice[]; documentId: string;
    def: ProcessDefinition; actor: Actor; now: Date;
  },
  tx: Tx,
) {
  const deal = await findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  await registerDevices({ customerId: opts.customerId, devices: opts.devices, installedAt: opts.now, documentId: opts.documentId }, tx);
  const contractTier = tierOfPaymentModel(opts.def, deal.paymentModel);
  const before = await lockCustomer(tx, opts.customerId);
  if (!before) throw notFound('customer');
  // a customer already on a better tier (VIP through another one-time contract) keeps it
  const tier = contractTier === DEFAULT_TIER && before.serviceTier && Object.hasOwn(opts.def.tiers, before.serviceTier) ? before.serviceTier : contractTier;
  const interval = revisitIntervalDays(opts.def, tier);
  const firstRevisit = new Date(opts.now.getTime() + interval * 86_400_000);
  const after = await updateCustomer(tx, opts.customerId, undefined, {
    serviceTier: tier,
    inServiceSince: before.inServiceSince ?? opts.now,
    nextRevisitAt: before.nextRevisitAt && before.nextRevisitAt < firstRevisit ? before.nextRevisitAt : firstRevisit,
    updatedAt: opts.now,
  });
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'customer.in_service', entity: 'customer', entityId: opts.customerId, caseId: opts.dealId,
    before: { serviceTier: before.serviceTier }, after: { ...presentCustomer(after), devices: opts.devices.length },
  });
  return { contractTier, tier };
}
