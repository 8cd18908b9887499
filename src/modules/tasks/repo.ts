import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { customers, deals, tasks, tickets } from '../../db/schema.js';

export type TaskRow = typeof tasks.$inferSelect;

export async function insertTask(tx: Tx, row: typeof tasks.$inferInsert) {
  return (await tx.insert(tasks).values(row).returning())[0];
}

/** Locks the task row for this transaction: a second completion waits, then sees it done. */
export async function lockTask(tx: Tx, id: string) {
  return (await tx.select().from(tasks).where(eq(tasks.id, id)).for('update'))[0];
}

export async function findTask(tx: Tx, id: string) {
  return (await tx.select().from(tasks).where(eq(tasks.id, id)))[0];
}

export async function closeTask(tx: Tx, id: string, set: { outcome: string; completedAt: Date; completedBy: string; specialReason?: string | null }) {
  return (await tx.update(tasks).set({ status: 'done', ...set }).where(and(eq(tasks.id, id), eq(tasks.status, 'open'))).returning())[0];
}

export async function updateTaskAssignment(tx: Tx, id: string, set: { assigneeId: string | null; assigneeIds: string[]; partnerId: string | null }) {
  return (await tx.update(tasks).set(set).where(and(eq(tasks.id, id), eq(tasks.status, 'open'))).returning())[0];
}

export async function tasksOfCase(tx: Tx, caseType: string, caseId: string) {
  return tx.select().from(tasks).where(and(eq(tasks.caseType, caseType), eq(tasks.caseId, caseId))).orderBy(asc(tasks.createdAt), asc(tasks.id));
}

export async function openTasksOfCase(tx: Tx, caseId: string) {
  return tx.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open')));
}

/** "mine": assigned to me, to my partner company, or unassigned in one of my roles. */
export function mineCondition(actor: { id: string; roles: string[]; partnerId: string | null }): SQL {
  const parts: SQL[] = [
    eq(tasks.assigneeId, actor.id),
    sql`${tasks.assigneeIds} @> ${JSON.stringify([actor.id])}::jsonb`,
  ];
  if (actor.partnerId) parts.push(eq(tasks.partnerId, actor.partnerId));
  const poolRoles = actor.roles.filter((r) => r !== 'partner_engineer');
  if (poolRoles.length) {
    parts.push(and(isNull(tasks.assigneeId), isNull(tasks.partnerId), inArray(tasks.assigneeRole, poolRoles))!);
  }
  return or(...parts)!;
}

export interface TaskFilter {
  where: SQL | undefined;
  limit: number;
  offset: number;
  order: 'due_asc' | 'due_desc' | 'created_desc';
}

const caseNumber = sql<string | null>`coalesce(${deals.number}, ${tickets.number})`.as('case_number');
const customerName = sql<string | null>`${customers.name}`.as('customer_name');

export async function listTasks(tx: Tx, f: TaskFilter) {
  const order = f.order === 'due_desc' ? [sql`${tasks.dueAt} desc nulls last`] : f.order === 'created_desc' ? [desc(tasks.createdAt)] : [sql`${tasks.dueAt} asc nulls last`, asc(tasks.createdAt)];
  const base = tx
    .select({ task: tasks, caseNumber, customerName })
    .from(tasks)
    .leftJoin(deals, and(eq(tasks.caseType, 'deal'), eq(deals.id, tasks.caseId)))
    .leftJoin(tickets, and(eq(tasks.caseType, 'ticket'), eq(tickets.id, tasks.caseId)))
    .leftJoin(customers, sql`${customers.id} = coalesce(${deals.customerId}, ${tickets.customerId}, case when ${tasks.caseType} = 'customer' then ${tasks.caseId} end)`)
    .where(f.where);
  const items = await base.orderBy(...order).limit(f.limit).offset(f.offset);
  const total = (await tx.select({ n: count() }).from(tasks)
    .leftJoin(deals, and(eq(tasks.caseType, 'deal'), eq(deals.id, tasks.caseId)))
    .leftJoin(tickets, and(eq(tasks.caseType, 'ticket'), eq(tickets.id, tasks.caseId)))
    .leftJoin(customers, sql`${customers.id} = coalesce(${deals.customerId}, ${tickets.customerId}, case when ${tasks.caseType} = 'customer' then ${tasks.caseId} end)`)
    .where(f.where))[0].n;
  return { items, total };
}

export { tasks as tasksTable, customers as customersTable };
