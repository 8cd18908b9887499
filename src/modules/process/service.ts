// Loads the process definition at start-up (refusing a bad one with a message naming the step
// and the field); a case keeps the version it started with.
import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { processDefinitions } from '../../db/schema.js';
import { parseProcessDefinition, stepsOfKind, type ProcessDefinition, type StepKind } from '../../domain/process/definition.js';
import { DEFAULT_PROCESS } from '../../domain/process/default-process.js';
import { EFFECT_SIGNATURES } from './effects.js';

export interface ProcessService {
  current(): ProcessDefinition;
  get(version: number, tx: Tx): Promise<ProcessDefinition>;
  /** a stored version, or undefined */
  find(version: number, tx: Tx): Promise<ProcessDefinition | undefined>;
  /** the keys of the steps with this tag in every stored version (a renamed step keeps its history) */
  stepKeys(kind: StepKind, tx: Tx): Promise<string[]>;
  /** the keys `pick` finds in every stored version, merged (outcomes by meaning, forms of a kind …) */
  keysAcross(tx: Tx, pick: (def: ProcessDefinition) => Iterable<string>): Promise<string[]>;
}

/** Validates a definition against the schema and the effect registry; throws DefinitionError. */
export const validateDefinition = (raw: unknown) => parseProcessDefinition(raw, EFFECT_SIGNATURES);

/** A definition stored before forms carried their fields (string labels): read as the default of that version. */
function parseStored(raw: unknown, version: number): ProcessDefinition {
  const steps = (raw as { steps?: Record<string, { label?: unknown }> } | null)?.steps ?? {};
  if (Object.values(steps).some((s) => typeof s.label === 'string')) return validateDefinition({ ...DEFAULT_PROCESS, version });
  return validateDefinition(raw);
}

/** Stores the given definition as a new version when it differs from the latest stored one. */
export async function loadProcessService(db: Db, now: Date, raw: unknown = DEFAULT_PROCESS): Promise<ProcessService> {
  const parsed = validateDefinition(raw);
  const cache = new Map<number, ProcessDefinition>();
  const latest = (await db.select().from(processDefinitions).orderBy(desc(processDefinitions.version)).limit(1))[0];
  let current = parsed;
  const same = latest && JSON.stringify(sortKeys({ ...(latest.definition as object), version: 0 })) === JSON.stringify(sortKeys({ ...parsed, version: 0 }));
  if (latest && same) {
    current = parseStored(latest.definition, latest.version);
  } else {
    const version = Math.max(parsed.version, (latest?.version ?? 0) + 1);
    current = { ...parsed, version };
    await db.insert(processDefinitions).values({ version, definition: current, createdAt: now }).onConflictDoNothing();
  }
  cache.set(current.version, current);
  const find = async (version: number, tx: Tx) => {
    const hit = cache.get(version);
    if (hit) return hit;
    const row = (await tx.select().from(processDefinitions).where(eq(processDefinitions.version, version)))[0];
    if (!row) return undefined;
    const def = parseStored(row.definition, row.version);
    cache.set(version, def);
    return def;
  };
  async function keysAcross(tx: Tx, pick: (def: ProcessDefinition) => Iterable<string>) {
    const versions = await tx.select({ version: processDefinitions.version }).from(processDefinitions);
    const keys = new Set(pick(current));
    for (const { version } of versions) for (const k of pick((await find(version, tx))!)) keys.add(k);
    return [...keys];
  }
  return {
    current: () => current,
    find,
    async get(version, tx) {
      const def = await find(version, tx);
      if (!def) throw new Error(`process definition version ${version} is missing`);
      return def;
    },
    stepKeys: (kind, tx) => keysAcross(tx, (def) => stepsOfKind(def, kind)),
    keysAcross,
  };
}

/** JSON with object keys sorted (jsonb does not keep key order), to compare definitions. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
