// Loads the process definition at start-up; a case keeps the version it started with.
import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { processDefinitions } from '../../db/schema.js';
import { parseProcessDefinition, type ProcessDefinition } from '../../domain/process/definition.js';
import { DEFAULT_PROCESS } from '../../domain/process/default-process.js';

export interface ProcessService {
  current(): ProcessDefinition;
  get(version: number, tx: Tx): Promise<ProcessDefinition>;
}

/** Stores the given definition as a new version when it differs from the latest stored one. */
export async function loadProcessService(db: Db, now: Date, raw: unknown = DEFAULT_PROCESS): Promise<ProcessService> {
  const parsed = parseProcessDefinition(raw);
  const cache = new Map<number, ProcessDefinition>();
  const latest = (await db.select().from(processDefinitions).orderBy(desc(processDefinitions.version)).limit(1))[0];
  let current = parsed;
  if (latest && JSON.stringify(latest.definition) === JSON.stringify(parsed)) {
    current = parseProcessDefinition(latest.definition);
  } else {
    const version = Math.max(parsed.version, (latest?.version ?? 0) + 1);
    current = { ...parsed, version };
    await db.insert(processDefinitions).values({ version, definition: current, createdAt: now }).onConflictDoNothing();
  }
  cache.set(current.version, current);
  return {
    current: () => current,
    async get(version, tx) {
      const hit = cache.get(version);
      if (hit) return hit;
      const row = (await tx.select().from(processDefinitions).where(eq(processDefinitions.version, version)))[0];
      if (!row) throw new Error(`process definition version ${version} is missing`);
      const def = parseProcessDefinition(row.definition);
      cache.set(version, def);
      return def;
    },
  };
}
