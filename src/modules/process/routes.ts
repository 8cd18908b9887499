// The process definition as the web and the editor read it: the current version (anyone signed
// in: every form renders from it) and, for the sysadmin and the GM, its versions: drafts,
// publishing, rollback, differences.
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { can } from '../../policies/index.js';
import { notFound } from '../../server/errors.js';
import { instant } from '../../server/replies.js';
import { checkDraft, createDraft, diffVersions, listVersions, publishVersion, versionRow } from './versions.js';

/** The definition's wire shape is its own schema (src/domain/process/definition.ts); the reply names its top. */
const definitionReply = z.looseObject({
  version: z.number().int(), name: z.string(), roles: z.record(z.string(), z.unknown()), departments: z.record(z.string(), z.unknown()),
  tiers: z.record(z.string(), z.unknown()), steps: z.record(z.string(), z.unknown()), forms: z.record(z.string(), z.unknown()),
  starts: z.record(z.string(), z.array(z.string())),
});

const versionParams = z.object({ version: z.coerce.number().int().positive().max(1_000_000) });
const status = z.enum(['draft', 'published']);

const versionItem = z.object({
  version: z.number().int(), name: z.string(), status, basedOn: z.number().int().nullable(),
  createdAt: instant, createdBy: z.string().nullable(), publishedAt: instant.nullable(), publishedBy: z.string().nullable(), current: z.boolean(),
}).meta({ id: 'ProcessVersion' });

const change = z.object({
  path: z.string(), kind: z.enum(['added', 'removed', 'changed']), before: z.unknown().optional(), after: z.unknown().optional(), text: z.string(),
}).meta({ id: 'ProcessChange' });

export async function processRoutes(app: ZApp) {
  app.get('/process', {
    config: { policy: 'admin.processRead' },
    schema: { tags: ['process'], summary: 'the current process definition, with every form\'s fields and labels', response: { 200: definitionReply } },
  }, async (req) => {
    actorOf(req);
    return app.ctx.processes.current();
  });

  app.get('/process/versions', {
    config: { policy: 'admin.process' },
    schema: { tags: ['process'], summary: 'every stored version, newest first: drafts and published ones, the current one marked', response: { 200: z.object({ items: z.array(versionItem) }) } },
  }, async () => {
    const items = await listVersions(app.ctx.db);
    return { items: items.map((v) => ({ ...v, createdAt: v.createdAt.toISOString(), publishedAt: v.publishedAt?.toISOString() ?? null })) };
  });

  // a published version is what running cases render their forms from: anyone signed in reads it
  // (as GET /process); a draft only its editors
  app.get('/process/versions/:version', {
    config: { policy: 'admin.processRead' },
    schema: {
      tags: ['process'],
      params: versionParams,
      response: { 200: z.object({ version: z.number().int(), status, basedOn: z.number().int().nullable(), definition: definitionReply }) },
    },
  }, async (req) => {
    const row = await versionRow(app.ctx.db, req.params.version);
    const definition = row && await app.ctx.processes.find(req.params.version, app.ctx.db);
    if (!row || !definition || (row.status !== 'published' && !can(actorOf(req), 'admin.process'))) throw notFound('process version');
    return { version: row.version, status: row.status as 'draft' | 'published', basedOn: row.basedOn, definition };
  });

  app.post('/process/versions', {
    config: { policy: 'admin.process' },
    schema: {
      tags: ['process'],
      summary: 'store a definition as a draft (import); invalid → 400 whose details[].path point into the definition',
      body: z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
      response: { 201: z.object({ version: z.number().int(), status: z.literal('draft'), basedOn: z.number().int() }) },
    },
  }, async (req, reply) => {
    const { ctx } = app;
    const actor = actorOf(req);
    const draft = await ctx.db.transaction((tx) => createDraft(ctx, { actor, definition: req.body.definition, now: ctx.clock.now() }, tx));
    reply.status(201);
    return draft;
  });

  app.post('/process/validate', {
    config: { policy: 'admin.process' },
    schema: {
      tags: ['process'],
      summary: 'check a definition as a draft would be checked, without storing it: each problem with its path into the definition',
      body: z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
      response: { 200: z.object({ valid: z.boolean(), issues: z.array(z.object({ path: z.string(), message: z.string() })) }) },
    },
  }, async (req) => {
    const { issues } = await checkDraft(app.ctx, req.body.definition, app.ctx.db);
    return { valid: !issues.length, issues: issues.map((i) => ({ path: i.path, message: i.message })) };
  });

  app.post('/process/versions/:version/publish', {
    config: { policy: 'admin.process' },
    schema: {
      tags: ['process'],
      summary: 'make a draft the current version (new cases use it; running cases keep theirs), or publish an older version again as a new one (rollback)',
      params: versionParams,
      response: { 200: z.object({ version: z.number().int(), current: z.literal(true), rolledBackFrom: z.number().int().optional() }) },
    },
  }, async (req) => {
    const { ctx } = app;
    const actor = actorOf(req);
    const done = await ctx.db.transaction((tx) => publishVersion(ctx, { actor, version: req.params.version, now: ctx.clock.now() }, tx));
    await ctx.processes.sync(ctx.db);
    return done;
  });

  app.get('/process/versions/:version/diff', {
    config: { policy: 'admin.process' },
    schema: {
      tags: ['process'],
      summary: 'the changes from another version (default: the one it was drafted from), each with a sentence in Chinese',
      params: versionParams,
      querystring: z.object({ against: z.coerce.number().int().positive().max(1_000_000).optional() }),
      response: { 200: z.object({ version: z.number().int(), against: z.number().int(), changes: z.array(change) }) },
    },
  }, async (req) => diffVersions(app.ctx, { version: req.params.version, against: req.query.against }, app.ctx.db));
}
