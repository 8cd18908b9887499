// Engineer scores (PROCESS §6.1): per engineer and per partner company, repairs and on-time rate,
// follow-ups and satisfaction, first-time fixes, repeat faults, installations, the weighted score;
// and the tickets behind each number (the drill-down).
import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { partners, users } from '../../db/schema.js';
import { outcomesMeaning } from '../../domain/process/definition.js';
import { baseRole } from '../../domain/roles.js';
import { authorize, can } from '../../policies/index.js';
import { orgOf, type Actor } from '../../policies/actor.js';
import type { AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { usersWithRole } from '../users/repo.js';
import { monthOf, parseMonth } from '../reports/period.js';
import * as repo from './repo.js';
import { readManagementSettings, type ManagementSettings } from './settings.js';

export interface Range { from: Date; to: Date }

/** part / whole with 4 decimals; null when there is nothing to rate. */
export const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** The weighted score: the rates with data, their weights scaled to 100; null with no data at all. */
export function engineerScore(w: ManagementSettings['scoreWeights'], r: { satisfactionRate: number | null; firstTimeFixRate: number | null; onTimeRate: number | null }): number | null {
  const parts = [[w.satisfaction, r.satisfactionRate], [w.firstTimeFix, r.firstTimeFixRate], [w.onTime, r.onTimeRate]] as const;
  const present = parts.filter(([weight, value]) => value !== null && weight > 0);
  const weights = present.reduce((s, [weight]) => s + weight, 0);
  if (!weights) return null;
  const score = (100 * present.reduce((s, [weight, value]) => s + weight * value!, 0)) / weights;
  return Math.round(score * 10 + 1e-9) / 10;
}

async function factParams(ctx: AppContext, tx: Tx, range: Range, settings: ManagementSettings): Promise<repo.EngineerFactParams> {
  return {
    ...range,
    repairSteps: await ctx.processes.stepKeys('repair', tx),
    followUpSteps: await ctx.processes.stepKeys('follow_up', tx),
    installationSteps: await ctx.processes.stepKeys('installation', tx),
    satisfiedOutcomes: await ctx.processes.keysAcross(tx, (def) => outcomesMeaning(def, 'satisfied')),
    repeatWindowDays: settings.repeatFaultDays,
  };
}

/** The roles of the current definition that are engineers (the built-in one and those like it). */
function engineerRoles(actor: Actor): string[] {
  const org = orgOf(actor);
  return Object.keys(org.roles).filter((r) => baseRole(org, r) === 'engineer');
}

export type EngineerRow = Awaited<ReturnType<typeof engineerScores>>['items'][number];

export async function engineerScores(opts: { actor: Actor; range: Range }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.engineers');
  const all = can(opts.actor, 'report.engineersAll');
  const settings = await readManagementSettings(tx);
  const counts = await repo.engineerCounts(tx, await factParams(ctx, tx, opts.range, settings));
  type Subject = { userId: string | null; partnerId: string | null; name: string; n: Partial<Record<repo.EngineerMeasure, number>> };
  const subjects = new Map<string, Subject>();
  const subject = (partner: boolean, id: string, name = id) => {
    const key = `${partner ? 'p' : 'u'}:${id}`;
    let s = subjects.get(key);
    if (!s) subjects.set(key, s = { userId: partner ? null : id, partnerId: partner ? id : null, name, n: {} });
    return s;
  };
  // every engineer and every partner company has a row, with work or without
  if (all) {
    for (const role of engineerRoles(opts.actor)) for (const u of await usersWithRole(tx, role)) subject(false, u.id, u.displayName);
    for (const p of await tx.select().from(partners)) subject(true, p.id, p.name);
  } else {
    subject(false, opts.actor.id, opts.actor.displayName);
  }
  for (const c of counts) {
    if (!all && (c.partner || c.sid !== opts.actor.id)) continue;
    subject(c.partner, c.sid).n[c.measure] = c.n;
  }
  // names of those who did the work without being engineers now (a manager who repaired, a former engineer)
  const unnamed = [...subjects.values()].filter((s) => s.name === (s.userId ?? s.partnerId));
  const userIds = unnamed.flatMap((s) => (s.userId ? [s.userId] : []));
  const partnerIds = unnamed.flatMap((s) => (s.partnerId ? [s.partnerId] : []));
  const names = new Map([
    ...(userIds.length ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds)) : []),
    ...(partnerIds.length ? await tx.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, partnerIds)) : []),
  ].map((r) => [r.id, r.name]));
  for (const s of unnamed) s.name = names.get(s.userId ?? s.partnerId ?? '') ?? s.name;
  const items = [...subjects.values()].map((s) => {
    const n = (m: repo.EngineerMeasure) => s.n[m] ?? 0;
    const row = {
      userId: s.userId, partnerId: s.partnerId, name: s.name,
      repairs: n('repairs'), repairsOnTime: n('repairsOnTime'), onTimeRate: rate(n('repairsOnTime'), n('repairs')),
      followUps: n('followUps'), satisfied: n('satisfied'), satisfactionRate: rate(n('satisfied'), n('followUps')),
      firstTimeFixes: n('firstTimeFixes'), complaintsClosed: n('complaintsClosed'), firstTimeFixRate: rate(n('firstTimeFixes'), n('complaintsClosed')),
      repeatFaults: n('repeatFaults'), installations: n('installations'), installationsOnTime: n('installationsOnTime'),
    };
    return { ...row, score: engineerScore(settings.scoreWeights, row) };
  });
  items.sort((a, b) => Number(!!a.partnerId) - Number(!!b.partnerId) || (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, 'zh'));
  return { from: opts.range.from.toISOString(), to: opts.range.to.toISOString(), weights: settings.scoreWeights, items };
}

/** The tickets (installations: deals) behind one number of an engineer's or partner's row. */
export async function engineerMeasureCases(opts: { actor: Actor; subjectId: string; measure: repo.EngineerMeasure; range: Range }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.engineers');
  const [user] = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [opts.subjectId]));
  const [partner] = user ? [] : await tx.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, [opts.subjectId]));
  const mayRead = user ? user.id === opts.actor.id || can(opts.actor, 'report.engineersAll') : !!partner && can(opts.actor, 'report.engineersAll');
  if (!mayRead) throw notFound('engineer');
  const settings = await readManagementSettings(tx);
  const rows = await repo.engineerFactRows(tx, {
    ...(await factParams(ctx, tx, opts.range, settings)), measure: opts.measure, sid: opts.subjectId, partner: !user, limit: 1000,
  });
  const when = (t: string | Date | null) => (t ? new Date(t).toISOString() : null);
  return {
    subject: { userId: user ? user.id : null, partnerId: partner ? partner.id : null, name: (user ?? partner)!.name },
    measure: opts.measure, from: opts.range.from.toISOString(), to: opts.range.to.toISOString(),
    items: rows.map((r) => ({
      caseId: r.case_id, caseType: r.case_type, number: r.number, customerId: r.customer_id, customerName: r.customer_name,
      kind: r.kind, state: r.state, taskId: r.task_id, at: when(r.at)!, dueAt: when(r.due_at), outcome: r.outcome,
    })),
  };
}

/** `YYYY-MM` of `n` months before `month` (n ≥ 0), calendar arithmetic. */
const monthsBefore = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return d.toISOString().slice(0, 7);
};

/** One engineer's (or partner company's) score and rates month by month: the last `months` Shanghai
 *  months ending with the clock's current one, each month's numbers those of its row in engineerScores. */
export async function engineerTrend(opts: { actor: Actor; subjectId: string; months: number }, tx: Tx, ctx: AppContext) {
  // an engineer may ask for their own numbers only (the policy's rule); others: anyone's
  authorize(opts.actor, 'report.engineers', { subjectId: opts.subjectId });
  const [user] = await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [opts.subjectId]));
  const [partner] = user ? [] : await tx.select({ id: partners.id, name: partners.name }).from(partners).where(inArray(partners.id, [opts.subjectId]));
  if (!user && !partner) throw notFound('engineer');
  const current = monthOf(ctx.clock.now());
  const points = [];
  for (let i = opts.months - 1; i >= 0; i--) {
    const period = parseMonth(monthsBefore(current, i))!;
    const { items } = await engineerScores({ actor: opts.actor, range: period }, tx, ctx);
    const row = items.find((r) => (user ? r.userId === user.id : r.partnerId === partner!.id));
    points.push({
      month: period.key, from: period.from.toISOString(), to: period.to.toISOString(),
      score: row?.score ?? null, onTimeRate: row?.onTimeRate ?? null, satisfactionRate: row?.satisfactionRate ?? null,
      firstTimeFixRate: row?.firstTimeFixRate ?? null, repairs: row?.repairs ?? 0, followUps: row?.followUps ?? 0, complaintsClosed: row?.complaintsClosed ?? 0,
    });
  }
  return { subject: { userId: user ? user.id : null, partnerId: partner ? partner.id : null, name: (user ?? partner)!.name }, months: points };
}
