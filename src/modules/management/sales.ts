// The sales review (PROCESS §6.1): per salesperson over a period — deals opened, won, lost and
// dropped, win rate, signed amount, average cycle in standard working days, long negotiations now —
// and the lost reasons with competitors (the Pareto chart).
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { outcomesMeaning, type ProcessDefinition } from '../../domain/process/definition.js';
import { baseRole } from '../../domain/roles.js';
import { authorize } from '../../policies/index.js';
import { orgOf, type Actor } from '../../policies/actor.js';
import type { AppContext } from '../../server/context.js';
import { longNegotiationsAt } from '../deals/service.js';
import { usersWithRole } from '../users/repo.js';
import { rate, type Range } from './engineers.js';
import * as repo from './repo.js';

/** The end states of lost deals (outcomes meaning `lost`, and rejections ending in the same state) and of dropped ones (qualify). */
function endStates(def: ProcessDefinition) {
  const ends = (pick: (stepKind: string | undefined, means: string | undefined) => boolean) => new Set(Object.values(def.steps)
    .flatMap((s) => Object.values(s.outcomes).filter((t) => t.end && pick(s.kind, t.means)).map((t) => t.end!)));
  return { lost: ends((_, means) => means === 'lost'), dropped: ends((kind) => kind === 'qualify') };
}

export async function salesReview(opts: { actor: Actor; range: Range }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.sales');
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const lostStates = await ctx.processes.keysAcross(tx, (def) => endStates(def).lost);
  const droppedStates = (await ctx.processes.keysAcross(tx, (def) => endStates(def).dropped)).filter((s) => !lostStates.includes(s));
  const negotiationSteps = await ctx.processes.stepKeys('negotiation', tx);
  const p: repo.SalesParams = {
    ...opts.range, negotiationSteps, lostStates, droppedStates,
    wonOutcomes: await ctx.processes.keysAcross(tx, (def) => outcomesMeaning(def, 'won')),
  };
  type Row = { userId: string; name: string; opened: number; won: number; lost: number; dropped: number; signedAmountFen: number; cycleDays: number[]; longNegotiations: number };
  const rows = new Map<string, Row>();
  const row = (id: string, name = id) => {
    let r = rows.get(id);
    if (!r) rows.set(id, r = { userId: id, name, opened: 0, won: 0, lost: 0, dropped: 0, signedAmountFen: 0, cycleDays: [], longNegotiations: 0 });
    return r;
  };
  const org = orgOf(opts.actor);
  for (const role of Object.keys(org.roles).filter((r) => baseRole(org, r) === 'sales')) for (const u of await usersWithRole(tx, role)) row(u.id, u.displayName);
  for (const o of await repo.dealsOpenedByOwner(tx, p)) row(o.sid).opened = o.n;
  for (const e of await repo.dealsEndedByOwner(tx, p)) {
    if (lostStates.includes(e.state)) row(e.sid).lost += e.n;
    else row(e.sid).dropped += e.n;
  }
  for (const w of await repo.dealsWon(tx, p)) {
    const r = row(w.sid);
    r.won++;
    r.signedAmountFen += w.amountFen;
    r.cycleDays.push(calendar.workingTimeBetween(w.createdAt, w.signedAt, 'standard'));
  }
  // long negotiations are a state of now, not of the period
  for (const o of (await longNegotiationsAt(now, 0, tx, ctx)).byOwner) row(o.ownerId).longNegotiations += o.n;
  const unnamed = [...rows.values()].filter((r) => r.name === r.userId).map((r) => r.userId);
  if (unnamed.length) for (const u of await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, unnamed))) row(u.id).name = u.name;
  const items = [...rows.values()].map(({ cycleDays, ...r }) => ({
    ...r,
    winRate: rate(r.won, r.won + r.lost),
    avgCycleWorkingDays: cycleDays.length ? Math.round((cycleDays.reduce((s, d) => s + d, 0) / cycleDays.length) * 100 + 1e-9) / 100 : null,
  })).sort((a, b) => b.signedAmountFen - a.signedAmountFen || a.name.localeCompare(b.name, 'zh'));
  return { from: opts.range.from.toISOString(), to: opts.range.to.toISOString(), asOf: now.toISOString(), items, lostReasons: await repo.lostReasons(tx, p) };
}
