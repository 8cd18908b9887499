// Configuration comes from the environment only (README lists every variable).
export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  adminPassword?: string;
  clockMode: 'system' | 'manual';
  clockStart?: Date;
  bodyLimit: number;
  sweepIntervalMs: number;
  logLevel: string;
  /** a JSON process definition to run instead of the default (validated at start-up) */
  processFile?: string;
}

const flag = (v: string | undefined, dflt: boolean) =>
  v === undefined || v === '' ? dflt : !['0', 'false', 'no', 'off'].includes(v.toLowerCase());

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clockStart = env.FANGYUAN_CLOCK_START ? new Date(env.FANGYUAN_CLOCK_START) : undefined;
  if (clockStart && Number.isNaN(clockStart.getTime())) {
    throw new Error(`FANGYUAN_CLOCK_START is not an ISO 8601 time: ${env.FANGYUAN_CLOCK_START}`);
  }
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
    demo: flag(env.DEMO, true),
    demoPassword: env.DEMO_PASSWORD || 'demo1234',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    clockMode: env.FANGYUAN_CLOCK === 'manual' ? 'manual' : 'system',
    clockStart,
    bodyLimit: Number(env.BODY_LIMIT ?? 1024 * 1024),
    sweepIntervalMs: Number(env.SWEEP_INTERVAL_MS ?? 60_000),
    logLevel: env.LOG_LEVEL ?? 'warn',
    processFile: env.PROCESS_FILE || undefined,
  };
}
