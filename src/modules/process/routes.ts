// The process definition as the web and the editor read it: the current version (anyone signed
// in: every form renders from it) and any stored version (sysadmin, GM).
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole, requireStaff } from '../../server/policy.js';
import { notFound } from '../../server/errors.js';

/** The definition's wire shape is its own schema (src/domain/process/definition.ts); the reply names its top. */
const definitionReply = z.looseObject({
  version: z.number().int(), name: z.string(), roles: z.record(z.string(), z.unknown()), departments: z.record(z.string(), z.unknown()),
  tiers: z.record(z.string(), z.unknown()), steps: z.record(z.string(), z.unknown()), forms: z.record(z.string(), z.unknown()),
  starts: z.record(z.string(), z.array(z.string())),
});

export async function processRoutes(app: ZApp) {
  app.get('/process', {
    schema: { tags: ['process'], summary: 'the current process definition, with every form\'s fields and labels', response: { 200: definitionReply } },
  }, async (req) => {
    actorOf(req);
    return app.ctx.processes.current();
  });

  app.get('/process/versions/:version', {
    schema: {
      tags: ['process'],
      params: z.object({ version: z.coerce.number().int().positive().max(1_000_000) }),
      response: { 200: z.object({ version: z.number().int(), status: z.enum(['draft', 'published']), definition: definitionReply }) },
    },
  }, async (req) => {
    const actor = actorOf(req);
    requireStaff(actor);
    requireRole(actor, 'sysadmin', 'gm');
    const definition = await app.ctx.processes.find(req.params.version, app.ctx.db);
    if (!definition) throw notFound('process version');
    return { version: definition.version, status: 'published' as const, definition };
  });
}
