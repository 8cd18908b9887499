// Timers: the overdue sweep (and revisit generation) every minute and after each clock move.
// All state is in the database, so any number of instances may run them.
import type { AppContext } from './context.js';
import { sweepOverdue } from '../modules/notifications/service.js';
import { generateRevisits } from '../modules/customers/revisits.js';
import { purgeSecurityState } from '../modules/auth/service.js';

export async function runSweeps(ctx: AppContext) {
  const now = ctx.clock.now();
  const def = ctx.processes.current();
  const labels = Object.fromEntries(Object.entries(def.steps).map(([k, s]) => [k, s.label.zh]));
  const escalated = await sweepOverdue(ctx.db, now, labels);
  const revisits = await generateRevisits(ctx, now);
  const purged = await purgeSecurityState(ctx.db, ctx.wallNow());
  return { escalated, revisits, purged };
}

export function startJobs(ctx: AppContext, log: { error: (o: unknown, m: string) => void }) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (ctx.clock.mode === 'manual') await ctx.clock.sync(ctx.db);
      await ctx.processes.sync(ctx.db);
      await runSweeps(ctx);
    } catch (err) {
      log.error({ err }, 'sweep failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, ctx.config.sweepIntervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
