// SLA pause and resume of a ticket (issue 16). While a ticket is paused (waiting for the
// customer or for parts) its open step deadlines and its close deadline stand still: the
// sweep skips it, and on resume each deadline moves by the working time spent paused on its
// own clock (domain/calendar/pause.ts). Every pause is a row (ticket_pauses) and two audit
// entries, so it shows in the history, the weekly summary and the breach verdict.
import crypto from 'node:crypto';
import { and, asc, eq, gte, lt, isNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { tasks, ticketPauses } from '../../db/schema.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, notFound } from '../../server/errors.js';
import { can, denial } from '../../policies/index.js';
import { pausedWorkingTime, resumedDeadline, type Tier } from '../../domain/calendar/index.js';
import { appendAudit } from '../audit/service.js';
import * as repo from './repo.js';

export async function pauseTicket(opts: { id: string; reason: string; note?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const t = await repo.lockTicket(tx, opts.id);
  if (!t) throw notFound('ticket');
  const def = await ctx.processes.get(t.definitionVersion, tx);
  if (!can(opts.actor, 'case.pause', { type: 'ticket', partnerId: t.partnerId, pauseRoles: def.ticketPause.roles })) {
    throw can(opts.actor, 'case.read', { type: 'ticket', partnerId: t.partnerId }) ? denial(opts.actor, 'case.pause') : notFound('ticket');
  }
  if (t.closedAt) throw conflict('ticket.closed');
  if (t.pausedAt) throw conflict('ticket.already_paused');
  if (!def.ticketPause.reasons.some((r) => r.value === opts.reason)) {
    throw fieldError('reason', 'zod.invalid_value', { values: def.ticketPause.reasons.map((r) => r.value).join(', ') });
  }
  const after = await repo.updateTicket(tx, t.id, { pausedAt: now, pauseReason: opts.reason, updatedAt: now });
  await tx.insert(ticketPauses).values({ id: crypto.randomUUID(), ticketId: t.id, reason: opts.reason, note: opts.note || null, pausedAt: now, pausedBy: opts.actor.id });
  await appendAudit(tx, {
    at: now, actorId: opts.actor.id, action: 'ticket.pause', entity: 'ticket', entityId: t.id, caseId: t.id,
    after: { reason: opts.reason, note: opts.note ?? null, pausedAt: now.toISOString() },
  });
  return after;
}

/** Resumes a paused ticket; `actor` null: the system (a step completed while paused). */
export async function resumeTicket(opts: { id: string; actor: Actor; checkPolicy?: boolean }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const t = await repo.lockTicket(tx, opts.id);
  if (!t) throw notFound('ticket');
  if (opts.checkPolicy !== false) {
    const def = await ctx.processes.get(t.definitionVersion, tx);
    if (!can(opts.actor, 'case.pause', { type: 'ticket', partnerId: t.partnerId, pauseRoles: def.ticketPause.roles })) {
      throw can(opts.actor, 'case.read', { type: 'ticket', partnerId: t.partnerId }) ? denial(opts.actor, 'case.pause') : notFound('ticket');
    }
  }
  if (!t.pausedAt) throw conflict('ticket.not_paused');
  const pausedAt = t.pausedAt;
  const calendar = await ctx.calendars.get(tx);
  const tier = t.tier as Tier;
  const moved = [];
  const open = await tx.select().from(tasks).where(and(eq(tasks.caseId, t.id), eq(tasks.status, 'open'))).orderBy(asc(tasks.seq)).for('update');
  for (const task of open) {
    const taskTier = task.tier as Tier;
    // a step opened during the pause was paused from its opening
    const from = task.createdAt > pausedAt ? task.createdAt : pausedAt;
    const set: { dueAt?: Date; nextEscalationAt?: Date } = {};
    if (task.dueAt) {
      const d = resumedDeadline(calendar, { dueAt: task.dueAt, pausedAt: from, resumedAt: now, tier: taskTier });
      if (d.getTime() !== task.dueAt.getTime()) set.dueAt = d;
    }
    if (task.nextEscalationAt) {
      const d = resumedDeadline(calendar, { dueAt: task.nextEscalationAt, pausedAt: from, resumedAt: now, tier: taskTier });
      if (d.getTime() !== task.nextEscalationAt.getTime()) set.nextEscalationAt = d;
    }
    if (Object.keys(set).length) {
      await tx.update(tasks).set(set).where(eq(tasks.id, task.id));
      moved.push({ taskId: task.id, step: task.step, before: task.dueAt?.toISOString() ?? null, after: (set.dueAt ?? task.dueAt)?.toISOString() ?? null });
    }
  }
  const dueAt = resumedDeadline(calendar, { dueAt: t.dueAt, pausedAt, resumedAt: now, tier });
  const workingDays = pausedWorkingTime(calendar, { pausedAt, resumedAt: now, tier });
  const after = await repo.updateTicket(tx, t.id, { pausedAt: null, pauseReason: null, dueAt, updatedAt: now });
  await tx.update(ticketPauses).set({ resumedAt: now, resumedBy: opts.actor.id, workingDays })
    .where(and(eq(ticketPauses.ticketId, t.id), isNull(ticketPauses.resumedAt)));
  await appendAudit(tx, {
    at: now, actorId: opts.actor.id, action: 'ticket.resume', entity: 'ticket', entityId: t.id, caseId: t.id,
    before: { pausedAt: pausedAt.toISOString(), reason: t.pauseReason, dueAt: t.dueAt.toISOString() },
    after: { resumedAt: now.toISOString(), workingDays, dueAt: dueAt.toISOString(), moved },
  });
  return after;
}

/** A step completed on a paused ticket ends the wait: the ticket resumes first. */
export async function resumeIfPaused(tx: Tx, ctx: AppContext, caseId: string, actor: Actor): Promise<boolean> {
  const t = await repo.findTicket(tx, caseId);
  if (!t?.pausedAt) return false;
  await resumeTicket({ id: caseId, actor, checkPolicy: false }, tx, ctx);
  return true;
}

/** The pauses of a ticket, oldest first. */
export async function pausesOfTicket(tx: Tx, ticketId: string) {
  return tx.select().from(ticketPauses).where(eq(ticketPauses.ticketId, ticketId)).orderBy(asc(ticketPauses.pausedAt));
}

/** Pauses that overlap a period (the weekly summary). */
export async function pausesInPeriod(tx: Tx, from: Date, to: Date) {
  return tx.select().from(ticketPauses)
    .where(and(lt(ticketPauses.pausedAt, to), or(isNull(ticketPauses.resumedAt), gte(ticketPauses.resumedAt, from))))
    .orderBy(asc(ticketPauses.pausedAt));
}

export function presentPause(p: typeof ticketPauses.$inferSelect) {
  return {
    id: p.id, reason: p.reason, note: p.note, pausedAt: p.pausedAt.toISOString(), pausedBy: p.pausedBy,
    resumedAt: p.resumedAt?.toISOString() ?? null, resumedBy: p.resumedBy, workingDays: p.workingDays,
  };
}
