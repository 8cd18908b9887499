// Notifications and the overdue sweep. The sweep claims overdue tasks with one UPDATE
// (FOR UPDATE SKIP LOCKED), so with several app instances each escalation level fires exactly once.
import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, notifications, tasks, tickets } from '../../db/schema.js';
import { managerOf } from '../../domain/roles.js';
import type { Tier } from '../../domain/calendar/index.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import type { AppContext } from '../../server/context.js';
import { usersWithRole } from '../users/repo.js';
import { appendAudit } from '../audit/service.js';
import { announce } from './events.js';
import { shanghaiTime } from './messages.js';

type Notice = { userId: string; kind: string; taskId?: string | null; caseId?: string | null; message: string; now: Date };

export async function notifyUser(tx: Tx, n: Notice) {
  await notifyUsers(tx, [n]);
}

/** In-app notifications, one INSERT for all. */
export async function notifyUsers(tx: Tx, list: Notice[]) {
  if (!list.length) return;
  await tx.insert(notifications).values(list.map((n) => ({
    id: crypto.randomUUID(), userId: n.userId, kind: n.kind, taskId: n.taskId ?? null, caseId: n.caseId ?? null,
    message: n.message, createdAt: n.now, read: false,
  }))).onConflictDoNothing();
}

export async function notifyRole(tx: Tx, n: { role: string; kind: string; taskId?: string | null; caseId?: string | null; message: string; now: Date }) {
  for (const u of await usersWithRole(tx, n.role)) await notifyUser(tx, { ...n, userId: u.id });
}

export async function listNotifications(tx: Tx, userId: string, unreadOnly: boolean) {
  // the case's type, so the web app links straight to the deal, ticket or customer page
  const rows = await tx.select({ n: notifications, caseType: cases.type }).from(notifications)
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(and(eq(notifications.userId, userId), unreadOnly ? eq(notifications.read, false) : undefined))
    .orderBy(desc(notifications.createdAt)).limit(100);
  return rows.map(({ n, caseType: type }) => ({
    id: n.id, kind: n.kind, ...(n.taskId ? { taskId: n.taskId } : {}), ...(n.caseId ? { caseId: n.caseId, caseType: type } : {}),
    message: n.message, createdAt: n.createdAt.toISOString(), read: n.read,
  }));
}

export async function markRead(tx: Tx, userId: string, id: string) {
  return (await tx.update(notifications).set({ read: true }).where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning()).length > 0;
}

/** Who an escalation level goes to: the owning department's manager (per the definition), or a role. */
function levelRole(def: ProcessDefinition, level: string, department: string): string {
  if (level !== 'department_manager') return level;
  return managerOf(def, department) ?? 'gm';
}

/** tasks of a paused ticket hold still: no escalation while the SLA clock is stopped */
const NOT_PAUSED = sql`not exists (select 1 from ${tickets} p where p.id = ${tasks.caseId} and p.paused_at is not null)`;

/** The escalation chain (issue 16): level 1 when an open task passes its deadline, to the
 *  owning department's manager; each further level (default: the GM) `escalateAfterDays` of
 *  working time after the one before. Rows are claimed with FOR UPDATE SKIP LOCKED and their
 *  level moves in the same UPDATE, so with several instances each level fires exactly once.
 *  External messages go through the outbox (announce), in this transaction. */
export async function sweepOverdue(ctx: AppContext, now: Date): Promise<number> {
  const def = ctx.processes.current();
  const { levels, escalateAfterDays } = def.escalation;
  const label = (step: string) => def.steps[step]?.label.zh ?? step;
  return ctx.db.transaction(async (tx) => {
    const calendar = await ctx.calendars.get(tx);
    const at = now.toISOString();
    const claimed = await tx.execute(sql`
      with due as (
        select id from ${tasks}
        where status = 'open' and escalated_at is null and due_at is not null and due_at < ${at}::timestamptz and ${NOT_PAUSED}
        order by due_at
        limit 500
        for update skip locked
      )
      update ${tasks} t set escalated_at = ${at}::timestamptz, escalation_level = 1
      from due where t.id = due.id
      returning t.id, t.step, t.case_type, t.case_id, t.department, t.due_at, t.tier`);
    const rows = rowsOf<{ id: string; step: string; case_type: string; case_id: string; department: string; due_at: string | Date; tier: Tier }>(claimed);
    for (const r of rows) {
      const dueAt = new Date(r.due_at);
      const managerRole = levelRole(def, levels[0], r.department);
      await announce(tx, ctx, {
        routeAs: 'overdue', recipients: await usersWithRole(tx, managerRole), caseId: r.case_id, taskId: r.id, tier: r.tier,
        eventId: `overdue:${r.id}:1`, params: { step: label(r.step), dueAt: shanghaiTime(dueAt), level: 1 }, now,
      });
      if (levels.length > 1) {
        await tx.update(tasks).set({ nextEscalationAt: calendar.dueAt(dueAt, escalateAfterDays, r.tier) }).where(eq(tasks.id, r.id));
      }
      await appendAudit(tx, { at: now, actorId: null, action: 'task.escalate', entity: 'task', entityId: r.id, caseId: r.case_id, after: { managerRole, level: 1 } });
    }
    // further levels of the chain
    const further = await tx.execute(sql`
      with due as (
        select id, next_escalation_at from ${tasks}
        where status = 'open' and next_escalation_at is not null and next_escalation_at <= ${at}::timestamptz and ${NOT_PAUSED}
        order by next_escalation_at
        limit 500
        for update skip locked
      )
      update ${tasks} t set escalation_level = t.escalation_level + 1, next_escalation_at = null
      from due where t.id = due.id
      returning t.id, t.step, t.case_id, t.department, t.due_at, t.tier, t.escalation_level, due.next_escalation_at as fired_at`);
    const upRows = rowsOf<{ id: string; step: string; case_id: string; department: string; due_at: string | Date; tier: Tier; escalation_level: number; fired_at: string | Date }>(further);
    for (const r of upRows) {
      const level = Number(r.escalation_level);
      const target = levels[level - 1];
      if (!target) continue;
      const role = levelRole(def, target, r.department);
      await announce(tx, ctx, {
        routeAs: 'escalated', recipients: await usersWithRole(tx, role), caseId: r.case_id, taskId: r.id, tier: r.tier,
        eventId: `overdue:${r.id}:${level}`, params: { step: label(r.step), dueAt: shanghaiTime(new Date(r.due_at)), level }, now,
      });
      if (level < levels.length) {
        await tx.update(tasks).set({ nextEscalationAt: calendar.dueAt(new Date(r.fired_at), escalateAfterDays, r.tier) }).where(eq(tasks.id, r.id));
      }
      await appendAudit(tx, { at: now, actorId: null, action: 'task.escalate', entity: 'task', entityId: r.id, caseId: r.case_id, after: { managerRole: role, level } });
    }
    // the whole ticket's two-day close deadline: the CS manager hears of it once
    const lateTickets = await tx.execute(sql`
      with due as (
        select t.id, k.number from ${tickets} t join ${cases} k on k.id = t.id
        where k.closed_at is null and t.escalated_at is null and t.paused_at is null and t.due_at < ${at}::timestamptz
        order by t.due_at
        limit 500
        for update of t skip locked
      )
      update ${tickets} t set escalated_at = ${at}::timestamptz
      from due where t.id = due.id
      returning t.id, due.number, t.due_at`);
    const ticketRows = rowsOf<{ id: string; number: string; due_at: string | Date }>(lateTickets);
    for (const r of ticketRows) {
      const [k] = await tx.select({ tier: cases.tier }).from(cases).where(eq(cases.id, r.id));
      await announce(tx, ctx, {
        routeAs: 'overdue', kind: 'ticket_overdue', recipients: await usersWithRole(tx, 'cs_manager'), caseId: r.id, tier: (k?.tier as Tier | null) ?? 'standard',
        eventId: `ticket_overdue:${r.id}`, params: { dueAt: shanghaiTime(new Date(r.due_at)) }, now,
      });
      await appendAudit(tx, { at: now, actorId: null, action: 'ticket.escalate', entity: 'ticket', entityId: r.id, caseId: r.id, after: { managerRole: 'cs_manager' } });
    }
    return rows.length + upRows.length + ticketRows.length;
  });
}

/** The rows of a raw `execute`: node-postgres and PGlite both answer `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
