// npm run bench [section …]: the benchmarks, written to docs/benchmarks.md with the machine and
// the date. Each section rewrites its own `## Title (…)` part of the file and keeps the others.
// Sections: calendar, postgres (product vs raw SQL, same run; BENCH_WORKERS=2: two server processes), reads (reports and list searches on
// the bench db), explain (plans on the bench db), startup (cold npm start), pglite. Add a section by adding
// an entry to SECTIONS (a function returning markdown parts that each start with `## `).
import fs from 'node:fs';
import os from 'node:os';
import { runCalendarBench } from './calendar.js';
import { benchEngine, PAGE_SIZE, type EngineRun, type Figure } from './http.js';
import { scaleFromEnv } from './seed.js';
import { runStartupBench } from './startup.js';
import { explainHot } from './explain.js';
import { explainReports } from './explain-reports.js';
import { benchReads } from './reads.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
export const stamp = () => new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

async function pgReachable(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: PG_URL });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

const n = (x: number) => x.toLocaleString('en-US');
const REPORT_RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 10);
const dataLine = (r: EngineRun) => `Data: ${n(r.seeded.scale.tasks)} tasks, ${n(r.seeded.scale.deals)} deals, ${n(r.seeded.scale.tickets)} tickets with one document each, ${n(r.seeded.scale.customers)} customers; seeded with SQL in ${r.seeded.seconds.toFixed(0)} s. Inbox: \`GET /tasks?mine=true&status=open&pageSize=${PAGE_SIZE}\` as \`sales\`; completion: \`POST /tasks/{id}/complete\` (qualify → develop). Server: ${r.workers} process${r.workers > 1 ? 'es (WORKERS, node:cluster)' : ''}, PostgreSQL pool 16 each; load tool on the same machine.`;

function sideBySide(r: EngineRun): string {
  const rows = r.product.map((p) => {
    const raw = r.raw.find((x) => x.call === p.call && x.connections === p.connections)!;
    const ratio = p.rps / raw.rps;
    return `| ${p.call} | ${p.connections} | ${n(p.rps)}/s · p50 ${p.p50} · p99 ${p.p99} ms | ${n(raw.rps)}/s · p50 ${raw.p50} · p99 ${raw.p99} ms | ${ratio.toFixed(3)}× | ${p.errors + raw.errors} | ${p.load} / ${raw.load} |`;
  });
  return ['| call | connections | product | raw SQL (`pg`, prepared) | ratio | errors | load (1 min) product / raw |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

function productOnly(rows: Figure[]): string {
  return ['| call | connections | req/s | p50 ms | p90 ms | p99 ms | requests | errors | load (1 min) |', '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((p) => `| ${p.call} | ${p.connections} | ${n(p.rps)} | ${p.p50} | ${p.p90} | ${p.p99} | ${p.requests} | ${p.errors} | ${p.load} |`)].join('\n');
}

function goals(r: EngineRun): string {
  const f = (call: string, c: number, raw = false) => (raw ? r.raw : r.product).find((x) => x.call === call && x.connections === c)!;
  const ratio = (call: string, c: number) => f(call, c).rps / f(call, c, true).rps;
  // a figure with failed requests measured something else (an exhausted set of tasks…): no verdict
  const failed = (call: string, c: number, withRaw = true) => f(call, c).errors > 0 || (withRaw && f(call, c, true).errors > 0);
  const line = (what: string, value: string, ok: boolean, invalid: boolean) =>
    `| ${what} | ${value} | ${invalid ? 'not measured: requests failed (the errors column)' : ok ? 'met' : 'NOT met'} |`;
  return ['| goal | measured | |', '|---|---|---|',
    line('inbox, 32 connections ≥ 0.15× raw', `${ratio('inbox', 32).toFixed(3)}×`, ratio('inbox', 32) >= 0.15, failed('inbox', 32)),
    line('inbox p99, 1 connection < 3 ms', `${f('inbox', 1).p99} ms`, f('inbox', 1).p99 < 3, failed('inbox', 1, false)),
    line('completion, 1 connection ≥ 0.5× raw', `${ratio('completion', 1).toFixed(3)}×`, ratio('completion', 1) >= 0.5, failed('completion', 1)),
    line('completion, 32 connections ≥ 0.4× raw', `${ratio('completion', 32).toFixed(3)}×`, ratio('completion', 32) >= 0.4, failed('completion', 32)),
  ].join('\n');
}

export const SECTIONS: Record<string, () => Promise<string[]>> = {
  async calendar() {
    const c = await runCalendarBench();
    console.log('calendar', c);
    return [`## Calendar: dueAt (npm run bench, ${stamp()})\n\nOne million \`dueAt\` calls, random starts in 2024–2026, random days ≤ 10, standard tier; the same inputs through the day-by-day reference loop in the same run.\n\n| implementation | dueAt / s |\n|---|---|\n| fast (src/domain/calendar) | ${(c.fastPerSec / 1e6).toFixed(2)} M |\n| day-by-day loop | ${(c.naivePerSec / 1e6).toFixed(2)} M |\n| ratio | ${c.ratio.toFixed(1)}× |\n\nGoal ≥ 1 M/s: ${c.fastPerSec >= 1e6 ? 'met' : 'NOT met'}.`];
  },
  async postgres() {
    if (!(await pgReachable())) { console.log(`postgres: ${PG_URL} not reachable, skipped`); return []; }
    const workers = Number(process.env.BENCH_WORKERS ?? 1);
    const r = await benchEngine('postgres', PG_URL, scaleFromEnv(), { workers });
    return [`## PostgreSQL: product and raw SQL side by side${workers > 1 ? `, ${workers} server processes` : ''} (npm run bench, ${stamp()})\n\nMachine: ${machine}; PostgreSQL 15 on the same machine, database \`bench\`. ${dataLine(r)} The raw SQL runs the product's inbox page as one statement, and a completion as one transaction of five statements (close the task, bump the number counter, write the document, open the next task, append the audit), each a named prepared statement through \`pg\`, one client per connection. Each figure: ${process.env.BENCH_SECONDS ?? 10} s. The machine is shared with other work while this runs: the 1-minute load average is given next to each figure, and figures are noisy.\n\n${sideBySide(r)}\n\n${goals(r)}`];
  },
  async scale() {
    // the scale curve: inbox and completion at each size, each on its own database (bench_<tasks>)
    if (!(await pgReachable())) return [];
    const sizes = (process.env.BENCH_SCALES ?? '100000,1000000,5000000').split(',').map((x) => Number(x.replace(/_/g, '')));
    const rows: string[] = [];
    for (const tasks of sizes) {
      process.env.BENCH_DB = tasks === 1_000_000 ? 'bench' : `bench_${tasks}`;
      const r = await benchEngine('postgres', PG_URL, scaleFromEnv(tasks));
      const f = (call: string, c: number) => r.product.find((x) => x.call === call && x.connections === c)!;
      rows.push(`| ${n(tasks)} | ${r.seeded.seconds.toFixed(0)} s | ${f('inbox', 1).p50} / ${f('inbox', 1).p99} | ${n(f('inbox', 32).rps)}/s | ${f('completion', 1).p50} / ${f('completion', 1).p99} | ${n(f('completion', 32).rps)}/s | ${f('inbox', 1).load} |`);
    }
    delete process.env.BENCH_DB;
    return [`## Scale curve (npm run bench scale, ${stamp()})\n\nMachine: ${machine}; PostgreSQL 15 on the same machine. Each size is its own database (deals = tasks / 5, tickets = tasks, customers = tasks / 20; \`BENCH_SCALES\` picks the sizes, \`BENCH_REUSE=1\` reuses seeded ones; the 1 M point is the \`bench\` database of the postgres section). Latencies are of the product at 1 connection; throughput at 32. A flat curve is the goal.\n\n| tasks | seeded in | inbox p50 / p99 ms (1 conn.) | inbox at 32 | completion p50 / p99 ms (1 conn.) | completion at 32 | load (1 min) |\n|---|---|---|---|---|---|---|\n${rows.join('\n')}`];
  },
  async explain() {
    if (!(await pgReachable())) return [];
    const u = new URL(PG_URL);
    u.pathname = `/${process.env.BENCH_DB ?? 'bench'}`;
    const plans = [...await explainHot(u.toString()), ...await explainReports(u.toString())];
    return [`## EXPLAIN of the hot queries (npm run bench, ${stamp()})\n\nOn the \`bench\` database the postgres section seeded (run it first), PostgreSQL 15, machine ${machine}, load ${os.loadavg()[0].toFixed(2)}. The statements are built by the product's own code (e.g. \`inboxQuery\` in src/modules/tasks/repo.ts); the reports' and list searches' run through their services on one session with \`auto_explain\`, which gives the executed plan of each statement of 5 ms or more (\`BENCH_EXPLAIN_MS\`).\n\n${plans.map((p) => `### ${p.title}\n\n\`\`\`\n${p.plan}\n\`\`\``).join('\n\n')}`];
  },
  async reads() {
    if (!(await pgReachable())) { console.log(`reads: ${PG_URL} not reachable, skipped`); return []; }
    const r = await benchReads(PG_URL, scaleFromEnv());
    const s = r.seeded.scale;
    const reports = ['| report | p50 ms | slowest ms | runs | reply bytes | goal < 300 ms |', '|---|---|---|---|---|---|',
      ...r.reports.map((x) => `| ${x.call} \`${x.url}\` | ${x.p50} | ${x.max} | ${x.runs} | ${n(x.bytes)} | ${x.p50 < 300 ? 'met' : 'NOT met'} |`)].join('\n');
    const searches = ['| list search | 1 connection p50 / p99 ms | 32 connections: req/s | p50 ms | p90 ms | p97.5 ms | p99 ms | errors | goal p95 < 50 ms at 32 | load (1 min) |', '|---|---|---|---|---|---|---|---|---|---|',
      ...r.searches.map((x) => `| ${x.call} \`${x.url}\` | ${x.one.p50} / ${x.one.p99} | ${n(x.rps)} | ${x.p50} | ${x.p90} | ${x.p97_5} | ${x.p99} | ${x.errors} | ${x.rps === 0 || x.errors > 0 ? 'NOT met (timeouts or errors)' : x.p97_5 < 50 ? 'met' : x.p90 < 50 ? 'between p90 and p97.5' : 'NOT met'} | ${x.load} |`)].join('\n');
    return [`## Reports and list searches (npm run bench reads, ${stamp()})\n\nMachine: ${machine}; PostgreSQL 15 on the same machine, the \`bench\` database (${n(s.tasks)} tasks, ${n(s.deals)} deals, ${n(s.tickets)} tickets with one document each, ${n(s.customers)} customers; \`BENCH_REUSE=1\` reuses a seeded one). Reports as the GM, one request at a time, the first of ${REPORT_RUNS + 1} a warm-up. Searches as the GM, each first one request at a time (half the time), then for ${process.env.BENCH_SECONDS ?? 10} s at 32 connections; autocannon gives p97.5 rather than p95, so a goal met at p97.5 is met at p95.\n\n${reports}\n\n${searches}`];
  },
  async startup() {
    const rows = await runStartupBench();
    console.log('startup', rows);
    const goal = { 'new DATA_DIR': 6, 'existing DATA_DIR': 2 } as Record<string, number>;
    return [`## Cold start (npm run bench, ${stamp()})\n\nMachine: ${machine}. \`npm start\` (web build skipped: web/dist up to date) on embedded PGlite, to the first answer of \`GET /api/v1/health\`; a new DATA_DIR runs the migrations and creates the demo company.\n\n| start | seconds | goal | | load (1 min) |\n|---|---|---|---|---|\n${rows.map((r) => `| ${r.what} | ${r.seconds.toFixed(2)} | < ${goal[r.what]} s | ${r.seconds < goal[r.what] ? 'met' : 'NOT met'} | ${r.load} |`).join('\n')}`];
  },
  async pglite() {
    const r = await benchEngine('pglite', undefined, scaleFromEnv(Number(process.env.BENCH_PGLITE_TASKS ?? 100_000)));
    return [`## PGlite: product (npm run bench, ${stamp()})\n\nMachine: ${machine}. ${dataLine(r)} PGlite is one in-process connection: every request queues on it; it is the single-user/demo engine, with no raw SQL client to compare against.\n\n${productOnly(r.product)}`];
  },
};

async function main() {
  const wanted = process.argv.slice(2);
  // the scale curve seeds up to 5 M tasks (a quarter of an hour here): only when asked for
  const names = wanted.length ? wanted : Object.keys(SECTIONS).filter((x) => x !== 'scale');
  const unknown = names.filter((x) => !SECTIONS[x]);
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const sections: string[] = [];
  for (const name of names) sections.push(...(await SECTIONS[name]()));
  const file = 'docs/benchmarks.md';
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const header = `# Benchmarks\n\nEach section below says what it measured, on which machine and when; \`npm run bench\` rewrites the sections it ran (\`npm run bench postgres\`, \`npm run bench calendar pglite\`, … run some). A smaller scale for a quick reproduction: \`BENCH_TASKS=100000 npm run bench postgres\` (deals, tickets and customers follow; \`BENCH_DEALS\`, \`BENCH_TICKETS\`, \`BENCH_CUSTOMERS\` set them apart). PostgreSQL: \`BENCH_DATABASE_URL\` (default \`postgres://postgres@127.0.0.1:5432/postgres\`) is used to create the database \`bench\` (\`BENCH_DB\`); \`BENCH_REUSE=1\` measures again on an already seeded one, \`BENCH_KEEP=0\` drops it afterwards. Which goals are met, and for those that are not the measured reason and the next step: the section *Reading the figures: issue 12 status*.\n`;
  const title = (s: string) => s.split(' (')[0].trim();
  const kept = previous.split(/\n(?=## )/).slice(1).filter((s) => !sections.some((x) => title(x) === title(s)));
  fs.writeFileSync(file, [header, ...sections, ...kept].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n');
  console.log(`written to ${file}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
