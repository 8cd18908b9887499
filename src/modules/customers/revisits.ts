// Periodic revisits (PROCESS §5): a `revisit` task for every customer in service,
// every 30 days (VIP 14). The claim is one UPDATE per customer, so instances never double up.
import { and, eq, lte, sql } from 'drizzle-orm';
import type { AppContext } from '../../server/context.js';
import { customers } from '../../db/schema.js';
import { startCase } from '../tasks/service.js';
import { loadCase } from '../tasks/cases.js';

export async function generateRevisits(ctx: AppContext, now: Date): Promise<number> {
  const def = ctx.processes.current();
  if (!def.starts.customer_revisit.length) return 0;
  return ctx.db.transaction(async (tx) => {
    const due = await tx.select().from(customers)
      .where(and(lte(customers.nextRevisitAt, now), sql`${customers.serviceTier} is not null`))
      .limit(200).for('update', { skipLocked: true });
    const calendar = await ctx.calendars.get(tx);
    for (const c of due) {
      const tier = c.serviceTier === 'vip' ? 'vip' : 'standard';
      const next = new Date(c.nextRevisitAt!.getTime() + def.revisitIntervalDays[tier] * 86_400_000);
      await tx.update(customers).set({ nextRevisitAt: next < now ? new Date(now.getTime() + def.revisitIntervalDays[tier] * 86_400_000) : next }).where(eq(customers.id, c.id));
      const ref = (await loadCase(tx, 'customer', c.id))!;
      await startCase({ def, start: 'customer_revisit', c: ref, now, calendar, actor: null }, tx);
    }
    return due.length;
  });
}
