import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { customers, documents, partners, tasks, tickets, users } from '../../db/schema.js';
import { containsPattern } from '../../db/like.js';

export type TicketRow = typeof tickets.$inferSelect;

export async function insertTicket(tx: Tx, row: typeof tickets.$inferInsert) {
  return (await tx.insert(tickets).values(row).returning())[0];
}
export async function findTicket(tx: Tx, id: string) {
  return (await tx.select().from(tickets).where(eq(tickets.id, id)))[0];
}
export async function lockTicket(tx: Tx, id: string) {
  return (await tx.select().from(tickets).where(eq(tickets.id, id)).for('update'))[0];
}
export async function ticketOfSourceTask(tx: Tx, taskId: string) {
  return (await tx.select().from(tickets).where(eq(tickets.sourceTaskId, taskId)))[0];
}
export async function updateTicket(tx: Tx, id: string, set: Partial<typeof tickets.$inferInsert>) {
  return (await tx.update(tickets).set(set).where(eq(tickets.id, id)).returning())[0];
}
export async function ticketsOfCustomer(tx: Tx, customerId: string) {
  return tx.select().from(tickets).where(eq(tickets.customerId, customerId)).orderBy(desc(tickets.createdAt));
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
  const where: SQL | undefined = and(
    f.state === 'open' ? isNull(tickets.closedAt) : f.state === 'closed' ? isNotNull(tickets.closedAt) : f.state ? eq(tickets.state, f.state) : undefined,
    f.kind ? eq(tickets.kind, f.kind) : undefined,
    f.partnerId ? eq(tickets.partnerId, f.partnerId) : undefined,
    f.customerId ? eq(tickets.customerId, f.customerId) : undefined,
    f.tier ? eq(tickets.tier, f.tier) : undefined,
    f.overdue === true ? and(isNull(tickets.closedAt), lt(tickets.dueAt, f.now)) : undefined,
    f.overdue === false ? or(isNotNull(tickets.closedAt), sql`${tickets.dueAt} >= ${f.now.toISOString()}::timestamptz`) : undefined,
    f.q ? or(ilike(customers.name, containsPattern(f.q)), ilike(tickets.number, containsPattern(f.q)), ilike(tickets.problem, containsPattern(f.q))) : undefined,
  );
  const order = f.sort === 'due_asc' ? [asc(tickets.dueAt), asc(tickets.number)] : [desc(tickets.createdAt), desc(tickets.number)];
  const items = await tx.select({ ticket: tickets, customerName: customers.name }).from(tickets)
    .innerJoin(customers, eq(customers.id, tickets.customerId)).where(where)
    .orderBy(...order).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(tickets).innerJoin(customers, eq(customers.id, tickets.customerId)).where(where))[0].n;
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
export async function documentOfTask(tx: Tx, taskId: string, form: string) {
  return (await tx.select().from(documents).where(and(eq(documents.taskId, taskId), eq(documents.form, form))))[0];
}
