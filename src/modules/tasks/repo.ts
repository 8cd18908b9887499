import { and, asc, eq, getTableColumns, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, customers, leads, tasks } from '../../db/schema.js';
import { casesMatching } from '../../db/search.js';
import { caseColumns } from '../cases/repo.js';

export type TaskRow = typeof tasks.$inferSelect;

export async function insertTask(tx: Tx, row: typeof tasks.$inferInsert) {
  return (await tx.insert(tasks).values(row).returning())[0];
}

/** Locks the task row for this transaction: a second completion waits, then sees it done. */
export async function lockTask(tx: Tx, id: string) {
  return (await tx.select().from(tasks).where(eq(tasks.id, id)).for('update'))[0];
}

/** lockTask and the task's case (as findCase reads it) in one statement; only the task row is locked. */
export async function lockTaskWithCase(tx: Tx, id: string) {
  const [row] = await tx.select({ task: tasks, c: caseColumns, leadReferrerId: leads.referrerId }).from(tasks)
    .innerJoin(cases, and(eq(cases.id, tasks.caseId), eq(cases.type, tasks.caseType)))
    .innerJoin(customers, eq(customers.id, cases.customerId))
    // a deal's lead: its referrer never works on the deal (tasks/service completeTask)
    .leftJoin(leads, eq(leads.dealId, cases.id))
    .where(eq(tasks.id, id)).for('update', { of: tasks });
  return row;
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
  // one branch per role: an equality walks the pool index in due order, an IN list would sort
  for (const role of poolRoles) branches.push(and(isNull(tasks.assigneeId), isNull(tasks.partnerId), eq(tasks.assigneeRole, role))!);
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
  return sql`${tasks.caseId} in (${casesMatching(q)})`;
}

/** Inbox totals stop counting at this many: nobody pages that far, and counting a huge
 *  backlog exactly would cost more than the page itself. */
export const COUNT_CAP = 1000;

const taskColumns = Object.entries(getTableColumns(tasks));

/** A task row as the driver gives it (snake_case, driver values) → the drizzle row. */
function taskFromDriver(r: Record<string, unknown>): TaskRow {
  const row: Record<string, unknown> = {};
  for (const [key, col] of taskColumns) {
    const v = r[col.name];
    row[key] = v === null || v === undefined ? null : col.mapFromDriverValue(v);
  }
  return row as TaskRow;
}

/** One page of tasks with each task's case number and customer name, and the total, in ONE
 *  statement: every branch walks its own index in order up to offset+limit (UNION ALL), the
 *  merged page is cut, then the page alone is joined to `cases` and `customers`. Branch totals
 *  are counted up to COUNT_CAP + 1 each (nobody pages that far). Without branches the total is
 *  exact. The totals row is left-joined to the page, so an empty page still has its total. */
export async function listTasks(tx: Tx, f: TaskFilter) {
  const result = await tx.execute(inboxQuery(f));
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows;
  const total = Number(rows[0]?.fy_total ?? 0);
  const items = rows.filter((r) => r.id !== null && r.id !== undefined).map((r) => ({
    task: taskFromDriver(r),
    caseNumber: (r.fy_case_number as string | null) ?? null,
    customerName: (r.fy_customer_name as string | null) ?? null,
  }));
  return { items, total };
}

/** The statement listTasks runs (the bench EXPLAINs it). */
export function inboxQuery(f: TaskFilter): SQL {
  const inner = f.order === 'created_desc' ? sql`created_at desc, seq desc`
    : f.order === 'due_desc' ? sql`due_at desc nulls last, seq desc` : sql`due_at asc nulls last, seq asc`;
  const outer = f.order === 'created_desc' ? sql`p.created_at desc, p.seq desc`
    : f.order === 'due_desc' ? sql`p.due_at desc nulls last, p.seq desc` : sql`p.due_at asc nulls last, p.seq asc`;
  const branches = f.branches?.length ? f.branches.map((b) => and(b, f.where)) : [f.where];
  const whereOf = (w: SQL | undefined) => (w ? sql` where ${w}` : sql``);
  const pageOf = (w: SQL | undefined) => sql`(select * from ${tasks}${whereOf(w)} order by ${inner} limit ${f.offset + f.limit})`;
  const union = sql.join(branches.map(pageOf), sql` union all `);
  const counts = f.branches?.length
    ? sql.join(branches.map((w) => sql`(select count(*) from (select 1 from ${tasks}${whereOf(w)} limit ${COUNT_CAP + 1}) capped)`), sql` + `)
    : sql`(select count(*) from ${tasks}${whereOf(f.where)})`;
  return sql`select p.*, k.number as fy_case_number, c.name as fy_customer_name, n.fy_total
    from (select ${counts} as fy_total) n
    left join lateral (select * from (${union}) u order by ${inner} limit ${f.limit} offset ${f.offset}) p on true
    left join ${cases} k on k.id = p.case_id
    left join ${customers} c on c.id = k.customer_id
    order by ${outer}`;
}

export { tasks as tasksTable };
