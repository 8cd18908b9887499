import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { loadCase } from '../tasks/cases.js';
import { auditOfCase } from './service.js';
import { auditList } from './schema.js';

export async function auditRoutes(app: ZApp) {
  app.get('/audit', { config: { policy: 'audit.read' }, schema: { tags: ['audit'], querystring: z.object({ caseId: z.string().min(1).max(100) }), response: { 200: auditList } } }, async (req) => {
    const { ctx } = app;
    const { caseId } = req.query;
    // the case decides the copy lists (its definition version) of the forms in its trail
    const c = (await loadCase(ctx.db, 'deal', caseId)) ?? (await loadCase(ctx.db, 'ticket', caseId)) ?? (await loadCase(ctx.db, 'customer', caseId));
    const def = c?.definitionVersion ? await ctx.processes.get(c.definitionVersion, ctx.db) : ctx.processes.current();
    const scope = c ? { caseType: c.type, casePartnerId: c.partnerId } : {};
    return { items: await auditOfCase(ctx.db, caseId, { actor: actorOf(req), def, scope }) };
  });
}
