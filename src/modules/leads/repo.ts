// Every SQL statement of leads and commission statements (issue 14).
import { and, desc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, commissionMonths, commissionPayments, customers, deals, leads, tasks, users } from '../../db/schema.js';

export type LeadRow = typeof leads.$inferSelect;

export async function insertLead(tx: Tx, row: typeof leads.$inferInsert) {
  return (await tx.insert(leads).values(row).returning())[0];
}

export async function findLead(tx: Tx, id: string, lock = false) {
  const q = tx.select().from(leads).where(eq(leads.id, id));
  return (await (lock ? q.for('update') : q))[0];
}

export async function updateLead(tx: Tx, id: string, set: Partial<typeof leads.$inferInsert>) {
  return (await tx.update(leads).set(set).where(eq(leads.id, id)).returning())[0];
}

/** Leads newest first: all of them, or those the user referred or was given. */
export async function listLeads(tx: Tx, f: { userId?: string; state?: string }) {
  return tx.select().from(leads).where(and(
    f.userId ? or(eq(leads.referrerId, f.userId), eq(leads.salespersonId, f.userId)) : undefined,
    f.state ? eq(leads.state, f.state) : undefined,
  )).orderBy(desc(leads.createdAt), desc(leads.number));
}

export async function leadOfDeal(tx: Tx, dealId: string) {
  return (await tx.select().from(leads).where(eq(leads.dealId, dealId)))[0];
}

/** Converted leads with their deal's contract, case state and close time. */
export async function convertedLeads(tx: Tx) {
  return tx.select({
    lead: leads, dealNumber: cases.number, dealState: cases.state, closedAt: cases.closedAt, customerName: customers.name,
    amountFen: deals.amountFen, definitionVersion: cases.definitionVersion,
  }).from(leads)
    .innerJoin(cases, eq(cases.id, leads.dealId))
    .innerJoin(deals, eq(deals.id, leads.dealId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(eq(leads.state, 'converted'), isNotNull(leads.dealId)));
}

/** The completed tasks of these deals (the signature is the one whose outcome means `won`). */
export async function doneTasksOf(tx: Tx, dealIds: string[]) {
  if (!dealIds.length) return [];
  return tx.select({ caseId: tasks.caseId, step: tasks.step, outcome: tasks.outcome, completedAt: tasks.completedAt })
    .from(tasks).where(and(inArray(tasks.caseId, dealIds), eq(tasks.status, 'done')));
}

export async function userNames(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select({ id: users.id, displayName: users.displayName, roles: users.roles, active: users.active }).from(users).where(inArray(users.id, ids));
}

export async function findMonth(tx: Tx, month: string) {
  return (await tx.select().from(commissionMonths).where(eq(commissionMonths.month, month)))[0];
}

export async function approvedMonths(tx: Tx) {
  return tx.select().from(commissionMonths);
}

export async function insertMonth(tx: Tx, row: typeof commissionMonths.$inferInsert) {
  return (await tx.insert(commissionMonths).values(row).onConflictDoNothing().returning())[0];
}

export async function payments(tx: Tx, leadIds: string[]) {
  if (!leadIds.length) return [];
  return tx.select().from(commissionPayments).where(inArray(commissionPayments.leadId, leadIds));
}

export async function insertPayment(tx: Tx, row: typeof commissionPayments.$inferInsert) {
  return (await tx.insert(commissionPayments).values(row).onConflictDoNothing().returning())[0];
}
