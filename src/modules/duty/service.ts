// Duty rotas (值班表, issue 14, PROCESS §6.1): the CS manager's rota puts one CS agent on every
// non-working day; the tech manager's 7×24 rota puts one on-call engineer on every day. Generated
// fair (domain/duty.ts), swapped until the month starts. New tickets on a duty day reach the agent on
// duty; a VIP ticket outside business hours reaches the on-call engineer.
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, forbidden } from '../../server/errors.js';
import { authorize } from '../../policies/index.js';
import { hasRole } from '../../policies/actor.js';
import { dutyDaysOf, planDuty, type DutyKind } from '../../domain/duty.js';
import { overtimeMultiplier } from '../../domain/calendar/index.js';
import { appendAudit } from '../audit/service.js';
import { usersWithRole } from '../users/repo.js';
import { notifyUser } from '../notifications/service.js';
import * as repo from './repo.js';
import { shanghaiDate, shanghaiMidnight } from '../../domain/iso.js';

export const ROTAS = {
  /** one CS agent on each non-working day, by the CS manager */
  cs: { role: 'cs_agent', manager: 'cs_manager', everyDay: false },
  /** one 7×24 on-call engineer on each day, by the tech manager */
  oncall: { role: 'engineer', manager: 'tech_manager', everyDay: true },
} as const;
export type Rota = keyof typeof ROTAS;

/** The Shanghai calendar date of an instant. */
const monthStart = (month: string) => shanghaiMidnight(`${month}-01`);

function mayManage(actor: Actor, rota: Rota) {
  if (!hasRole(actor, ROTAS[rota].manager)) throw forbidden('duty.manager_only');
}

async function present(tx: Tx, ctx: AppContext, rows: repo.DutyRow[]) {
  const calendar = await ctx.calendars.get(tx);
  return rows.map((r) => ({
    date: r.date, userId: r.userId, kind: r.kind as DutyKind, statutory: r.statutory, multiplier: overtimeMultiplier(calendar.dayInfo(r.date)),
  }));
}

export async function dutyMonth(opts: { month: string; rota: Rota }, tx: Tx, ctx: AppContext) {
  return { month: opts.month, rota: opts.rota, items: await present(tx, ctx, await repo.monthRows(tx, opts.rota, opts.month)) };
}

export async function generateDuty(opts: { month: string; rota: Rota; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.manageDuty');
  mayManage(opts.actor, opts.rota);
  const now = ctx.clock.now();
  if (now >= monthStart(opts.month)) throw conflict('duty.month_started', { month: opts.month });
  const calendar = await ctx.calendars.get(tx);
  if (!calendar.hasOfficialData(Number(opts.month.slice(0, 4)))) throw conflict('duty.no_official_calendar', { year: opts.month.slice(0, 4) });
  const people = (await usersWithRole(tx, ROTAS[opts.rota].role)).filter((u) => !u.partnerId)
    .sort((a, b) => a.username.localeCompare(b.username)).map((u) => u.id);
  if (!people.length) throw conflict('duty.nobody', { role: ROTAS[opts.rota].role });
  // each month starts the cycle one further on, so the extra days do not always fall to the same people
  const [y, m] = opts.month.split('-').map(Number) as [number, number];
  const plan = planDuty(dutyDaysOf(opts.month, calendar, ROTAS[opts.rota].everyDay), people, y * 12 + m);
  await repo.replaceMonth(tx, opts.rota, opts.month, plan.map((p) => ({
    rota: opts.rota, date: p.date, userId: p.userId, kind: p.kind, statutory: p.statutory, createdAt: now, updatedAt: now,
  })));
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'duty.generate', entity: 'duty', entityId: `${opts.rota}:${opts.month}`, after: { days: plan.length, people: people.length } });
  for (const id of new Set(plan.map((p) => p.userId))) {
    const mine = plan.filter((p) => p.userId === id).map((p) => p.date.slice(5)).join('、');
    await notifyUser(tx, { userId: id, kind: 'duty_rota', message: `${opts.month} ${opts.rota === 'cs' ? '客服值班' : '7×24 值守'}安排：${mine}`, now });
  }
  return dutyMonth({ month: opts.month, rota: opts.rota }, tx, ctx);
}

/** Swaps the people of two days of one month, or gives a day to another person of the rota's role. */
export async function swapDuty(opts: { month: string; rota: Rota; date: string; withDate?: string; userId?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.manageDuty');
  mayManage(opts.actor, opts.rota);
  const now = ctx.clock.now();
  if (now >= monthStart(opts.month)) throw conflict('duty.month_started', { month: opts.month });
  if (!opts.date.startsWith(`${opts.month}-`)) throw fieldError('date', 'duty.other_month', { month: opts.month });
  const a = await repo.lockDay(tx, opts.rota, opts.date);
  if (!a) throw fieldError('date', 'duty.no_duty_day');
  if (opts.withDate !== undefined) {
    if (!opts.withDate.startsWith(`${opts.month}-`)) throw fieldError('withDate', 'duty.other_month', { month: opts.month });
    const b = await repo.lockDay(tx, opts.rota, opts.withDate);
    if (!b) throw fieldError('withDate', 'duty.no_duty_day');
    await repo.setDayUser(tx, opts.rota, a.date, b.userId, now);
    await repo.setDayUser(tx, opts.rota, b.date, a.userId, now);
  } else if (opts.userId !== undefined) {
    const eligible = (await usersWithRole(tx, ROTAS[opts.rota].role)).some((u) => u.id === opts.userId);
    if (!eligible) throw fieldError('userId', 'field.user_lacks_role', { role: ROTAS[opts.rota].role });
    await repo.setDayUser(tx, opts.rota, a.date, opts.userId, now);
  } else throw fieldError('withDate', 'request.exactly_one', { fields: 'withDate, userId' });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'duty.swap', entity: 'duty', entityId: `${opts.rota}:${opts.month}`, after: { date: opts.date, withDate: opts.withDate ?? null, userId: opts.userId ?? null } });
  return dutyMonth({ month: opts.month, rota: opts.rota }, tx, ctx);
}

/** The agent on CS duty today when today is a duty day (a non-working day with a rota entry). */
export async function csOnDuty(tx: Tx, now: Date) {
  return repo.onDuty(tx, 'cs', shanghaiDate(now));
}

/** The engineer on the 7×24 on-call rota today, if the tech manager made one. */
export async function oncallEngineerId(tx: Tx, now: Date): Promise<string | undefined> {
  return (await repo.onDuty(tx, 'oncall', shanghaiDate(now)))?.userId;
}

/** A new ticket on a duty day: the agent on duty hears of it (unless they opened it themselves). */
export async function tellCsOnDuty(tx: Tx, t: { ticketId: string; number: string; taskId?: string | null; openedBy: string; now: Date }) {
  const duty = await csOnDuty(tx, t.now);
  if (!duty || duty.userId === t.openedBy) return;
  await notifyUser(tx, { userId: duty.userId, kind: 'duty_ticket', taskId: t.taskId ?? null, caseId: t.ticketId, message: `值班提醒：新工单 ${t.number}`, now: t.now });
}
