// Timers: the overdue sweep (and revisit generation) every minute and after each clock move;
// the outbox worker every few seconds.
// All state is in the database, so any number of instances may run them.
import type { AppContext } from './context.js';
import { sweepOverdue } from '../modules/notifications/service.js';
import { deliverOutbox } from '../modules/notifications/outbox.js';
import { generateRevisits } from '../modules/customers/revisits.js';
import { purgeSecurityState } from '../modules/auth/service.js';

export async function runSweeps(ctx: AppContext) {
  const now = ctx.clock.now();
  const escalated = await sweepOverdue(ctx, now);
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
  // the outbox worker: its own pace, so a slow SMTP server never holds up the sweep
  let delivering = false;
  const deliver = async () => {
    if (delivering) return;
    delivering = true;
    try {
      await deliverOutbox(ctx);
    } catch (err) {
      log.error({ err }, 'outbox delivery failed');
    } finally {
      delivering = false;
    }
  };
  const outboxTimer = setInterval(deliver, ctx.config.outboxIntervalMs);
  outboxTimer.unref();
  return () => { clearInterval(timer); clearInterval(outboxTimer); };
}
