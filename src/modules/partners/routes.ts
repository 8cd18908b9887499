import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole, requireStaff } from '../../server/policy.js';
import { createPartner, presentPartner } from './service.js';
import * as repo from './repo.js';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

export async function partnerRoutes(app: ZApp) {
  app.post('/partners', {
    schema: {
      tags: ['partners'],
      body: z.object({ name: z.string().trim().min(1).max(200), certifiedUntil: isoDate, ratePerRepairFen: z.number().int().min(0).max(1e9).optional() }),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'sysadmin', 'tech_manager');
    const p = await app.ctx.db.transaction((tx) => createPartner({ ...req.body, actor, now: app.ctx.clock.now() }, tx));
    reply.status(201);
    return p;
  });
  app.get('/partners', { schema: { tags: ['partners'] } }, async (req) => {
    requireStaff(actorOf(req));
    return { items: (await repo.listPartners(app.ctx.db)).map(presentPartner) };
  });
}
