import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { instant } from '../../db/instant.js';
import { cases, customers, documents, partners, tasks, tickets, users } from '../../db/schema.js';
import { cappedCount, caseSearch, contains } from '../../db/search.js';
import { insertCase, required, splitCase, updateCase } from '../cases/repo.js';

/** A ticket as the services see it: its case's columns and its own details (one join). */
export const ticketColumns = {
  ...getTableColumns(tickets),
  number: required(cases.number), customerId: cases.customerId, state: cases.state, tier: required(cases.tier),
  definitionVersion: required(cases.definitionVersion), partnerId: cases.partnerId,
  createdAt: cases.createdAt, updatedAt: cases.updatedAt, closedAt: cases.closedAt,
};
/** tickets joined to their cases: every query on tickets starts here */
const ticketsWithCase = (tx: Tx) => tx.select(ticketColumns).from(tickets).innerJoin(cases, eq(cases.id, tickets.id));

export type TicketRow = Awaited<ReturnType<typeof findTicket>>;
export type TicketInsert = typeof tickets.$inferInsert & Pick<TicketRow, 'number' | 'customerId' | 'state' | 'tier' | 'definitionVersion' | 'createdAt' | 'updatedAt'>
  & Partial<Pick<TicketRow, 'partnerId' | 'closedAt'>>;

export async function insertTicket(tx: Tx, row: TicketInsert) {
  const { onCase, own } = splitCase(row);
  await insertCase(tx, { ...onCase, id: row.id, type: 'ticket' } as typeof cases.$inferInsert);
  await tx.insert(tickets).values(own);
  return (await findTicket(tx, row.id))!;
}
export async function findTicket(tx: Tx, id: string) {
  return (await ticketsWithCase(tx).where(eq(tickets.id, id)))[0];
}
/** Locks the ticket and its case row for this transaction. */
export async function lockTicket(tx: Tx, id: string) {
  return (await ticketsWithCase(tx).where(eq(tickets.id, id)).for('update'))[0];
}
export async function ticketOfSourceTask(tx: Tx, taskId: string) {
  return (await ticketsWithCase(tx).where(eq(tickets.sourceTaskId, taskId)))[0];
}
export async function updateTicket(tx: Tx, id: string, set: Partial<TicketInsert>) {
  const { onCase, own } = splitCase(set);
  await updateCase(tx, id, onCase);
  if (Object.keys(own).length) await tx.update(tickets).set(own).where(eq(tickets.id, id));
  return (await findTicket(tx, id))!;
}
export async function ticketsOfCustomer(tx: Tx, customerId: string) {
  return ticketsWithCase(tx).where(and(eq(cases.type, 'ticket'), eq(cases.customerId, customerId))).orderBy(desc(cases.createdAt));
}

export interface TicketFilter {
  /** `open` (not closed), `closed`, or the key of the open step */
  state?: string;
  kind?: string;
  q?: string;
  partnerId?: string;
  customerId?: string;
  tier?: string;
  /** open past the close deadline */
  overdue?: boolean;
  now: Date;
  sort: 'created_desc' | 'due_asc';
  limit: number;
  offset: number;
}

export async function listTickets(tx: Tx, f: TicketFilter) {
  const search = f.q ? await caseSearch(tx, f.q, 'ticket', sql`select t.id from tickets t where ${contains(sql`t.problem`, f.q)}`) : undefined;
  const where: SQL | undefined = and(
    eq(cases.type, 'ticket'), // implied by the join, but it lets the list walk cases_type_created
    f.state === 'open' ? isNull(cases.closedAt) : f.state === 'closed' ? isNotNull(cases.closedAt) : f.state ? eq(cases.state, f.state) : undefined,
    f.kind ? eq(tickets.kind, f.kind) : undefined,
    f.partnerId ? eq(cases.partnerId, f.partnerId) : undefined,
    f.customerId ? eq(cases.customerId, f.customerId) : undefined,
    f.tier ? eq(cases.tier, f.tier) : undefined,
    f.overdue === true ? and(isNull(cases.closedAt), lt(tickets.dueAt, f.now)) : undefined,
    f.overdue === false ? or(isNotNull(cases.closedAt), sql`${tickets.dueAt} >= ${instant(f.now)}`) : undefined,
    search?.where,
  );
  const order = f.sort === 'due_asc' ? [asc(tickets.dueAt), asc(cases.number)] : [desc(cases.createdAt), desc(cases.number)];
  const items = await tx.select({ ticket: ticketColumns, customerName: customers.name }).from(tickets)
    .innerJoin(cases, eq(cases.id, tickets.id))
    .innerJoin(customers, eq(customers.id, cases.customerId)).where(where)
    .orderBy(...order).limit(f.limit).offset(f.offset);
  if (search?.broad) return { items, ...await cappedCount(tx, tx.select({ one: sql`1` }).from(tickets).innerJoin(cases, eq(cases.id, tickets.id)).where(where).getSQL()) };
  const total = (await tx.select({ n: count() }).from(tickets).innerJoin(cases, eq(cases.id, tickets.id)).where(where))[0].n;
  return { items, total };
}

/** The open tasks of the given tickets, with who holds them. */
export async function openTasksOfTickets(tx: Tx, ticketIds: string[]) {
  if (!ticketIds.length) return [];
  return tx.select({ task: tasks, assigneeName: users.displayName, partnerName: partners.name }).from(tasks)
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .leftJoin(partners, eq(partners.id, tasks.partnerId))
    .where(and(eq(tasks.caseType, 'ticket'), inArray(tasks.caseId, ticketIds), eq(tasks.status, 'open')))
    .orderBy(asc(tasks.createdAt));
}

/** Every task of the given tickets with the names of who did or holds it (breach owners). */
export async function tasksOfTicketsWithOwners(tx: Tx, ticketIds: string[]) {
  if (!ticketIds.length) return [];
  return tx.select({
    task: tasks,
    completedByName: sql<string | null>`(select display_name from ${users} where ${users.id} = ${tasks.completedBy})`,
    assigneeName: sql<string | null>`(select display_name from ${users} where ${users.id} = ${tasks.assigneeId})`,
    partnerName: partners.name,
  }).from(tasks)
    .leftJoin(partners, eq(partners.id, tasks.partnerId))
    .where(and(eq(tasks.caseType, 'ticket'), inArray(tasks.caseId, ticketIds)))
    .orderBy(asc(tasks.createdAt), asc(tasks.id));
}

/** The document a completed task wrote (the revisit record of a revisit task). */
/** The form a completed task filled (a step fills one form per outcome). */
export async function documentOfTask(tx: Tx, taskId: string) {
  return (await tx.select().from(documents).where(eq(documents.taskId, taskId)).orderBy(documents.createdAt).limit(1))[0];
}
