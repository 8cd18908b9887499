// The plans of the reports' and list searches' statements, as the product runs them: the services
// run on one PostgreSQL session with auto_explain loaded (a contrib module of the server), which
// hands back the executed plan of every statement slower than a threshold as a notice.
import { sql } from 'drizzle-orm';
import { SESSION_OPTIONS, type Database, type Db } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';
import { createContext } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import type { Actor } from '../src/server/context.js';
import { parseIsoWeek, parseMonth } from '../src/modules/reports/period.js';
import { weeklySummary } from '../src/modules/reports/service.js';
import { pipelineReport } from '../src/modules/deals/service.js';
import { listDeals } from '../src/modules/deals/repo.js';
import { listTickets } from '../src/modules/tickets/repo.js';
import { searchDocuments } from '../src/modules/documents/repo.js';
import { engineerScores } from '../src/modules/management/engineers.js';
import { salesReview } from '../src/modules/management/sales.js';
import { departmentResults } from '../src/modules/management/departments.js';

/** A notice's query text on one line of at most 240 characters (the plan names what it reads). */
function shortened(notice: string): string {
  const [head, rest = ''] = notice.split('Query Text: ');
  const lines = rest.split('\n');
  const planAt = lines.findIndex((l) => /\(cost=|\(actual /.test(l));
  const text = lines.slice(0, planAt).join(' ').replace(/\s+/g, ' ').trim();
  return `${head.trim()}\nQuery: ${text.length > 240 ? `${text.slice(0, 240)} …` : text}\n${lines.slice(planAt).join('\n')}`;
}

/** Statements this slow (ms) or slower have their plan shown. */
const THRESHOLD_MS = Number(process.env.BENCH_EXPLAIN_MS ?? 5);

export async function explainReports(url: string): Promise<{ title: string; plan: string }[]> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  // one session (the settings below hold for it), planning as the product's sessions do
  const pool = new pg.Pool({ connectionString: url, max: 1, options: SESSION_OPTIONS });
  const notices: string[] = [];
  pool.on('connect', (c) => { c.on('notice', (n) => notices.push(n.message ?? '')); });
  const db = drizzle(pool, { schema }) as unknown as Db;
  const database: Database = { db, engine: 'postgres', close: () => pool.end() };
  try {
    for (const s of ['load \'auto_explain\'', 'set auto_explain.log_level = notice', `set auto_explain.log_min_duration = ${THRESHOLD_MS}`,
      'set auto_explain.log_analyze = on', 'set auto_explain.log_timing = on', 'set auto_explain.log_buffers = off', 'set client_min_messages = notice']) {
      await db.execute(sql.raw(s));
    }
    const ctx = await createContext({ ...loadConfig({}), demo: true, logLevel: 'silent' }, { database });
    const gmRow = (await db.select().from(schema.users).where(sql`username = 'gm'`))[0];
    const gm: Actor = { id: gmRow.id, username: gmRow.username, displayName: gmRow.displayName, roles: gmRow.roles, department: gmRow.department, partnerId: gmRow.partnerId };
    const month = parseMonth('2026-02')!;
    const now = new Date();
    const runs: [string, () => Promise<unknown>][] = [
      ['weekly summary (2026-W08)', () => weeklySummary({ period: parseIsoWeek('2026-W08')!, now, processes: ctx.processes }, db)],
      ['pipeline report', () => pipelineReport({ actor: gm }, db, ctx)],
      ['engineer scores (2026-02)', () => engineerScores({ actor: gm, range: { from: month.from, to: month.to } }, db, ctx)],
      ['sales review (2026-02)', () => salesReview({ actor: gm, range: { from: month.from, to: month.to } }, db, ctx)],
      ['department results (2026-02)', () => departmentResults({ actor: gm, period: month }, db, ctx)],
      ['deal list, q=华星', () => listDeals(db, { q: '华星', limit: 20, offset: 0 })],
      ['deal list, q=0012345', () => listDeals(db, { q: '0012345', limit: 20, offset: 0 })],
      ['ticket list, q=华星', () => listTickets(db, { q: '华星', now, sort: 'created_desc', limit: 20, offset: 0 })],
      ['ticket list, q=0012345', () => listTickets(db, { q: '0012345', now, sort: 'created_desc', limit: 20, offset: 0 })],
      ['archive, customer=华星', () => searchDocuments(db, { customer: '华星', departments: 'all', limit: 20, offset: 0 })],
      ['archive, number=0012345', () => searchDocuments(db, { number: '0012345', departments: 'all', limit: 20, offset: 0 })],
    ];
    const out: { title: string; plan: string }[] = [];
    for (const [title, run] of runs) {
      await run(); // warm
      notices.length = 0;
      const started = performance.now();
      await run();
      const ms = Math.round(performance.now() - started);
      const plans = notices.filter((n) => n.includes('plan:')).map(shortened);
      out.push({ title: `${title}: ${ms} ms in all; ${plans.length ? `the statements of ${THRESHOLD_MS} ms or more` : `no statement took ${THRESHOLD_MS} ms`}`, plan: plans.join('\n\n') || '(none)' });
    }
    return out;
  } finally {
    await pool.end();
  }
}
