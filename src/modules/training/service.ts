// The training rotation (培训, issue 14, PROCESS §6.1): weekly sessions on the configured weekday
// (setting `training.weekday`, default Friday) 09:00–12:00, moved back within the week when that day
// is off; directions alternate by held session, starting business → technical; lecturers rotate
// through the department's active staff. The lecturer is told to prepare by 2 working days before.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, forbidden, notFound } from '../../server/errors.js';
import { authorize } from '../../policies/index.js';
import { hasRole } from '../../policies/actor.js';
import {
  DIRECTION_LECTURER_ROLE, DIRECTION_MANAGER_ROLE, nextInRotation, otherDirection, trainingDays, workingDaysBefore, type TrainingDirection,
} from '../../domain/training.js';
import { appendAudit } from '../audit/service.js';
import { getSetting } from '../users/repo.js';
import { usersWithRole } from '../users/repo.js';
import { notifyUser } from '../notifications/service.js';
import * as repo from './repo.js';
import { shanghaiAt } from '../../domain/iso.js';

export const TRAINING_WEEKDAY_KEY = 'training.weekday';

export function presentSession(s: repo.SessionRow) {
  return {
    id: s.id, date: s.date, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), direction: s.direction as TrainingDirection,
    lecturerId: s.lecturerId, topic: s.topic, prepareDueAt: s.prepareDueAt.toISOString(), attendeeIds: s.attendeeIds,
  };
}

async function lecturers(tx: Tx, direction: TrainingDirection) {
  return (await usersWithRole(tx, DIRECTION_LECTURER_ROLE[direction])).filter((u) => !u.partnerId).sort((a, b) => a.username.localeCompare(b.username)).map((u) => u.id);
}

export async function planTraining(opts: { from: string; weeks: number; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.planTraining');
  const calendar = await ctx.calendars.get(tx);
  const weekdaySetting = await getSetting(tx, TRAINING_WEEKDAY_KEY);
  const weekday = typeof weekdaySetting === 'number' ? weekdaySetting : 5;
  const now = ctx.clock.now();
  const closing = calendar.hours.periods.at(-1)?.end ?? '18:00';
  const created = [];
  for (const date of trainingDays({ from: opts.from, weeks: opts.weeks, weekday, calendar })) {
    if (await repo.onDate(tx, date)) continue;
    const last = await repo.lastBefore(tx, date);
    const direction: TrainingDirection = last ? otherDirection(last.direction as TrainingDirection) : 'business_to_technical';
    const lecturerId = nextInRotation(await lecturers(tx, direction), (await repo.lastOfDirectionBefore(tx, direction, date))?.lecturerId);
    if (!lecturerId) throw conflict('duty.nobody', { role: DIRECTION_LECTURER_ROLE[direction] });
    const prepareDueAt = shanghaiAt(workingDaysBefore(date, 2, calendar), closing === '24:00' ? '23:59' : closing);
    const s = await repo.insertSession(tx, {
      id: crypto.randomUUID(), date, startsAt: shanghaiAt(date, '09:00'), endsAt: shanghaiAt(date, '12:00'), direction, lecturerId, prepareDueAt, createdAt: now, updatedAt: now,
    });
    if (!s) continue;
    created.push(s);
    await notifyUser(tx, { userId: lecturerId, kind: 'training_prepare', message: `请准备 ${date} 09:00 的培训（${direction === 'business_to_technical' ? '业务部给技术部' : '技术部给业务部'}），${prepareDueAt.toISOString().slice(0, 10)} 前备好课件`, now });
  }
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'training.plan', entity: 'training', entityId: opts.from, after: { weeks: opts.weeks, dates: created.map((s) => s.date) } });
  return { items: created.map(presentSession) };
}

export async function listTraining(opts: { from?: string; to?: string }, tx: Tx) {
  return { items: (await repo.between(tx, opts.from, opts.to)).map(presentSession) };
}

/** The responsible manager (business → technical: the sales manager; the other way: the tech manager) or the GM. */
async function managed(tx: Tx, actor: Actor, id: string) {
  authorize(actor, 'people.planTraining');
  const s = await repo.findSession(tx, id);
  if (!s) throw notFound('training');
  if (!hasRole(actor, 'gm') && !hasRole(actor, DIRECTION_MANAGER_ROLE[s.direction as TrainingDirection] as 'sales_manager')) throw forbidden('training.other_manager');
  return s;
}

export async function updateSession(opts: { id: string; topic?: string; lecturerId?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const s = await managed(tx, opts.actor, opts.id);
  if (opts.lecturerId !== undefined && !(await lecturers(tx, s.direction as TrainingDirection)).includes(opts.lecturerId)) {
    throw fieldError('lecturerId', 'field.user_lacks_role', { role: DIRECTION_LECTURER_ROLE[s.direction as TrainingDirection] });
  }
  const now = ctx.clock.now();
  const updated = await repo.updateSession(tx, s.id, { ...(opts.topic !== undefined ? { topic: opts.topic } : {}), ...(opts.lecturerId !== undefined ? { lecturerId: opts.lecturerId } : {}), updatedAt: now });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'training.update', entity: 'training', entityId: s.id, before: presentSession(s), after: presentSession(updated) });
  if (opts.lecturerId && opts.lecturerId !== s.lecturerId) {
    await notifyUser(tx, { userId: opts.lecturerId, kind: 'training_prepare', message: `请准备 ${s.date} 09:00 的培训${updated.topic ? `：${updated.topic}` : ''}`, now });
  }
  return presentSession(updated);
}

export async function recordAttendance(opts: { id: string; userIds: string[]; actor: Actor }, tx: Tx, ctx: AppContext) {
  const s = await managed(tx, opts.actor, opts.id);
  const now = ctx.clock.now();
  const updated = await repo.updateSession(tx, s.id, { attendeeIds: [...new Set(opts.userIds)], updatedAt: now });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'training.attendance', entity: 'training', entityId: s.id, after: { attendeeIds: updated.attendeeIds } });
  return presentSession(updated);
}

export async function trainingHistory(opts: { userId: string }, tx: Tx) {
  const rows = await repo.historyOf(tx, opts.userId);
  return {
    taught: rows.filter((r) => r.lecturerId === opts.userId).map(presentSession),
    attended: rows.filter((r) => r.attendeeIds.includes(opts.userId)).map(presentSession),
  };
}
