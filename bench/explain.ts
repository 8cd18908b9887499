// EXPLAIN (ANALYZE) of the hot queries on the seeded bench database, as the product builds them.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import * as tasksRepo from '../src/modules/tasks/repo.js';
import { tasks } from '../src/db/schema.js';
import { tokenHash } from '../src/modules/auth/service.js';

export async function explainHot(url: string): Promise<{ title: string; plan: string }[]> {
  const database = await openDatabase({ databaseUrl: url, migrate: false });
  const { db } = database;
  const rows = async (q: SQL) => ((await db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows;
  try {
    const [sales] = await rows(sql`select id, roles, partner_id from users where username = 'sales'`);
    const actor = { id: String(sales.id), roles: sales.roles as string[], partnerId: (sales.partner_id as string | null) ?? null };
    const [task] = await rows(sql`select id, case_id from tasks where id like 'bt%' and status = 'open' limit 1`);
    const [session] = await rows(sql`select token_hash from sessions limit 1`);
    const queries: [string, SQL][] = [
      ['inbox page (GET /tasks?mine=true&status=open&pageSize=50, as sales): one statement', tasksRepo.inboxQuery({ where: eq(tasks.status, 'open'), branches: tasksRepo.mineBranches(actor), limit: 50, offset: 0, order: 'due_asc' })],
      ['inbox search (q=华星, as sales)', tasksRepo.inboxQuery({ where: and(eq(tasks.status, 'open'), tasksRepo.customerNameMatches('华星')), branches: tasksRepo.mineBranches(actor), limit: 20, offset: 0, order: 'due_asc' })],
      ['session lookup (on a cache miss, at most every 2 s per token)', sql`select u.id from sessions s join users u on u.id = s.user_id where s.token_hash = ${String(session?.token_hash ?? tokenHash('x'))} and s.revoked_at is null and s.expires_at > now() and u.active`],
      ['completion: lock the task', sql`select * from tasks where id = ${String(task.id)} for update`],
      ['completion: the case\'s earlier tasks', sql`select * from tasks where case_type = 'deal' and case_id = ${String(task.case_id)} order by created_at, seq`],
    ];
    const out = [];
    for (const [title, q] of queries) {
      await rows(q); // warm
      const plan = (await rows(sql`explain (analyze, costs off, timing on) ${q}`)).map((r) => String(Object.values(r)[0])).join('\n');
      out.push({ title, plan });
    }
    return out;
  } finally {
    await database.close();
  }
}
