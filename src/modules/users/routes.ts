import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { ROLES } from '../../domain/roles.js';
import { actorOf } from '../auth/plugin.js';
import { createUser, presentUser } from './service.js';
import * as repo from './repo.js';
import { pageQuery, paging } from '../../server/paging.js';

const createBody = z.object({
  username: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only'),
  password: z.string().min(8).max(200),
  displayName: z.string().trim().min(1).max(100),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
  partnerId: z.string().min(1).max(100).optional(),
});

export async function userRoutes(app: ZApp) {
  app.post('/users', { config: { policy: 'admin.users' }, schema: { body: createBody, tags: ['users'] } }, async (req, reply) => {
    const actor = actorOf(req);
    const user = await app.ctx.db.transaction((tx) => createUser({ ...req.body, actor, now: app.ctx.clock.now() }, tx));
    reply.status(201);
    return user;
  });

  app.get('/users', {
    config: { policy: 'admin.directory' },
    schema: { querystring: pageQuery.extend({ role: z.enum(ROLES).optional(), q: z.string().max(100).optional() }), tags: ['users'] },
  }, async (req) => {
    const { limit, offset } = paging(req.query);
    const { items, total } = await repo.listUsers(app.ctx.db, { ...req.query, limit, offset });
    return { items: items.map(presentUser), total };
  });
}
