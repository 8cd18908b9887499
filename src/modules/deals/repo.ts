import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit, customers, deals, negotiationLog, tasks, users } from '../../db/schema.js';
import { containsPattern } from '../../db/like.js';

export type DealRow = typeof deals.$inferSelect;

/** LIKE pattern that matches the text literally (a typed % or _ is not a wildcard). */

export async function insertDeal(tx: Tx, row: typeof deals.$inferInsert) {
  return (await tx.insert(deals).values(row).returning())[0];
}
export async function findDeal(tx: Tx, id: string) {
  return (await tx.select().from(deals).where(eq(deals.id, id)))[0];
}
export async function updateDeal(tx: Tx, id: string, set: Partial<typeof deals.$inferInsert>) {
  return (await tx.update(deals).set(set).where(eq(deals.id, id)).returning())[0];
}
export async function dealsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(deals).where(eq(deals.customerId, customerId)).orderBy(desc(deals.createdAt));
}
export async function listDeals(tx: Tx, f: { state?: string; q?: string; ownerId?: string; limit: number; offset: number }) {
  const where: SQL | undefined = and(
    f.state ? eq(deals.state, f.state) : undefined,
    f.ownerId ? eq(deals.ownerId, f.ownerId) : undefined,
    f.q ? or(ilike(customers.name, containsPattern(f.q)), ilike(deals.number, containsPattern(f.q))) : undefined,
  );
  const items = await tx.select({ deal: deals, customerName: customers.name }).from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId)).where(where)
    .orderBy(desc(deals.createdAt), desc(deals.number)).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(deals).innerJoin(customers, eq(customers.id, deals.customerId)).where(where))[0].n;
  return { items, total };
}
export async function insertNegotiationEntry(tx: Tx, row: typeof negotiationLog.$inferInsert) {
  return (await tx.insert(negotiationLog).values(row).returning())[0];
}
export async function negotiationEntries(tx: Tx, dealId: string) {
  return tx.select().from(negotiationLog).where(eq(negotiationLog.dealId, dealId)).orderBy(asc(negotiationLog.seq));
}

/** Display names of users, for timelines that show who did what. */
export async function userNames(tx: Tx, ids: string[]) {
  if (!ids.length) return [];
  return tx.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, ids));
}

/** Deals whose second meeting falls in [from, to), still running. */
export async function dealsWithMeetingBetween(tx: Tx, f: { from: Date; to: Date; ownerId?: string; endStates: string[] }) {
  return tx.select({
    deal: deals, customerName: customers.name, contactPerson: customers.contactPerson, phone: customers.phone, address: customers.address,
  }).from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .where(and(
      gte(deals.secondMeetingAt, f.from), lte(deals.secondMeetingAt, f.to),
      f.endStates.length ? notInArray(deals.state, f.endStates) : undefined,
      f.ownerId ? eq(deals.ownerId, f.ownerId) : undefined,
    ))
    .orderBy(asc(deals.secondMeetingAt), asc(deals.number))
    .limit(500);
}

/** The open task of a step on each of the given deals (e.g. when negotiation started). */
export async function openStepTasksOfDeals(tx: Tx, steps: string[], dealIds: string[]) {
  if (!dealIds.length || !steps.length) return [];
  return tx.select({ caseId: tasks.caseId, createdAt: tasks.createdAt }).from(tasks)
    .where(and(eq(tasks.caseType, 'deal'), inArray(tasks.step, steps), eq(tasks.status, 'open'), inArray(tasks.caseId, dealIds)));
}

// ---- the business manager's pipeline report

/** Number of deals per salesperson and state. */
export async function dealCountsByOwnerAndState(tx: Tx) {
  return tx.select({ ownerId: deals.ownerId, state: deals.state, n: count() }).from(deals)
    .groupBy(deals.ownerId, deals.state);
}

/** Deals with an open task of the step, oldest first, with customer and salesperson. */
export async function dealsInOpenStep(tx: Tx, steps: string[]) {
  if (!steps.length) return [];
  return tx.select({
    deal: deals, customerName: customers.name, ownerName: users.displayName, since: tasks.createdAt,
  }).from(tasks)
    .innerJoin(deals, and(eq(tasks.caseType, 'deal'), eq(deals.id, tasks.caseId)))
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .where(and(inArray(tasks.step, steps), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.createdAt));
}

/** Deals ended in one of the states, newest first, with the step whose outcome ended them
 *  (from the audit, which is sequential even when timestamps tie). */
export async function endedDeals(tx: Tx, states: string[], f: { from?: Date; to?: Date; limit: number }) {
  const ending = sql`(select a.id from ${audit} a where a.case_id = ${deals.id} and a.action = 'task.complete' and a.after->>'end' is not null order by a.id desc limit 1)`;
  const endedStep = sql<string | null>`(select a.before->>'step' from ${audit} a where a.id = ${ending})`;
  const endedAt = sql<Date | null>`(select a.at from ${audit} a where a.id = ${ending})`.mapWith(deals.updatedAt);
  return tx.select({
    deal: deals, customerName: customers.name, ownerName: users.displayName, endedAt, endedStep,
  }).from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .innerJoin(users, eq(users.id, deals.ownerId))
    .where(and(
      inArray(deals.state, states),
      f.from ? gte(deals.updatedAt, f.from) : undefined,
      f.to ? lt(deals.updatedAt, f.to) : undefined,
    ))
    .orderBy(desc(deals.updatedAt), desc(deals.number))
    .limit(f.limit);
}
