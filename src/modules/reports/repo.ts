// Every query the management reports run: read-only, over one period [from, to).
import { and, asc, count, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client.js';
import { instant } from '../../db/instant.js';
import { cases, customers, deals, documents, partners, tasks, tickets, users } from '../../db/schema.js';
import { dealColumns } from '../deals/repo.js';
import { ticketColumns } from '../tickets/repo.js';

const within = (col: Parameters<typeof gte>[0], from: Date, to: Date) => and(gte(col, from), lt(col, to));

/** tickets with their case and customer name */
const ticketsWithCustomer = (tx: Tx) => tx.select({ ticket: ticketColumns, customerName: customers.name }).from(tickets)
  .innerJoin(cases, eq(cases.id, tickets.id))
  .innerJoin(customers, eq(customers.id, cases.customerId));

export async function ticketsOpenedIn(tx: Tx, from: Date, to: Date) {
  return ticketsWithCustomer(tx).where(and(eq(cases.type, 'ticket'), within(cases.createdAt, from, to))).orderBy(asc(cases.createdAt), asc(cases.number));
}

/** Tickets opened in the period, counted by kind. */
export async function ticketsOpenedByKind(tx: Tx, from: Date, to: Date) {
  return tx.select({ kind: tickets.kind, n: count() }).from(cases).innerJoin(tickets, eq(tickets.id, cases.id))
    .where(and(eq(cases.type, 'ticket'), within(cases.createdAt, from, to))).groupBy(tickets.kind);
}

/** Tickets closed in the period: how many, how many by their close deadline, and the late ones
 *  (only those need their tasks read for a verdict). */
export async function ticketsClosedIn(tx: Tx, from: Date, to: Date) {
  // counted on tickets alone (its closed_at repeats the case's): one index range, no join
  const [counts] = await tx.select({ n: count(), onTime: sql<number>`count(*) filter (where ${tickets.closedAt} <= ${tickets.dueAt})`.mapWith(Number) })
    .from(tickets).where(within(tickets.closedAt, from, to));
  const closedIn = and(eq(cases.type, 'ticket'), within(cases.closedAt, from, to));
  const late = counts.n === counts.onTime ? [] : await ticketsWithCustomer(tx).where(and(closedIn, gt(cases.closedAt, tickets.dueAt))).orderBy(asc(cases.closedAt), asc(cases.number));
  return { total: counts.n, onTime: counts.onTime, late };
}

/** The report's lists of overdue things stop at this many, the oldest deadline first; their
 *  counts are complete. */
export const OVERDUE_LIST_MAX = 200;

/** Things open at an instant past their deadline are found in two branches, each an index range:
 *  the ones open now, and the ones closed after the instant (few for a recent week). These give
 *  the ids of the oldest OVERDUE_LIST_MAX of all branches, and the count of all. */
const oldestOverdue = (table: SQL, branches: SQL[]) => sql`(select id from (${sql.join(branches.map((w) => sql`(select id, due_at from ${table} where ${w} order by due_at limit ${OVERDUE_LIST_MAX})`), sql` union all `)}) x order by due_at limit ${OVERDUE_LIST_MAX})`;
const overdueCount = async (tx: Tx, table: SQL, branches: SQL[]) => {
  const r = await tx.execute(sql`select ${sql.join(branches.map((w) => sql`(select count(*) from ${table} where ${w})`), sql` + `)} as n`);
  return Number((r as unknown as { rows: { n: number | string }[] }).rows[0].n);
};

/** Tickets open at `to` past their close deadline: the oldest OVERDUE_LIST_MAX, and how many.
 *  A paused ticket's close deadline stands still (issue 16): not overdue while it waits. A
 *  ticket's deadline follows its opening, so `due_at < to` also means it was opened by then. */
export async function ticketsOverdueAt(tx: Tx, to: Date) {
  const branches = [
    sql`closed_at is null and paused_at is null and due_at < ${instant(to)}`,
    sql`closed_at >= ${instant(to)} and paused_at is null and due_at < ${instant(to)}`,
  ];
  const rows = await ticketsWithCustomer(tx).where(inArray(tickets.id, oldestOverdue(sql`tickets`, branches))).orderBy(asc(tickets.dueAt), asc(cases.number));
  const total = rows.length < OVERDUE_LIST_MAX ? rows.length : await overdueCount(tx, sql`tickets`, branches);
  return { rows, total };
}

/** Deal steps (pre-sales and installation) still open at `to` whose deadline had passed by
 *  then, with the deal's number, its customer and who holds the task. */
export async function dealStepsOverdueAt(tx: Tx, to: Date) {
  const branches = [
    sql`status = 'open' and case_type = 'deal' and due_at < ${instant(to)} and created_at < ${instant(to)}`,
    sql`status = 'done' and case_type = 'deal' and completed_at >= ${instant(to)} and due_at < ${instant(to)} and created_at < ${instant(to)}`,
  ];
  const rows = await tx.select({ task: tasks, number: cases.number, customerName: customers.name, assigneeName: users.displayName }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(users, eq(users.id, tasks.assigneeId))
    .where(inArray(tasks.id, oldestOverdue(sql`tasks`, branches))).orderBy(asc(tasks.dueAt), asc(tasks.seq));
  const total = rows.length < OVERDUE_LIST_MAX ? rows.length : await overdueCount(tx, sql`tasks`, branches);
  return { rows, total };
}

/** Completed tasks of one step in the period, with their case's number (a ticket's; a
 *  customer's revisit case has none) and customer: one join to `cases`, whatever the type. */
export async function completedStepIn(tx: Tx, steps: string[], from: Date, to: Date) {
  if (!steps.length) return [];
  return tx.select({
    task: tasks, ticketNumber: cases.number,
    customerId: cases.customerId,
    customerName: customers.name,
    completedByName: users.displayName,
  }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(users, eq(users.id, tasks.completedBy))
    .where(and(inArray(tasks.step, steps), eq(tasks.status, 'done'), within(tasks.completedAt, from, to)))
    .orderBy(asc(tasks.completedAt), asc(tasks.seq));
}

export async function countStepOpenedIn(tx: Tx, steps: string[], from: Date, to: Date) {
  if (!steps.length) return 0;
  return (await tx.select({ n: sql<number>`count(*)::int` }).from(tasks).where(and(inArray(tasks.step, steps), within(tasks.createdAt, from, to))))[0].n;
}

/** The documents of one form written by the given tasks (revisit records, …). */
export async function documentsOfTasks(tx: Tx, forms: string[], taskIds: string[]) {
  if (!taskIds.length || !forms.length) return [];
  return tx.select().from(documents).where(and(inArray(documents.form, forms), inArray(documents.taskId, taskIds)));
}

/** The documents of the given forms on the given cases (the complaint records of tickets). */
export async function documentsOfCases(tx: Tx, forms: string[], caseIds: string[]) {
  if (!caseIds.length || !forms.length) return [];
  return tx.select().from(documents).where(and(inArray(documents.form, forms), inArray(documents.caseId, caseIds)));
}

/** Negotiations that ended (signed or lost) in the period, with the deal, customer and salesperson. */
export async function negotiationsEndedIn(tx: Tx, from: Date, to: Date, steps: string[]) {
  if (!steps.length) return [];
  return tx.select({
    task: tasks, deal: dealColumns, customerName: customers.name, ownerName: users.displayName,
  }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(deals, eq(deals.id, cases.id))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(users, eq(users.id, cases.ownerId))
    .where(and(inArray(tasks.step, steps), eq(tasks.status, 'done'), within(tasks.completedAt, from, to)))
    .orderBy(asc(tasks.completedAt), asc(cases.number));
}

const followUp = alias(tasks, 'follow_up');

/** A partner's repairs (completed repair steps) in the period, each with the follow-up call that came after it. */
export async function partnerRepairsIn(tx: Tx, o: { partnerId: string; repairSteps: string[]; followUpSteps: string[]; from: Date; to: Date }) {
  if (!o.repairSteps.length) return [];
  return tx.select({
    task: tasks, ticketNumber: cases.number, ticketId: cases.id, customerName: customers.name,
    completedByName: users.displayName,
    followUpStatus: followUp.status, followUpOutcome: followUp.outcome,
  }).from(tasks)
    .innerJoin(cases, eq(cases.id, tasks.caseId))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    .leftJoin(users, eq(users.id, tasks.completedBy))
    .leftJoin(followUp, and(eq(followUp.caseId, tasks.caseId), inArray(followUp.step, o.followUpSteps.length ? o.followUpSteps : ['-']), eq(followUp.createdAt, tasks.completedAt)))
    .where(and(eq(tasks.partnerId, o.partnerId), inArray(tasks.step, o.repairSteps), eq(tasks.status, 'done'), within(tasks.completedAt, o.from, o.to)))
    .orderBy(asc(tasks.completedAt), asc(tasks.seq));
}

export async function findPartnerRow(tx: Tx, id: string) {
  return (await tx.select().from(partners).where(eq(partners.id, id)))[0];
}
