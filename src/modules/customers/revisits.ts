// Periodic revisits (PROCESS §5): a `revisit` task for every customer in service, every
// `revisitIntervalDays` of the customer's tier in the process definition (default 30, VIP 14). Customers are claimed
// with FOR UPDATE SKIP LOCKED, so several instances never open the same revisit twice.
import type { AppContext } from '../../server/context.js';
import { startCase } from '../tasks/service.js';
import { loadCase } from '../tasks/cases.js';
import { ensureCustomerCase } from '../cases/repo.js';
import { openTasksOfCase } from '../tasks/repo.js';
import { claimCustomersDueForRevisit, setNextRevisit } from './repo.js';
import { revisitIntervalDays } from '../../domain/process/tiers.js';

const DAY_MS = 86_400_000;
const BATCH = 200;

export async function generateRevisits(ctx: AppContext, now: Date): Promise<number> {
  const def = ctx.processes.current();
  if (!def.starts.customer_revisit.length) return 0;
  return ctx.db.transaction(async (tx) => {
    const due = await claimCustomersDueForRevisit(tx, now, BATCH);
    const calendar = await ctx.calendars.get(tx);
    let opened = 0;
    for (const c of due) {
      const interval = revisitIntervalDays(def, c.serviceTier) * DAY_MS;
      // keep the rhythm; after a long pause (server down, clock jumped) count from now, one revisit only
      const next = new Date(c.nextRevisitAt!.getTime() + interval);
      await setNextRevisit(tx, c.id, next <= now ? new Date(now.getTime() + interval) : next);
      // a revisit still waiting to be made is not doubled
      if ((await openTasksOfCase(tx, c.id)).some((t) => def.starts.customer_revisit.includes(t.step))) continue;
      await ensureCustomerCase(tx, c);
      const ref = (await loadCase(tx, 'customer', c.id))!;
      await startCase({ def, start: 'customer_revisit', c: ref, now, calendar, actor: null }, tx);
      opened++;
    }
    return opened;
  });
}
