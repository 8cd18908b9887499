// The procurement effects the process definition names (steps contract_archive and procurement).
import type { Effect } from '../process/effects.js';
import { closeProcurement, planPurchases } from './service.js';

export const PROCUREMENT_EFFECTS: Record<string, Effect> = {
  'procurement.plan': async ({ tx, c, actor, now }) => {
    if (c.type === 'deal') await planPurchases({ dealId: c.id, actor, now }, tx);
  },
  'procurement.close': async ({ tx, c, actor, now, form }) => {
    if (c.type === 'deal') await closeProcurement({ dealId: c.id, exception: form.exception as string | undefined, actor, now }, tx);
  },
};
