// npm start: the API and the web app on one port, on the embedded database unless DATABASE_URL is set.
import { loadConfig } from './config.js';
import { createContext } from './bootstrap.js';
import { buildApp } from './app.js';
import { startJobs } from './jobs.js';
import { DataDirInUseError } from '../db/dir-lock.js';
import { DefinitionError } from '../domain/process/definition.js';

async function main() {
  const config = loadConfig();
  const started = performance.now();
  // a progress line: a new DATA_DIR takes a few seconds (migrations, the demo company)
  console.log(`方圆 starting: ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`}, migrating and loading…`);
  let ctx;
  try {
    ctx = await createContext(config);
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
  const app = await buildApp(ctx);
  const stopJobs = startJobs(ctx, app.log);
  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`方圆 Fangyuan on http://localhost:${config.port} — ${where}; clock: ${ctx.clock.mode} (${ctx.clock.now().toISOString()}); ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (ctx.demo) {
    console.log([
      '┌──────────────────────────────────────────────────────────────────────────┐',
      '│ 演示公司 DEMO COMPANY — demo data and well-known demo passwords.          │',
      '│ Not for real business: start a real company on an empty database, DEMO=0 │',
      '└──────────────────────────────────────────────────────────────────────────┘',
    ].join('\n'));
  }
  if (ctx.seeded.length) {
    console.log(config.demo
      ? `Demo company created. Users (password "${config.demoPassword}"): ${ctx.seeded.join(', ')}`
      : `First administrator created: ${ctx.seeded.join(', ')} — the password must be changed at first sign-in`);
  }
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await ctx.database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
