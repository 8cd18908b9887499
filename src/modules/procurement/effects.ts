// The procurement effects the process definition names (contract archived → plan, procurement step → close).
import { formsOfKind } from '../../domain/process/definition.js';
import type { Effect } from '../process/effects.js';
import { closeProcurement, planPurchases } from './service.js';

export const PROCUREMENT_EFFECTS: Record<string, Effect> = {
  'procurement.plan': {
    reads: [],
    async run({ tx, c, def, actor, now }) {
      // the equipment bought is the one the assessment step's form lists (form 2)
      if (c.type === 'deal') await planPurchases({ dealId: c.id, assessmentForms: formsOfKind(def, 'assessment'), actor, now }, tx);
    },
  },
  'procurement.close': {
    reads: ['exception'],
    async run({ tx, c, actor, now, form }) {
      if (c.type === 'deal') await closeProcurement({ dealId: c.id, exception: form.exception as string | undefined, actor, now }, tx);
    },
  },
};
