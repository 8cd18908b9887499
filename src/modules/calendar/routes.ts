import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { fieldError, notFound } from '../../server/errors.js';
import { isoDate, isoTime } from '../../domain/iso.js';
import { calendarStatus, deleteCalendarDay, putCalendarDay, setBusinessHours } from './admin.js';
import * as repo from './repo.js';
import { okReply } from '../../server/replies.js';
import { businessHours, calendarOverride, calendarStatusReply, calendarYear, dayInfo, dueReply } from './schema.js';


export async function calendarRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/calendar/due', {
    config: { policy: 'admin.calendarRead' },
    schema: { tags: ['calendar'], querystring: z.object({ from: isoTime, days: z.coerce.number().min(0).max(3650), tier: z.string().max(40).default('standard') }), response: { 200: dueReply } },
  }, async (req) => {
    actorOf(req);
    if (!Object.hasOwn(ctx.processes.current().tiers, req.query.tier)) throw fieldError('tier', 'field.unknown_tier', { tier: req.query.tier });
    const cal = await ctx.calendars.get(ctx.db);
    return { dueAt: cal.dueAt(new Date(req.query.from), req.query.days, req.query.tier).toISOString() };
  });

  app.get('/calendar/days/:date', { config: { policy: 'admin.calendarRead' }, schema: { tags: ['calendar'], params: z.object({ date: isoDate }), response: { 200: dayInfo } } }, async (req) => {
    actorOf(req);
    const cal = await ctx.calendars.get(ctx.db);
    const year = Number(req.params.date.slice(0, 4));
    if (year < 1900 || year > 2200) throw fieldError('date', 'field.year_range', { min: 1900, max: 2200 });
    return { ...cal.dayInfo(req.params.date), officialData: cal.hasOfficialData(year) };
  });

  app.get('/calendar/days', {
    config: { policy: 'admin.calendarRead' },
    schema: { tags: ['calendar'], querystring: z.object({ year: z.coerce.number().int().min(1900).max(2200) }), response: { 200: calendarYear } },
  }, async (req) => {
    actorOf(req);
    const y = req.query.year;
    const rows = await repo.daysBetween(ctx.db, `${y}-01-01`, `${y}-12-31`);
    const cal = await ctx.calendars.get(ctx.db);
    return { year: y, officialData: cal.hasOfficialData(y), items: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name, source: r.source })) };
  });

  app.put('/calendar/days/:date', {
    config: { policy: 'admin.calendar' },
    schema: { tags: ['calendar'], params: z.object({ date: isoDate }), body: z.object({ kind: z.enum(['holiday', 'makeup_workday']), name: z.string().trim().max(100).optional() }), response: { 200: calendarOverride } },
  }, async (req) => {
    const actor = actorOf(req);
    return ctx.db.transaction((tx) => putCalendarDay({ date: req.params.date, ...req.body, actor, now: ctx.clock.now() }, tx, ctx));
  });

  app.delete('/calendar/days/:date', { config: { policy: 'admin.calendar' }, schema: { tags: ['calendar'], params: z.object({ date: isoDate }), response: { 200: okReply } } }, async (req) => {
    const actor = actorOf(req);
    const ok = await ctx.db.transaction((tx) => deleteCalendarDay({ date: req.params.date, actor, now: ctx.clock.now() }, tx, ctx));
    if (!ok) throw notFound('calendar day');
    return { ok: true as const };
  });

  app.get('/calendar/status', { config: { policy: 'admin.calendarRead' }, schema: { tags: ['calendar'], response: { 200: calendarStatusReply } } }, async (req) => {
    actorOf(req);
    return calendarStatus(ctx.db, ctx);
  });

  app.put('/calendar/hours', {
    config: { policy: 'admin.calendar' },
    schema: {
      tags: ['calendar'],
      body: z.object({ periods: z.array(z.object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) })).min(1).max(6) }),
      response: { 200: businessHours },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return ctx.db.transaction((tx) => setBusinessHours({ hours: req.body, actor, now: ctx.clock.now() }, tx, ctx));
  });
}
