import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole } from '../../server/policy.js';
import { auditOfCase } from './service.js';
import { auditList } from './schema.js';

export async function auditRoutes(app: ZApp) {
  app.get('/audit', { schema: { tags: ['audit'], querystring: z.object({ caseId: z.string().min(1).max(100) }), response: { 200: auditList } } }, async (req) => {
    requireRole(actorOf(req), 'sales_manager', 'tech_manager', 'cs_manager', 'gm', 'sysadmin');
    return { items: await auditOfCase(app.ctx.db, req.query.caseId) };
  });
}
