// Every SQL statement of the feedback cycle: the period's report case, its tasks, what each step recorded.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit, cases, customers, tasks } from '../../db/schema.js';
import { getSetting, putSetting } from '../calendar/repo.js';
import { COMPANY_CUSTOMER_ID } from '../customers/repo.js';


export async function ensureCompanyCustomer(tx: Tx, now: Date) {
  await tx.insert(customers).values({
    id: COMPANY_CUSTOMER_ID, name: '本公司（内部）', address: '—', contactPerson: '—', phone: '—', phoneDigits: '', createdAt: now, updatedAt: now,
  }).onConflictDoNothing();
}

/** Creates the report case of a period once (its number is unique): false when it exists. */
export async function insertReportCase(tx: Tx, row: { id: string; number: string; createdAt: Date; definitionVersion: number }) {
  const r = await tx.insert(cases).values({
    id: row.id, type: 'feedback', number: row.number, customerId: COMPANY_CUSTOMER_ID, state: 'new', definitionVersion: row.definitionVersion,
    createdAt: row.createdAt, updatedAt: row.createdAt,
  }).onConflictDoNothing().returning({ id: cases.id });
  return r.length > 0;
}

export async function reportCases(tx: Tx, limit: number) {
  return tx.select().from(cases).where(eq(cases.type, 'feedback')).orderBy(desc(cases.createdAt)).limit(limit);
}

export async function reportCase(tx: Tx, id: string) {
  return (await tx.select().from(cases).where(and(eq(cases.id, id), eq(cases.type, 'feedback'))))[0];
}

/** A report's case number: FR-<period> (FR-2026-W10, FR-2026-03); unique, so one report per period. */
export const reportNumber = (periodKey: string) => `FR-${periodKey}`;

export async function reportCaseByNumber(tx: Tx, number: string) {
  return (await tx.select().from(cases).where(and(eq(cases.number, number), eq(cases.type, 'feedback'))))[0];
}

export async function tasksOfReport(tx: Tx, caseId: string) {
  return tx.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.seq));
}

/** The form each completed task was completed with (the audit keeps every completion's form). */
export async function completionForms(tx: Tx, taskIds: string[]) {
  if (!taskIds.length) return new Map<string, Record<string, unknown>>();
  const rows = await tx.select({ taskId: audit.entityId, after: audit.after }).from(audit)
    .where(and(eq(audit.action, 'task.complete'), eq(audit.entity, 'task'), inArray(audit.entityId, taskIds)));
  return new Map(rows.map((r) => [r.taskId, ((r.after as { form?: Record<string, unknown> } | null)?.form ?? {})]));
}

export const openTaskCount = (tx: Tx, caseId: string) =>
  tx.select({ n: sql<number>`count(*)::int` }).from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open')));

const SINCE_KEY = 'feedback.since';
/** When the feedback cycle began on this system (the first sweep). */
export async function readFeedbackSince(tx: Tx): Promise<Date | undefined> {
  const v = await getSetting<string>(tx, SINCE_KEY);
  return v ? new Date(v) : undefined;
}
export async function saveFeedbackSince(tx: Tx, now: Date) {
  await putSetting(tx, SINCE_KEY, now.toISOString(), now);
}
