// The installation effects the deal steps name (`deal.dispatch`, `deal.installed` in deals/effects.ts).
import type { Effect } from '../process/effects.js';
import { checkDispatch, completeInstallation } from './service.js';
import type { InstalledDevice } from '../customers/assets.js';

export const dispatchEffect: Effect = {
  reads: ['engineerIds', 'scheduledAt'],
  async run(e) {
    await checkDispatch(e.form as { engineerIds: string[]; scheduledAt: string }, e.tx);
  },
};

export const installedEffect: Effect = {
  reads: ['devices'],
  async run(e) {
    const { contractTier } = await completeInstallation({
      dealId: e.c.id, customerId: e.c.customerId, devices: e.form.devices as InstalledDevice[], documentId: e.documentId,
      def: e.def, actor: e.actor, now: e.now,
    }, e.tx);
    // form 4 shows the service the contract gives
    return { documentFields: { serviceTier: contractTier } };
  },
};
