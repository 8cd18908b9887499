// The installation effects the deal steps name (`deal.dispatch`, `deal.installed` in deals/effects.ts).
import type { EffectContext } from '../process/effects.js';
import { checkDispatch, completeInstallation } from './service.js';
import type { InstalledDevice } from '../customers/assets.js';

export async function dispatchEffect(e: EffectContext) {
  await checkDispatch(e.form as { engineerIds: string[]; scheduledAt: string }, e.tx);
}

export async function installedEffect(e: EffectContext) {
  const { contractTier } = await completeInstallation({
    dealId: e.c.id, customerId: e.c.customerId, devices: e.form.devices as InstalledDevice[], documentId: e.documentId,
    def: e.def, actor: e.actor, now: e.now,
  }, e.tx);
  // form 4 shows the service the contract gives
  e.documentFields.serviceTier = contractTier;
}
