// The same reads and writes as the product's inbox and completion, as raw SQL through `pg`
// with named (prepared) statements, on the same database in the same run: the ceiling the
// product is measured against.
import pg from 'pg';
import type { Seeded } from './seed.js';

export interface LoopFigure { rps: number; p50: number; p90: number; p99: number; requests: number; errors: number }

/** Runs `op` on `connections` clients for `seconds`, each client one operation at a time. */
export async function loop(url: string, connections: number, seconds: number, op: (c: pg.Client) => Promise<void>): Promise<LoopFigure> {
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  const latencies: number[] = [];
  let errors = 0;
  // warm-up: every client prepares its statements
  await Promise.all(clients.map((c) => op(c).catch(() => { errors++; })));
  errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(clients.map(async (c) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      try { await op(c); latencies.push(performance.now() - t0); } catch { errors++; }
    }
  }));
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0) * 100) / 100;
  return { rps: Math.round(latencies.length / elapsed), p50: at(0.5), p90: at(0.9), p99: at(0.99), requests: latencies.length, errors };
}

/** The inbox page the product serves: the actor's open tasks (own, shared, partner's, role
 *  pool) in due order, with each task's case number and customer name. */
export function rawInbox(seeded: Seeded, pageSize: number) {
  const text = `
    select t.*, k.number as case_number, c.name as customer_name from (
      (select * from tasks where status = 'open' and assignee_id = $1 order by due_at asc nulls last, seq limit $3)
      union all
      (select * from tasks where status = 'open' and assignee_ids @> jsonb_build_array($1::text) and assignee_id is distinct from $1 order by due_at asc nulls last, seq limit $3)
      union all
      (select * from tasks where status = 'open' and assignee_id is null and partner_id is null and assignee_role = $2 order by due_at asc nulls last, seq limit $3)
    ) t join cases k on k.id = t.case_id join customers c on c.id = k.customer_id
    order by t.due_at asc nulls last, t.seq limit $3`;
  return async (c: pg.Client) => {
    await c.query({ name: 'inbox', text, values: [seeded.salesId, 'sales', pageSize] });
  };
}

/** One completion as one transaction: close the task, bump the number counter, write the
 *  document, open the next task, append the audit. Task ids come from `nextId`. */
export function rawComplete(seeded: Seeded, nextId: () => string) {
  return async (c: pg.Client) => {
    // the server's clock (the product's next task is due from now): not BENCH_NOW, or its next
    // tasks would be overdue at once and the server's sweep would escalate them during the run
    const now = new Date().toISOString();
    const id = nextId();
    await c.query('begin');
    try {
      const closed = await c.query({
        name: 'close',
        text: `update tasks t set status = 'done', outcome = 'develop', completed_at = $2, completed_by = $3
               from cases k where t.id = $1 and t.status = 'open' and k.id = t.case_id returning t.case_id, k.customer_id`,
        values: [id, now, seeded.salesId],
      });
      const row = closed.rows[0] as { case_id: string; customer_id: string } | undefined;
      if (!row) throw new Error(`task ${id} not open`);
      const counter = await c.query({
        name: 'counter',
        text: `insert into doc_counters (prefix, year, last) values ('RB', 2099, 1)
               on conflict (prefix, year) do update set last = doc_counters.last + 1 returning last`,
      });
      const docId = `rd-${id}`;
      await c.query({
        name: 'document',
        text: `insert into documents (id, form, number, case_type, case_id, customer_id, task_id, fields, copies, signed_by, created_at)
               values ($1, 'qualify_develop', 'RB-2099-' || lpad($2::text, 7, '0'), 'deal', $3, $4, $5, $6, '["business","admin"]', $7, $8)`,
        values: [docId, counter.rows[0].last, row.case_id, row.customer_id, id, JSON.stringify({ customerType: '压测' }),
          JSON.stringify([{ userId: seeded.salesId, displayName: '销售', role: 'sales', at: now }]), now],
      });
      await c.query({
        name: 'next',
        text: `insert into tasks (id, step, case_type, case_id, assignee_role, assignee_id, department, created_at, due_at, status)
               values ($1, $2, 'deal', $3, $4, null, $5, $6, $6::timestamptz + interval '3 day', 'open')`,
        values: [`rn-${id}`, seeded.nextStep, row.case_id, seeded.nextRole, seeded.nextDepartment, now],
      });
      await c.query({
        name: 'audit',
        text: `insert into audit (at, actor_id, action, entity, entity_id, case_id, after) values ($1, $2, 'task.complete', 'task', $3, $4, $5)`,
        values: [now, seeded.salesId, id, row.case_id, JSON.stringify({ outcome: 'develop' })],
      });
      await c.query('commit');
    } catch (e) {
      await c.query('rollback');
      throw e;
    }
  };
}
