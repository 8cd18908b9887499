// Notifications and the overdue sweep. The sweep claims overdue tasks with one UPDATE
// (FOR UPDATE SKIP LOCKED), so with several app instances each escalation fires exactly once.
import crypto from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { cases, notifications, tasks, tickets } from '../../db/schema.js';
import { DEPARTMENT_MANAGER, type Department } from '../../domain/roles.js';
import { usersWithRole } from '../users/repo.js';
import { appendAudit } from '../audit/service.js';

export async function notifyUser(tx: Tx, n: { userId: string; kind: string; taskId?: string | null; caseId?: string | null; message: string; now: Date }) {
  await tx.insert(notifications).values({
    id: crypto.randomUUID(), userId: n.userId, kind: n.kind, taskId: n.taskId ?? null, caseId: n.caseId ?? null,
    message: n.message, createdAt: n.now, read: false,
  }).onConflictDoNothing();
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

const STEP_LABEL: Record<string, string> = {};

/** Marks open tasks past due as escalated and tells the owning department's manager. */
export async function sweepOverdue(db: Db, now: Date, stepLabels: Record<string, string> = STEP_LABEL): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.execute(sql`
      with due as (
        select id from ${tasks}
        where status = 'open' and escalated_at is null and due_at is not null and due_at < ${now.toISOString()}::timestamptz
        order by due_at
        limit 500
        for update skip locked
      )
      update ${tasks} t set escalated_at = ${now.toISOString()}::timestamptz
      from due where t.id = due.id
      returning t.id, t.step, t.case_type, t.case_id, t.department, t.due_at`);
    const rows = rowsOf<{ id: string; step: string; case_type: string; case_id: string; department: string; due_at: string | Date }>(claimed);
    for (const r of rows) {
      const managerRole = DEPARTMENT_MANAGER[r.department as Department] ?? 'gm';
      const label = stepLabels[r.step] ?? r.step;
      await notifyRole(tx, {
        role: managerRole, kind: 'overdue', taskId: r.id, caseId: r.case_id, now,
        message: `任务逾期：${label}（截止 ${shanghaiTime(new Date(r.due_at))}）/ overdue: ${r.step}`,
      });
      await appendAudit(tx, { at: now, actorId: null, action: 'task.escalate', entity: 'task', entityId: r.id, caseId: r.case_id, after: { managerRole } });
    }
    // the whole ticket's two-day close deadline: the CS manager hears of it once
    const lateTickets = await tx.execute(sql`
      with due as (
        select t.id, k.number from ${tickets} t join ${cases} k on k.id = t.id
        where k.closed_at is null and t.escalated_at is null and t.due_at < ${now.toISOString()}::timestamptz
        order by t.due_at
        limit 500
        for update of t skip locked
      )
      update ${tickets} t set escalated_at = ${now.toISOString()}::timestamptz
      from due where t.id = due.id
      returning t.id, due.number, t.due_at`);
    const ticketRows = rowsOf<{ id: string; number: string; due_at: string | Date }>(lateTickets);
    for (const r of ticketRows) {
      await notifyRole(tx, {
        role: 'cs_manager', kind: 'ticket_overdue', caseId: r.id, now,
        message: `工单超过结案期限：${r.number}（截止 ${shanghaiTime(new Date(r.due_at))}）/ ticket past its close deadline`,
      });
      await appendAudit(tx, { at: now, actorId: null, action: 'ticket.escalate', entity: 'ticket', entityId: r.id, caseId: r.id, after: { managerRole: 'cs_manager' } });
    }
    return rows.length + ticketRows.length;
  });
}

/** The rows of a raw `execute`: node-postgres and PGlite both answer `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** YYYY-MM-DD HH:mm in Asia/Shanghai, for messages people read. */
function shanghaiTime(t: Date): string {
  return new Date(t.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
