// The process editor's versions: drafts are validated (the start-up validator, plus what only the
// database knows: roles users hold, fields documents carry), published one at a time (a draft made
// from an older version is refused), rolled back by publishing an older version again as a new one.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { customers, documents, processDefinitions, settings, tasks, users } from '../../db/schema.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, badRequest, conflict, issue, notFound, type FieldIssue } from '../../server/errors.js';
import { DefinitionError, type ProcessDefinition } from '../../domain/process/definition.js';
import { flatFields } from '../../domain/process/fields.js';
import { diffDefinitions, type Change } from '../../domain/process/diff.js';
import { appendAudit } from '../audit/service.js';
import { CURRENT_KEY, readCurrentVersion, validateDefinition } from './service.js';

export interface VersionItem {
  version: number;
  name: string;
  status: 'draft' | 'published';
  basedOn: number | null;
  createdAt: Date;
  createdBy: string | null;
  publishedAt: Date | null;
  publishedBy: string | null;
  current: boolean;
}

export async function listVersions(tx: Tx): Promise<VersionItem[]> {
  const current = await readCurrentVersion(tx);
  const rows = await tx.select({
    version: processDefinitions.version, name: sql<string>`${processDefinitions.definition} ->> 'name'`, status: processDefinitions.status,
    basedOn: processDefinitions.basedOn, createdAt: processDefinitions.createdAt, createdBy: processDefinitions.createdBy,
    publishedAt: processDefinitions.publishedAt, publishedBy: processDefinitions.publishedBy,
  }).from(processDefinitions).orderBy(desc(processDefinitions.version));
  return rows.map((r) => ({ ...r, name: r.name ?? '', status: r.status as VersionItem['status'], current: r.version === current }));
}

export async function versionRow(tx: Tx, version: number) {
  return (await tx.select().from(processDefinitions).where(eq(processDefinitions.version, version)))[0];
}

/** A definition's problems as request details pointing into the body (`definition.steps.x.due.days`). */
function definitionDetails(e: DefinitionError): FieldIssue[] {
  return e.issues.map((i) => issue(`definition.${i.path}`, 'process.issue', { detail: i.message }));
}

/** What only the database knows: a role removed that users hold, a field removed that documents carry. */
async function safetyIssues(tx: Tx, base: ProcessDefinition, draft: ProcessDefinition): Promise<FieldIssue[]> {
  const out: FieldIssue[] = [];
  for (const role of Object.keys(base.roles)) {
    if (Object.hasOwn(draft.roles, role)) continue;
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(users)
      .where(and(eq(users.active, true), sql`${users.roles} @> ${JSON.stringify([role])}::jsonb`));
    if (n > 0) out.push(issue(`definition.roles.${role}`, 'process.role_in_use', { role, count: n }));
  }
  // a tier customers or open work still run on stays: their deadlines and revisits need its clock
  for (const tier of Object.keys(base.tiers)) {
    if (Object.hasOwn(draft.tiers, tier)) continue;
    const [{ n: held }] = await tx.select({ n: sql<number>`count(*)::int` }).from(customers).where(eq(customers.serviceTier, tier));
    const [{ n: open }] = await tx.select({ n: sql<number>`count(*)::int` }).from(tasks).where(and(eq(tasks.tier, tier), eq(tasks.status, 'open')));
    if (held + open > 0) out.push(issue(`definition.tiers.${tier}`, 'process.tier_in_use', { tier, customers: held, tasks: open }));
  }
  for (const [formKey, form] of Object.entries(base.forms)) {
    const kept = new Set(flatFields(draft.forms[formKey]?.fields ?? []).map((f) => f.key));
    for (const f of flatFields(form.fields)) {
      if (kept.has(f.key) || f.computed) continue;
      const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(documents)
        .where(and(eq(documents.form, formKey), sql`${documents.fields} ? ${f.key}`));
      if (n > 0) out.push(issue(`definition.forms.${formKey}.fields`, 'process.field_in_use', { form: formKey, field: f.key, count: n }));
    }
  }
  return out;
}

/** Every problem of a posted definition (the start-up validator, then the database's safety checks),
 *  as details pointing into the body; the validated definition and its base when there is none. */
export async function checkDraft(ctx: AppContext, definition: unknown, tx: Tx):
  Promise<{ issues: FieldIssue[]; draft?: ProcessDefinition; baseVersion: number }> {
  const baseVersion = (await readCurrentVersion(tx)) ?? ctx.processes.current().version;
  let draft: ProcessDefinition;
  try {
    draft = validateDefinition(definition);
  } catch (e) {
    if (!(e instanceof DefinitionError)) throw e;
    return { issues: definitionDetails(e), baseVersion };
  }
  const issues = await safetyIssues(tx, await ctx.processes.get(baseVersion, tx), draft);
  return { issues, draft: issues.length ? undefined : draft, baseVersion };
}

/** Validates a posted definition and stores it as a draft based on the current version. */
export async function createDraft(ctx: AppContext, opts: { actor: Actor; definition: unknown; now: Date }, tx: Tx): Promise<{ version: number; status: 'draft'; basedOn: number }> {
  const { issues, draft, baseVersion } = await checkDraft(ctx, opts.definition, tx);
  if (!draft) throw badRequest(issues, 'process.invalid', { fields: issues.map((d) => d.path).join(', ') });
  // the next number; two drafts at once: the second retries with the one after
  for (let attempt = 0; attempt < 5; attempt++) {
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${processDefinitions.version}), 0)::int` }).from(processDefinitions);
    const version = max + 1;
    const inserted = await tx.insert(processDefinitions).values({
      version, definition: { ...draft, version }, createdAt: opts.now, status: 'draft', basedOn: baseVersion, createdBy: opts.actor.id,
    }).onConflictDoNothing().returning({ version: processDefinitions.version });
    if (inserted.length) {
      await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'process.draft', entity: 'process', entityId: String(version), after: { version, basedOn: baseVersion } });
      return { version, status: 'draft', basedOn: baseVersion };
    }
  }
  throw conflict('process.published_concurrently');
}

/**
 * Publishes a draft (it must be based on the current version), or publishes an older published
 * version again as a new version (rollback). The pointer moves with a conditional update: of two
 * publishes at once, one succeeds and the other gets 409.
 */
export async function publishVersion(ctx: AppContext, opts: { actor: Actor; version: number; now: Date }, tx: Tx): Promise<{ version: number; current: true; rolledBackFrom?: number }> {
  const row = (await tx.select().from(processDefinitions).where(eq(processDefinitions.version, opts.version)).for('update'))[0];
  if (!row) throw notFound('process version');
  const current = await readCurrentVersion(tx);
  if (row.version === current) throw conflict('process.already_current', { version: row.version });
  let version = row.version;
  let rolledBackFrom: number | undefined;
  if (row.status === 'draft') {
    if (current !== undefined && row.basedOn !== current) {
      throw conflict('process.outdated_draft', { version: row.version, basedOn: row.basedOn ?? '-', current });
    }
    const done = await tx.update(processDefinitions).set({ status: 'published', publishedAt: opts.now, publishedBy: opts.actor.id })
      .where(and(eq(processDefinitions.version, row.version), eq(processDefinitions.status, 'draft'))).returning({ version: processDefinitions.version });
    if (!done.length) throw conflict('process.published_concurrently');
  } else {
    // rollback: the old definition again, under a new number
    rolledBackFrom = row.version;
    const [{ max }] = await tx.select({ max: sql<number>`coalesce(max(${processDefinitions.version}), 0)::int` }).from(processDefinitions);
    version = max + 1;
    const inserted = await tx.insert(processDefinitions).values({
      version, definition: { ...(row.definition as object), version }, createdAt: opts.now, status: 'published', basedOn: current ?? null,
      createdBy: opts.actor.id, publishedAt: opts.now, publishedBy: opts.actor.id,
    }).onConflictDoNothing().returning({ version: processDefinitions.version });
    if (!inserted.length) throw conflict('process.published_concurrently');
  }
  const moved = current === undefined
    ? await tx.insert(settings).values({ key: CURRENT_KEY, value: version, updatedAt: opts.now }).onConflictDoNothing().returning({ key: settings.key })
    : await tx.update(settings).set({ value: version, updatedAt: opts.now })
      .where(and(eq(settings.key, CURRENT_KEY), sql`${settings.value} = ${JSON.stringify(current)}::jsonb`)).returning({ key: settings.key });
  if (!moved.length) throw conflict('process.published_concurrently');
  await appendAudit(tx, {
    at: opts.now, actorId: opts.actor.id, action: 'process.publish', entity: 'process', entityId: String(version),
    before: { version: current ?? null }, after: { version, ...(rolledBackFrom ? { rolledBackFrom } : {}) },
  });
  return { version, current: true, ...(rolledBackFrom ? { rolledBackFrom } : {}) };
}

/** The changes from `against` (default: the version it was drafted from, else the current one) to `version`. */
export async function diffVersions(ctx: AppContext, opts: { version: number; against?: number }, tx: Tx): Promise<{ version: number; against: number; changes: Change[] }> {
  const row = await versionRow(tx, opts.version);
  if (!row) throw notFound('process version');
  const against = opts.against ?? row.basedOn ?? (await readCurrentVersion(tx)) ?? opts.version;
  const before = await ctx.processes.find(against, tx);
  if (!before) throw new AppError('not_found', 'not_found', { entity: 'process version' }, [issue('against', 'not_found', { entity: 'process version' })]);
  const after = await ctx.processes.get(opts.version, tx);
  return { version: opts.version, against, changes: diffDefinitions(before, after) };
}
