// Configuration comes from the environment only (README lists every variable).
import os from 'node:os';
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  /** server processes on the port (node:cluster); more than one only with DATABASE_URL */
  workers: number;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  adminPassword?: string;
  clockMode: 'system' | 'manual';
  clockStart?: Date;
  bodyLimit: number;
  /** the whole request (headers and body) must arrive within this; 0 = no limit */
  requestTimeoutMs: number;
  /** the request headers must arrive within this */
  headersTimeoutMs: number;
  /** an idle connection is closed after this; 0 = never */
  connectionTimeoutMs: number;
  sweepIntervalMs: number;
  logLevel: string;
  /** replies the schema would change are errors (the test suite; see server/replies.ts) */
  strictReplies: boolean;
  /** a JSON process definition to run instead of the default (validated at start-up) */
  processFile?: string;
  /** how often the outbox worker delivers due messages */
  outboxIntervalMs: number;
  /** how long an outbox claim holds a message before another worker may take it over */
  outboxLeaseMs: number;
  /** requests a client address may make to the public rating endpoints per minute */
  publicRateLimit: number;
}

const flag = (v: string | undefined, dflt: boolean) =>
  v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clockStart = env.FANGYUAN_CLOCK_START ? new Date(env.FANGYUAN_CLOCK_START) : undefined;
  if (clockStart && Number.isNaN(clockStart.getTime())) {
    throw new Error(`FANGYUAN_CLOCK_START is not an ISO 8601 time: ${env.FANGYUAN_CLOCK_START}`);
  }
  // PGlite is one process's database: WORKERS applies to a PostgreSQL server only
  const workers = env.DATABASE_URL ? Number(env.WORKERS ?? os.availableParallelism()) : 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new Error(`WORKERS must be a whole number from 1 to 64: ${env.WORKERS}`);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    workers,
    dataDir: env.DATA_DIR || './data',
    demo: flag(env.DEMO, true),
    demoPassword: env.DEMO_PASSWORD || 'demo1234',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    clockMode: env.FANGYUAN_CLOCK === 'manual' ? 'manual' : 'system',
    clockStart,
    bodyLimit: Number(env.BODY_LIMIT ?? 1024 * 1024),
    requestTimeoutMs: Number(env.REQUEST_TIMEOUT_MS ?? 30_000),
    headersTimeoutMs: Number(env.HEADERS_TIMEOUT_MS ?? 10_000),
    connectionTimeoutMs: Number(env.CONNECTION_TIMEOUT_MS ?? 120_000),
    sweepIntervalMs: Number(env.SWEEP_INTERVAL_MS ?? 60_000),
    logLevel: env.LOG_LEVEL ?? 'warn',
    strictReplies: flag(env.FANGYUAN_STRICT_REPLIES, false),
    processFile: env.PROCESS_FILE || undefined,
    outboxIntervalMs: Number(env.OUTBOX_INTERVAL_MS ?? 10_000),
    outboxLeaseMs: Number(env.OUTBOX_LEASE_MS ?? 120_000),
    publicRateLimit: Number(env.PUBLIC_RATE_LIMIT ?? 30),
  };
}

/** How long an instance trusts the stored process and calendar versions before asking again:
 *  a change published on another instance shows within it. With the manual clock (training,
 *  tests) every request asks, so a change shows everywhere at once. */
export const VERSION_RECHECK_MS = 1000;
export const versionRecheckMs = (config: Config) => (config.clockMode === 'manual' ? 0 : VERSION_RECHECK_MS);
