// Every SQL statement of the allowance statements (issue 14).
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { allowanceMonths, audit, cases, dutyDays, tasks, users } from '../../db/schema.js';

export async function dutyRows(tx: Tx, rota: string, from: string, to: string) {
  return tx.select().from(dutyDays).where(and(eq(dutyDays.rota, rota), gte(dutyDays.date, from), lt(dutyDays.date, to))).orderBy(asc(dutyDays.date));
}

/** Completed tasks of these steps (installations; VIP repairs) completed in [from, to), with their case. */
export async function doneTasksIn(tx: Tx, steps: string[], from: Date, to: Date) {
  if (!steps.length) return [];
  return tx.select({ task: tasks, caseNumber: cases.number, caseTier: cases.tier }).from(tasks).innerJoin(cases, eq(cases.id, tasks.caseId))
    .where(and(inArray(tasks.step, steps), eq(tasks.status, 'done'), gte(tasks.completedAt, from), lt(tasks.completedAt, to)));
}

/** Completed tasks of these steps on these cases (the dispatch before an installation). */
export async function doneTasksOfCases(tx: Tx, steps: string[], caseIds: string[]) {
  if (!steps.length || !caseIds.length) return [];
  return tx.select().from(tasks).where(and(inArray(tasks.step, steps), eq(tasks.status, 'done'), inArray(tasks.caseId, caseIds)));
}

/** The form a task was completed with, as the audit recorded it. */
export async function completionForms(tx: Tx, taskIds: string[]) {
  if (!taskIds.length) return [];
  return tx.select({ taskId: audit.entityId, form: sql<Record<string, unknown> | null>`${audit.after} -> 'form'` }).from(audit)
    .where(and(eq(audit.action, 'task.complete'), inArray(audit.entityId, taskIds)));
}

export async function departmentsOfUsers(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select({ id: users.id, displayName: users.displayName, roles: users.roles }).from(users).where(inArray(users.id, ids));
}

export async function findMonth(tx: Tx, month: string) {
  return (await tx.select().from(allowanceMonths).where(eq(allowanceMonths.month, month)))[0];
}

export async function insertMonth(tx: Tx, row: typeof allowanceMonths.$inferInsert) {
  return (await tx.insert(allowanceMonths).values(row).onConflictDoNothing().returning())[0];
}
