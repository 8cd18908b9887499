// The sysadmin keeps the calendar: official corrections, next year's schedule, business hours.
import { renderReason } from '../../server/messages.js';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { fieldError } from '../../server/errors.js';
import { createWorkCalendar } from '../../domain/calendar/index.js';
import type { BusinessHours } from '../../domain/calendar/index.js';
import { appendAudit } from '../audit/service.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import * as repo from './repo.js';
import { HOURS_KEY, YEARS_KEY, loadCalendarData } from './service.js';

export async function putCalendarDay(opts: { date: string; kind: 'holiday' | 'makeup_workday'; name?: string; actor: Actor; now: Date }, tx: Tx, ctx: AppContext) {
  await repo.upsertDay(tx, { date: opts.date, kind: opts.kind, name: opts.name ?? null, source: 'admin' });
  // entering days for a year is how the sysadmin publishes that year's official schedule
  const year = Number(opts.date.slice(0, 4));
  const years = (await repo.getSetting<number[]>(tx, YEARS_KEY)) ?? [];
  if (!years.includes(year)) await repo.putSetting(tx, YEARS_KEY, [...years, year].sort(), opts.now);
  await ctx.calendars.bump(tx, opts.now);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'calendar.put', entity: 'calendar_day', entityId: opts.date, after: { kind: opts.kind, name: opts.name } });
  return { date: opts.date, kind: opts.kind, name: opts.name ?? null, source: 'admin' };
}

export async function deleteCalendarDay(opts: { date: string; actor: Actor; now: Date }, tx: Tx, ctx: AppContext) {
  const ok = await repo.deleteDay(tx, opts.date);
  if (ok) {
    await ctx.calendars.bump(tx, opts.now);
    await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'calendar.delete', entity: 'calendar_day', entityId: opts.date });
  }
  return ok;
}

export async function setBusinessHours(opts: { hours: BusinessHours; actor: Actor; now: Date }, tx: Tx, ctx: AppContext) {
  const { data } = await loadCalendarData(tx);
  try {
    createWorkCalendar({ data, hours: opts.hours });
  } catch (e) {
    throw fieldError('periods', 'field.invalid', { detail: (e as Error).message });
  }
  await repo.putSetting(tx, HOURS_KEY, opts.hours, opts.now);
  await ctx.calendars.bump(tx, opts.now);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'calendar.hours', entity: 'settings', entityId: HOURS_KEY, after: opts.hours });
  return opts.hours;
}

/** Which years have official data; the app warns about this year and the next without. */
export async function calendarStatus(tx: Tx, ctx: AppContext) {
  const cal = await ctx.calendars.get(tx);
  const year = shanghaiYear(ctx.clock.now());
  const years = [year, year + 1];
  const missing = years.filter((y) => !cal.hasOfficialData(y));
  return {
    hours: cal.hours,
    officialYears: (await repo.getSetting<number[]>(tx, YEARS_KEY)) ?? [],
    missingYears: missing,
    warning: missing.length
      ? renderReason('calendar.no_holiday_data', { years: missing.join(', ') })
      : null,
  };
}
