// Timers: the overdue sweep (and revisit generation) every minute and after each clock move;
// the outbox worker every few seconds.
// All state is in the database, so any number of instances may run them.
import type { AppContext } from './context.js';
import { sweepOverdue } from '../modules/notifications/service.js';
import { deliverOutbox } from '../modules/notifications/outbox.js';
import { generateRevisits } from '../modules/customers/revisits.js';
import { purgeSecurityState } from '../modules/auth/service.js';
import { openFeedbackReports } from '../modules/feedback/service.js';

export async function runSweeps(ctx: AppContext) {
  const now = ctx.clock.now();
  const escalated = await sweepOverdue(ctx, now);
  const revisits = await generateRevisits(ctx, now);
  const feedbackReports = await openFeedbackReports(ctx, now);
  const purged = await purgeSecurityState(ctx.db, ctx.wallNow());
  return { escalated, revisits, feedbackReports, purged };
}

type Log = { error: (o: unknown, m: string) => void };

/** Runs `job` every `ms` (never two runs of it at once); returns the run and a stop. */
function every(ms: number, job: () => Promise<unknown>, log: Log, failure: string) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (err) {
      log.error({ err }, failure);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(run, ms);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}

export function startJobs(ctx: AppContext, log: Log) {
  const sweep = every(ctx.config.sweepIntervalMs, async () => {
    if (ctx.clock.mode === 'manual') await ctx.clock.sync(ctx.db);
    await ctx.processes.sync(ctx.db);
    await runSweeps(ctx);
  }, log, 'sweep failed');
  void sweep.run();
  // the outbox worker: its own pace, so a slow SMTP server never holds up the sweep
  const outbox = every(ctx.config.outboxIntervalMs, () => deliverOutbox(ctx), log, 'outbox delivery failed');
  return () => { sweep.stop(); outbox.stop(); };
}
