// npm run bench: every benchmark, written to docs/benchmarks.md with the machine and the date.
import fs from 'node:fs';
import os from 'node:os';
import { runCalendarBench } from './calendar.js';
import { benchEngine, type HttpFigure } from './http.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function pgReachable(): Promise<boolean> {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: PG_URL });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

function table(rows: HttpFigure[]) {
  return ['| call | req/s | p50 ms | p95 ms | p99 ms | requests | non-2xx |', '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.requests} | ${r.non2xx + r.errors} |`)].join('\n');
}

async function main() {
  const only = process.argv[2];
  const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const date = new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const sections: string[] = [];
  if (!only || only === 'calendar') {
    const c = await runCalendarBench();
    console.log('calendar', c);
    sections.push(`## Calendar: dueAt (npm run bench, ${date})\n\nOne million \`dueAt\` calls, random starts in 2024–2026, random days ≤ 10, standard tier; the same inputs through the day-by-day reference loop in the same run.\n\n| implementation | dueAt / s |\n|---|---|\n| fast (src/domain/calendar) | ${(c.fastPerSec / 1e6).toFixed(2)} M |\n| day-by-day loop | ${(c.naivePerSec / 1e6).toFixed(2)} M |\n| ratio | ${c.ratio.toFixed(1)}× |\n\nGoal ≥ 1 M/s: ${c.fastPerSec >= 1e6 ? 'met' : 'NOT met'}.`);
  }
  if (!only || only === 'http') {
    const engines: ['pglite' | 'postgres', string | undefined][] = [['pglite', undefined]];
    if (await pgReachable()) engines.push(['postgres', PG_URL]);
    const wanted = process.argv[3];
    if (wanted) engines.splice(0, engines.length, ...engines.filter(([e]) => e === wanted));
    for (const [engine, url] of engines) {
      const rows = await benchEngine(engine, url);
      console.log(engine, rows);
      sections.push(`## HTTP on ${engine === 'pglite' ? 'embedded PGlite' : 'PostgreSQL 15 server'} (npm run bench, ${date})\n\n100,000 tasks loaded (30,000 open and assigned to \`sales\`, the rest spread over the role pools, a third done); autocannon, 32 connections, server in a child process on the same machine.\n\n${table(rows)}\n\nGoals (PostgreSQL): inbox p95 < 20 ms, completion p95 < 50 ms.`);
    }
  }
  const file = 'docs/benchmarks.md';
  const previous = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const header = `# Benchmarks\n\nMachine: ${machine}. Each section below says what it measured and when; \`npm run bench\` rewrites the sections it ran (\`npm run bench calendar\` / \`npm run bench http\` run one).\n`;
  const kept = previous.split(/\n(?=## )/).slice(1).filter((s) => !sections.some((n) => n.split(' (')[0] === s.split(' (')[0]));
  fs.writeFileSync(file, [header, ...sections, ...kept].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n');
  console.log(`written to ${file}`);
}

main().catch((e) => { console.error(e); process.exit(1); });
