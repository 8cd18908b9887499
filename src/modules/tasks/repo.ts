import { and, asc, count, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, customers, tasks } from '../../db/schema.js';
import { containsPattern } from '../../db/like.js';

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
  return tx.select().from(tasks).where(and(eq(tasks.caseType, caseType), eq(tasks.caseId, caseId))).orderBy(asc(tasks.createdAt), asc(tasks.seq));
}

export async function openTasksOfCase(tx: Tx, caseId: string) {
  return tx.select().from(tasks).where(and(eq(tasks.caseId, caseId), eq(tasks.status, 'open')));
}

/** "mine": assigned to me, to my partner company, or unassigned in one of my roles — as
 *  disjoint branches, so each can walk its own index in due order (see listMine). */
export function mineBranches(actor: { id: string; roles: string[]; partnerId: string | null }): SQL[] {
  const branches: SQL[] = [
    eq(tasks.assigneeId, actor.id),
    and(sql`${tasks.assigneeIds} @> ${JSON.stringify([actor.id])}::jsonb`, sql`${tasks.assigneeId} is distinct from ${actor.id}`)!,
  ];
  if (actor.partnerId) branches.push(and(eq(tasks.partnerId, actor.partnerId), isNull(tasks.assigneeId))!);
  const poolRoles = actor.roles.filter((r) => r !== 'partner_engineer');
  if (poolRoles.length) {
    branches.push(and(isNull(tasks.assigneeId), isNull(tasks.partnerId), inArray(tasks.assigneeRole, poolRoles))!);
  }
  return branches;
}

export function mineCondition(actor: { id: string; roles: string[]; partnerId: string | null }): SQL {
  return or(...mineBranches(actor))!;
}

export interface TaskFilter {
  where: SQL | undefined;
  /** disjoint conditions OR-ed together; each is queried on its own and the pages merged */
  branches?: SQL[];
  limit: number;
  offset: number;
  order: 'due_asc' | 'due_desc' | 'created_desc';
}

/** Tasks whose case number, or the name of whose customer, matches (the inbox search box). */
export function customerNameMatches(q: string): SQL {
  const pattern = containsPattern(q);
  return sql`${tasks.caseId} in (select k.id from ${cases} k join ${customers} c on c.id = k.customer_id where c.name ilike ${pattern} or k.number ilike ${pattern})`;
}

/** Inbox totals stop counting at this many: nobody pages that far, and counting a huge
 *  backlog exactly would cost more than the page itself. */
export const COUNT_CAP = 1000;

async function cappedCount(tx: Tx, where: SQL | undefined): Promise<number> {
  const inner = tx.select({ one: sql`1` }).from(tasks).where(where).limit(COUNT_CAP + 1).as('capped');
  return Number((await tx.select({ n: count() }).from(inner))[0].n);
}

/** One page of tasks, then the case numbers and customer names of just that page in one
 *  query on `cases` (joining before the limit would touch every task). */
export async function listTasks(tx: Tx, f: TaskFilter) {
  const order = f.order === 'due_desc' ? [sql`${tasks.dueAt} desc nulls last`, desc(tasks.seq)]
    : f.order === 'created_desc' ? [desc(tasks.createdAt), desc(tasks.seq)]
    : [sql`${tasks.dueAt} asc nulls last`, asc(tasks.seq)];
  let page: TaskRow[];
  let total: number;
  if (f.branches?.length) {
    const parts = await Promise.all(f.branches.map(async (b) => ({
      rows: await tx.select().from(tasks).where(and(b, f.where)).orderBy(...order).limit(f.offset + f.limit),
      n: await cappedCount(tx, and(b, f.where)),
    })));
    const key = (t: TaskRow) => f.order === 'created_desc' ? -t.createdAt.getTime() : (t.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER) * (f.order === 'due_desc' ? -1 : 1);
    page = parts.flatMap((p) => p.rows).sort((a, b) => key(a) - key(b) || (f.order === 'due_asc' ? a.seq - b.seq : b.seq - a.seq)).slice(f.offset, f.offset + f.limit);
    total = parts.reduce((s, p) => s + p.n, 0);
  } else {
    page = await tx.select().from(tasks).where(f.where).orderBy(...order).limit(f.limit).offset(f.offset);
    total = (await tx.select({ n: count() }).from(tasks).where(f.where))[0].n;
  }
  const caseIds = [...new Set(page.map((t) => t.caseId))];
  const ofCase = new Map(caseIds.length
    ? (await tx.select({ id: cases.id, number: cases.number, customerName: customers.name }).from(cases)
      .innerJoin(customers, eq(customers.id, cases.customerId)).where(inArray(cases.id, caseIds))).map((r) => [r.id, r])
    : []);
  const items = page.map((task) => {
    const c = ofCase.get(task.caseId);
    return { task, caseNumber: c?.number ?? null, customerName: c?.customerName ?? null };
  });
  return { items, total };
}

export { tasks as tasksTable };
