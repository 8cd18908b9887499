// The process definition: stored versions (drafts and published ones) and the current one. The
// current version is a row in `settings` (`process.current`), re-read at each request (`sync`), so
// several app instances agree; versions are immutable once published and cached by number.
import { desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { processDefinitions, settings } from '../../db/schema.js';
import { parseProcessDefinition, stepsOfKind, type ProcessDefinition, type StepKind } from '../../domain/process/definition.js';
import { DEFAULT_PROCESS } from '../../domain/process/default-process.js';
import { EFFECT_SIGNATURES } from './effects.js';

export const CURRENT_KEY = 'process.current';

export interface ProcessService {
  current(): ProcessDefinition;
  /** re-read the current version's pointer (each request, each sweep) */
  sync(tx: Tx): Promise<ProcessDefinition>;
  get(version: number, tx: Tx): Promise<ProcessDefinition>;
  /** a stored version (draft or published), or undefined */
  find(version: number, tx: Tx): Promise<ProcessDefinition | undefined>;
  /** the keys of the steps with this tag in every published version (a renamed step keeps its history) */
  stepKeys(kind: StepKind, tx: Tx): Promise<string[]>;
  /** the keys `pick` finds in every published version, merged (outcomes by meaning, forms of a kind …) */
  keysAcross(tx: Tx, pick: (def: ProcessDefinition) => Iterable<string>): Promise<string[]>;
}

/** Validates a definition against the schema and the effect registry; throws DefinitionError. */
export const validateDefinition = (raw: unknown) => parseProcessDefinition(raw, EFFECT_SIGNATURES);

/** A definition stored before forms carried their fields (string labels): read as the default of that version. */
function parseStored(raw: unknown, version: number): ProcessDefinition {
  const steps = (raw as { steps?: Record<string, { label?: unknown }> } | null)?.steps ?? {};
  if (Object.values(steps).some((s) => typeof s.label === 'string')) return validateDefinition({ ...DEFAULT_PROCESS, version });
  return { ...validateDefinition(raw), version };
}

export async function readCurrentVersion(tx: Tx): Promise<number | undefined> {
  const row = (await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, CURRENT_KEY)))[0];
  return typeof row?.value === 'number' ? row.value : undefined;
}

/** Same definition, whatever its version number and key order? */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys({ ...(a as object), version: 0 })) === JSON.stringify(sortKeys({ ...(b as object), version: 0 }));
}

/**
 * At start-up: an empty database gets the given definition (the default) as version 1. An explicit
 * definition (PROCESS_FILE) that differs from the current one is stored and published. Without one,
 * a current version stored by the system follows the code's default when that changed; a version a
 * person published (the editor) stays current.
 */
export async function loadProcessService(db: Db, now: Date, raw?: unknown): Promise<ProcessService> {
  const explicit = raw !== undefined;
  const parsed = validateDefinition(raw ?? DEFAULT_PROCESS);
  const cache = new Map<number, ProcessDefinition>();
  const find = async (version: number, tx: Tx) => {
    const hit = cache.get(version);
    if (hit) return hit;
    const row = (await tx.select().from(processDefinitions).where(eq(processDefinitions.version, version)))[0];
    if (!row) return undefined;
    const def = parseStored(row.definition, row.version);
    // drafts are immutable too (an edit is a new draft), so every stored version is cached
    cache.set(version, def);
    return def;
  };

  const pointer = await readCurrentVersion(db);
  const currentRow = pointer === undefined ? undefined
    : (await db.select().from(processDefinitions).where(eq(processDefinitions.version, pointer)))[0];
  let current: ProcessDefinition;
  if (currentRow && (sameDefinition(currentRow.definition, parsed) || (!explicit && currentRow.createdBy !== null))) {
    current = parseStored(currentRow.definition, currentRow.version);
  } else {
    const latest = (await db.select({ version: processDefinitions.version }).from(processDefinitions).orderBy(desc(processDefinitions.version)).limit(1))[0];
    const version = Math.max(parsed.version, (latest?.version ?? 0) + 1);
    current = { ...parsed, version };
    await db.transaction(async (tx) => {
      await tx.insert(processDefinitions).values({
        version, definition: current, createdAt: now, status: 'published', basedOn: pointer ?? null, publishedAt: now,
      }).onConflictDoNothing();
      await tx.insert(settings).values({ key: CURRENT_KEY, value: version, updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: version, updatedAt: now } });
    });
  }
  cache.set(current.version, current);

  async function publishedVersions(tx: Tx) {
    return tx.select({ version: processDefinitions.version }).from(processDefinitions).where(eq(processDefinitions.status, 'published'));
  }
  async function keysAcross(tx: Tx, pick: (def: ProcessDefinition) => Iterable<string>) {
    const keys = new Set(pick(current));
    for (const { version } of await publishedVersions(tx)) for (const k of pick((await find(version, tx))!)) keys.add(k);
    return [...keys];
  }
  return {
    current: () => current,
    async sync(tx) {
      const v = await readCurrentVersion(tx);
      if (v !== undefined && v !== current.version) {
        const def = await find(v, tx);
        if (def) current = def;
      }
      return current;
    },
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
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
