// Special allowances (特殊津贴, issue 14, PROCESS §6.1), computed from what happened in a month:
// CS duty days (the rota), engineers' installations scheduled on non-working days (the dispatch),
// and the 7×24 engineers — either their hours of VIP repair work outside business hours, or a fixed
// monthly allowance (the setting `oncallMode`). Multipliers: ×3 statutory, ×2 other rest days
// (×1.5 for working-day overtime, the PRC rule for hours beyond the working day). Amounts only where
// the GM set a rate; the GM's approval locks the month.
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError } from '../../server/errors.js';
import { authorize, can } from '../../policies/index.js';
import { managedDepartments, orgOf } from '../../policies/actor.js';
import { overtimeMultiplier, type WorkCalendar } from '../../domain/calendar/index.js';
import { stepsOfKind } from '../../domain/process/definition.js';
import { parseMonth, type Period } from '../reports/period.js';
import { appendAudit } from '../audit/service.js';
import { getSetting, putSetting } from '../users/repo.js';
import { shanghaiDate, shanghaiMidnight } from '../../domain/iso.js';
import * as repo from './repo.js';

export const ALLOWANCE_SETTINGS_KEY = 'allowances.rates';
export interface AllowanceSettings {
  /** fen per unit before the multiplier; null: payroll applies its own rate */
  dutyDayFen: number | null; installationDayFen: number | null; vipHourFen: number | null;
  oncallMode: 'hours' | 'fixed'; oncallMonthlyFen: number | null;
}
export const DEFAULT_ALLOWANCE_SETTINGS: AllowanceSettings = { dutyDayFen: null, installationDayFen: null, vipHourFen: null, oncallMode: 'hours', oncallMonthlyFen: null };

export type AllowanceKind = 'cs_duty' | 'holiday_installation' | 'vip_oncall';
export interface AllowanceLine {
  userId: string; kind: AllowanceKind; date: string | null; caseId: string | null; caseNumber: string | null;
  statutory: boolean; multiplier: number; units: number; unit: 'day' | 'hour' | 'month'; rateFen: number | null; amountFen: number | null;
  /** the source record: the rota day, the installation task, the repair task */
  source: string;
}

export async function allowanceSettings(tx: Tx): Promise<AllowanceSettings> {
  return { ...DEFAULT_ALLOWANCE_SETTINGS, ...((await getSetting(tx, ALLOWANCE_SETTINGS_KEY)) as Partial<AllowanceSettings> | undefined) };
}

export async function putAllowanceSettings(opts: { input: Partial<AllowanceSettings>; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.allowanceSettings');
  const now = ctx.clock.now();
  const before = await allowanceSettings(tx);
  const after = { ...before, ...opts.input };
  await putSetting(tx, ALLOWANCE_SETTINGS_KEY, after, now);
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'settings.allowances', entity: 'settings', entityId: ALLOWANCE_SETTINGS_KEY, before, after });
  return after;
}

const amount = (units: number, rate: number | null, multiplier: number) => (rate === null ? null : Math.round(units * rate * multiplier));
const HOUR_MS = 3_600_000;

function monthPeriod(month: string): Period {
  const p = parseMonth(month);
  if (!p) throw fieldError('month', 'field.invalid', { detail: 'YYYY-MM' });
  return p;
}

/** Hours of [a, b) outside the standard business hours, split by the Shanghai day they fall on. */
function afterHoursByDay(a: Date, b: Date, calendar: WorkCalendar): Map<string, number> {
  const out = new Map<string, number>();
  const dayMs = calendar.dayHours('standard') * HOUR_MS;
  for (let t = a.getTime(); t < b.getTime();) {
    const date = shanghaiDate(new Date(t));
    const nextMidnight = shanghaiMidnight(date).getTime() + 86_400_000;
    const end = Math.min(nextMidnight, b.getTime());
    const working = calendar.workingTimeBetween(new Date(t), new Date(end), 'standard') * dayMs;
    const hours = (end - t - working) / HOUR_MS;
    if (hours > 0) out.set(date, (out.get(date) ?? 0) + hours);
    t = end;
  }
  return out;
}

async function computeLines(tx: Tx, ctx: AppContext, month: string, period: Period): Promise<AllowanceLine[]> {
  const rates = await allowanceSettings(tx);
  const calendar = await ctx.calendars.get(tx);
  const def = ctx.processes.current();
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const lines: AllowanceLine[] = [];

  // CS duty days, from the rota
  for (const d of await repo.dutyRows(tx, 'cs', `${month}-01`, next)) {
    const multiplier = overtimeMultiplier(calendar.dayInfo(d.date));
    lines.push({
      userId: d.userId, kind: 'cs_duty', date: d.date, caseId: null, caseNumber: null, statutory: d.statutory, multiplier, units: 1, unit: 'day',
      rateFen: rates.dutyDayFen, amountFen: amount(1, rates.dutyDayFen, multiplier), source: `值班表 ${d.date}`,
    });
  }

  // installations done this month whose dispatch scheduled them on a non-working day
  const installs = await repo.doneTasksIn(tx, stepsOfKind(def, 'installation'), period.from, period.to);
  const dispatches = await repo.doneTasksOfCases(tx, stepsOfKind(def, 'dispatch'), installs.map((i) => i.task.caseId));
  const forms = new Map((await repo.completionForms(tx, dispatches.map((d) => d.id))).map((f) => [f.taskId, f.form]));
  for (const i of installs) {
    const dispatch = dispatches.filter((d) => d.caseId === i.task.caseId && d.completedAt! <= i.task.completedAt!)
      .sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime())[0];
    const scheduledAt = dispatch ? forms.get(dispatch.id)?.scheduledAt : undefined;
    if (typeof scheduledAt !== 'string') continue;
    const info = calendar.dayInfo(shanghaiDate(new Date(scheduledAt)));
    if (info.workday) continue;
    const multiplier = overtimeMultiplier(info);
    const engineers = i.task.assigneeIds.length ? i.task.assigneeIds : [i.task.completedBy!];
    for (const userId of engineers) {
      lines.push({
        userId, kind: 'holiday_installation', date: info.date, caseId: i.task.caseId, caseNumber: i.caseNumber, statutory: multiplier === 3, multiplier,
        units: 1, unit: 'day', rateFen: rates.installationDayFen, amountFen: amount(1, rates.installationDayFen, multiplier), source: `装机任务 ${i.task.id}`,
      });
    }
  }

  // 7×24 engineers: a fixed monthly allowance for each engineer on the on-call rota, or their hours of
  // VIP repair work outside business hours (from taking the repair to finishing it)
  if (rates.oncallMode === 'fixed') {
    const oncall = new Set((await repo.dutyRows(tx, 'oncall', `${month}-01`, next)).map((d) => d.userId));
    for (const userId of oncall) {
      lines.push({
        userId, kind: 'vip_oncall', date: null, caseId: null, caseNumber: null, statutory: false, multiplier: 1, units: 1, unit: 'month',
        rateFen: rates.oncallMonthlyFen, amountFen: amount(1, rates.oncallMonthlyFen, 1), source: `7×24 值守 ${month}`,
      });
    }
  } else {
    const repairs = (await repo.doneTasksIn(tx, stepsOfKind(def, 'repair'), period.from, period.to)).filter((r) => r.task.tier === 'vip' && r.task.completedBy);
    for (const r of repairs) {
      for (const [date, hours] of afterHoursByDay(r.task.createdAt, r.task.completedAt!, calendar)) {
        const info = calendar.dayInfo(date);
        const multiplier = info.workday ? 1.5 : overtimeMultiplier(info);
        const units = Math.round(hours * 100) / 100;
        if (units <= 0) continue;
        lines.push({
          userId: r.task.completedBy!, kind: 'vip_oncall', date, caseId: r.task.caseId, caseNumber: r.caseNumber, statutory: multiplier === 3, multiplier,
          units, unit: 'hour', rateFen: rates.vipHourFen, amountFen: amount(units, rates.vipHourFen, multiplier), source: `维修任务 ${r.task.id}`,
        });
      }
    }
  }
  return lines.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.kind.localeCompare(b.kind) || a.userId.localeCompare(b.userId));
}

/** gm and administration all; a manager their departments' people; everyone else their own lines. */
async function visible(tx: Tx, actor: Actor, lines: AllowanceLine[]) {
  if (can(actor, 'people.readAllAllowances')) return lines;
  const managed = managedDepartments(actor);
  const people = await repo.departmentsOfUsers(tx, [...new Set(lines.map((l) => l.userId))]);
  const org = orgOf(actor);
  const inManaged = new Set(people.filter((p) => p.roles.some((r) => managed.includes(org.roles[r]?.department ?? ''))).map((p) => p.id));
  return lines.filter((l) => l.userId === actor.id || inManaged.has(l.userId));
}

export async function allowanceStatement(opts: { month: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.readAllowances');
  const period = monthPeriod(opts.month);
  const approved = await repo.findMonth(tx, opts.month);
  const lines = approved ? (approved.lines as AllowanceLine[]) : await computeLines(tx, ctx, opts.month, period);
  const shown = await visible(tx, opts.actor, lines);
  const names = Object.fromEntries((await repo.departmentsOfUsers(tx, [...new Set([...shown.map((l) => l.userId), ...(approved ? [approved.approvedBy] : [])])])).map((u) => [u.id, u.displayName]));
  return {
    month: opts.month,
    settings: await allowanceSettings(tx),
    approved: approved ? { at: approved.approvedAt.toISOString(), by: approved.approvedBy, byName: names[approved.approvedBy] ?? null } : null,
    items: shown.map((l) => ({ ...l, userName: names[l.userId] ?? null })),
  };
}

export async function approveAllowanceMonth(opts: { month: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.approveAllowances');
  const period = monthPeriod(opts.month);
  const now = ctx.clock.now();
  if (now < period.to) throw conflict('commission.month_not_over', { month: opts.month });
  const lines = await computeLines(tx, ctx, opts.month, period);
  const row = await repo.insertMonth(tx, { month: opts.month, approvedAt: now, approvedBy: opts.actor.id, lines });
  if (!row) throw conflict('allowance.month_locked', { month: opts.month });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'allowance.approve', entity: 'allowance_month', entityId: opts.month, after: { lines: lines.length } });
  return allowanceStatement({ month: opts.month, actor: opts.actor }, tx, ctx);
}
