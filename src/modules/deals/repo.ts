import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { audit, cases, customers, deals, negotiationLog, processDefinitions, tasks, users } from '../../db/schema.js';
import { cappedCount, caseSearch } from '../../db/search.js';
import { insertCase, required, splitCase, updateCase } from '../cases/repo.js';

/** A deal as the services see it: its case's columns and its own details (one join). */
export const dealColumns = {
  ...getTableColumns(deals),
  number: required(cases.number), customerId: cases.customerId, ownerId: required(cases.ownerId), state: cases.state,
  definitionVersion: required(cases.definitionVersion), createdAt: cases.createdAt, updatedAt: cases.updatedAt,
};
/** deals joined to their cases: every query on deals starts here */
const dealsWithCase = (tx: Tx) => tx.select(dealColumns).from(deals).innerJoin(cases, eq(cases.id, deals.id));

export type DealRow = Awaited<ReturnType<typeof findDeal>>;
export type DealInsert = typeof deals.$inferInsert & Required<Pick<DealRow, 'number' | 'customerId' | 'ownerId' | 'state' | 'definitionVersion' | 'createdAt' | 'updatedAt'>>;

export async function insertDeal(tx: Tx, row: DealInsert) {
  const { onCase, own } = splitCase(row);
  await insertCase(tx, { ...onCase, id: row.id, type: 'deal' } as typeof cases.$inferInsert);
  await tx.insert(deals).values(own);
  return (await findDeal(tx, row.id))!;
}
export async function findDeal(tx: Tx, id: string) {
  return (await dealsWithCase(tx).where(eq(deals.id, id)))[0];
}
export async function updateDeal(tx: Tx, id: string, set: Partial<DealInsert>) {
  const { onCase, own } = splitCase(set);
  await updateCase(tx, id, onCase);
  if (Object.keys(own).length) await tx.update(deals).set(own).where(eq(deals.id, id));
  return (await findDeal(tx, id))!;
}
export async function dealsOfCustomer(tx: Tx, customerId: string) {
  return dealsWithCase(tx).where(and(eq(cases.type, 'deal'), eq(cases.customerId, customerId))).orderBy(desc(cases.createdAt));
}
export async function listDeals(tx: Tx, f: { state?: string; q?: string; ownerId?: string; limit: number; offset: number }) {
  const search = f.q ? await caseSearch(tx, f.q, 'deal') : undefined;
  const where: SQL | undefined = and(
    eq(cases.type, 'deal'),
    f.state ? inArray(cases.state, f.state.split(',').map((s) => s.trim()).filter(Boolean)) : undefined,
    f.ownerId ? eq(cases.ownerId, f.ownerId) : undefined,
    search?.where,
  );
  const items = await tx.select({ deal: dealColumns, customerName: customers.name }).from(deals)
    .innerJoin(cases, eq(cases.id, deals.id))
    .innerJoin(customers, eq(customers.id, cases.customerId)).where(where)
    .orderBy(desc(cases.createdAt), desc(cases.number)).limit(f.limit).offset(f.offset);
  // every case has its customer: the count needs no join
  if (search?.broad) return { items, ...await cappedCount(tx, tx.select({ one: sql`1` }).from(cases).where(where).getSQL()) };
  const total = (await tx.select({ n: count() }).from(cases).where(where))[0].n;
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
    deal: dealColumns, customerName: customers.name, contactPerson: customers.contactPerson, phone: customers.phone, address: customers.address,
  }).from(deals)
    .innerJoin(cases, eq(cases.id, deals.id))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .where(and(
      gte(deals.secondMeetingAt, f.from), lte(deals.secondMeetingAt, f.to),
      f.endStates.length ? notInArray(cases.state, f.endStates) : undefined,
      f.ownerId ? eq(cases.ownerId, f.ownerId) : undefined,
    ))
    .orderBy(asc(deals.secondMeetingAt), asc(cases.number))
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
  return tx.select({ ownerId: required(cases.ownerId), state: cases.state, n: count() }).from(cases)
    .where(eq(cases.type, 'deal')).groupBy(cases.ownerId, cases.state);
}

/** The definition versions stored (published and drafts). */
export async function definitionVersions(tx: Tx) {
  return (await tx.select({ version: processDefinitions.version }).from(processDefinitions)).map((r) => r.version);
}

/** Which open negotiations are long: by definition version, those started at or before a cutoff. */
export interface LongCutoff { versions: number[]; cutoff: Date }

const longWhere = (steps: string[], cutoffs: LongCutoff[]) => and(
  inArray(tasks.step, steps), eq(tasks.status, 'open'),
  // the latest cutoff bounds the index range on (step, created_at)
  lte(tasks.createdAt, new Date(Math.max(...cutoffs.map((c) => c.cutoff.getTime())))),
  or(...cutoffs.map((c) => and(inArray(cases.definitionVersion, c.versions), lte(tasks.createdAt, c.cutoff)))),
);

/** Long negotiations: how many per salesperson, and the `limit` oldest with their customer and
 *  salesperson. */
export async function longNegotiations(tx: Tx, steps: string[], cutoffs: LongCutoff[], limit: number) {
  if (!steps.length || !cutoffs.length) return { byOwner: [], oldest: [] };
  const where = longWhere(steps, cutoffs);
  const byOwner = await tx.select({ ownerId: required(cases.ownerId), n: count() }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId)).where(where).groupBy(cases.ownerId);
  const oldest = limit <= 0 ? [] : await tx.select({
    deal: dealColumns, customerName: customers.name, ownerName: users.displayName, since: tasks.createdAt,
  }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(deals, eq(deals.id, cases.id))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(where)
    .orderBy(asc(tasks.createdAt), asc(cases.number))
    .limit(limit);
  return { byOwner, oldest };
}

/** Deals ended in one of the states, newest first, with the step whose outcome ended them
 *  (from the audit, which is sequential even when timestamps tie). */
export async function endedDeals(tx: Tx, states: string[], f: { from?: Date; to?: Date; limit: number }) {
  const ending = sql`(select a.id from ${audit} a where a.case_id = ${deals.id} and a.action = 'task.complete' and a.after->>'end' is not null order by a.id desc limit 1)`;
  const endedStep = sql<string | null>`(select a.before->>'step' from ${audit} a where a.id = ${ending})`;
  const endedAt = sql<Date | null>`(select a.at from ${audit} a where a.id = ${ending})`.mapWith(cases.updatedAt);
  return tx.select({
    deal: dealColumns, customerName: customers.name, ownerName: users.displayName, endedAt, endedStep,
  }).from(deals)
    .innerJoin(cases, eq(cases.id, deals.id))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(and(
      eq(cases.type, 'deal'),
      inArray(cases.state, states),
      f.from ? gte(cases.updatedAt, f.from) : undefined,
      f.to ? lt(cases.updatedAt, f.to) : undefined,
    ))
    .orderBy(desc(cases.updatedAt), desc(cases.number))
    .limit(f.limit);
}
