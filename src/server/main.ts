// npm start: the API and the web app on one port, on the embedded database unless DATABASE_URL is set.
// With DATABASE_URL, WORKERS server processes (default: one per core) share the port through
// node:cluster; everything they share (sessions, locks, numbers, timers, jobs) is in the database.
import cluster from 'node:cluster';
import { loadConfig, type Config } from './config.js';
import { createContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { startJobs } from './jobs.js';
import { DataDirInUseError } from '../db/dir-lock.js';
import { DefinitionError } from '../domain/process/definition.js';

const where = (config: Config) => (config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`);

/** Migrates, seeds and loads; a bad process file or a DATA_DIR in use ends the start with a line. */
async function open(config: Config) {
  try {
    return await createContext(config);
  } catch (e) {
    if (e instanceof DefinitionError) {
      console.error(`✗ PROCESS_FILE ${config.processFile ?? ''}: ${e.message}`);
      process.exit(2);
    }
    if (e instanceof DataDirInUseError) {
      console.error(`✗ ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
}

/** The users a first start created, and their passwords' state. */
function announceSeeded(config: Config, seeded: string[]) {
  if (!seeded.length) return;
  console.log(config.demo
    ? `Demo company created. Users (password "${config.demoPassword}"): ${seeded.join(', ')}`
    : `First administrator created: ${seeded.join(', ')} — the password must be changed at first sign-in`);
}

/** One server process: the app, its jobs, and a clean stop on SIGTERM/SIGINT (or when the
 *  cluster's primary goes away). `announce`: print the start lines (one process of a cluster). */
async function serve(config: Config, announce: boolean) {
  const started = performance.now();
  // a progress line: a new DATA_DIR takes a few seconds (migrations, the demo company)
  if (announce) console.log(`方圆 starting: ${where(config)}, migrating and loading…`);
  const ctx = await open(config);
  const app = await buildApp(ctx);
  const stopJobs = startJobs(ctx, app.log);
  await app.listen({ port: config.port, host: config.host });
  const workers = cluster.isWorker ? `; ${config.workers} server processes` : '';
  if (announce) {
    console.log(`方圆 Fangyuan on http://localhost:${config.port} — ${where(config)}${workers}; clock: ${ctx.clock.mode} (${ctx.clock.now().toISOString()}); ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (ctx.demo) {
      console.log([
        '┌──────────────────────────────────────────────────────────────────────────┐',
        '│ 演示公司 DEMO COMPANY — demo data and well-known demo passwords.          │',
        '│ Not for real business: start a real company on an empty database, DEMO=0 │',
        '└──────────────────────────────────────────────────────────────────────────┘',
      ].join('\n'));
    }
  }
  announceSeeded(config, ctx.seeded);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    stopJobs();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (cluster.isWorker) cluster.worker!.once('disconnect', shutdown);
}

/** The cluster's primary: migrates and seeds once, then starts the workers, starts a new one when
 *  one dies after running a while, and stops them all on SIGTERM/SIGINT. It serves nothing itself. */
async function primary(config: Config) {
  console.log(`方圆 starting: ${where(config)}, ${config.workers} server processes (WORKERS), migrating and loading…`);
  const ctx = await open(config); // the migrations and the first users, once, before the workers
  announceSeeded(config, ctx.seeded);
  await ctx.database.close();
  const bornAt = new Map<number, number>();
  const fork = (announce: boolean) => bornAt.set(cluster.fork({ FANGYUAN_ANNOUNCE: announce ? '1' : '0' }).id, Date.now());
  for (let i = 0; i < config.workers; i++) fork(i === 0);
  let stopping = false;
  cluster.on('exit', (w, code, signal) => {
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
      return;
    }
    const ranMs = Date.now() - (bornAt.get(w.id) ?? 0);
    console.error(`✗ server process ${w.process.pid} ended (${signal ?? `exit ${code}`}) after ${(ranMs / 1000).toFixed(0)} s`);
    if (ranMs < 10_000) {
      console.error('✗ it ended while starting: stopping');
      stopping = true;
      for (const x of Object.values(cluster.workers ?? {})) x?.process.kill('SIGTERM');
      process.exitCode = 1;
      return;
    }
    fork(false);
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function start() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) return primary(config);
  return serve(config, cluster.isPrimary || process.env.FANGYUAN_ANNOUNCE === '1');
}

start().catch((e) => {
  console.error(e);
  process.exit(1);
});
