import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { ORG_KEY } from '../../domain/roles.js';
import { actorOf } from '../auth/plugin.js';
import { requireRole, requireStaff } from '../../server/policy.js';
import { createUser, endUserSessions, presentUser, resetPassword, updateUser } from './service.js';
import * as repo from './repo.js';
import { pageQuery, paging } from '../../server/paging.js';
import { assertPasswordPolicy, MAX_PASSWORD_LENGTH } from '../auth/password-policy.js';
import { noContent } from '../../server/replies.js';
import { userPage, userView } from './schema.js';

const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
// which roles and departments exist is the current definition's (checked by the service)
const roleKey = z.string().regex(ORG_KEY, 'a role key');
const roles = z.array(roleKey).min(1).max(20);
const displayName = z.string().trim().min(1).max(100);
const createBody = z.object({
  username: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.@-]+$/, 'letters, digits and _ . @ - only'),
  password,
  displayName,
  roles,
  partnerId: z.string().min(1).max(100).optional(),
  email: z.email().max(200).optional(),
  phone: z.string().trim().max(40).regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only').optional(),
});
const patchBody = z.object({
  displayName: displayName.optional(),
  roles: roles.optional(),
  department: z.string().regex(ORG_KEY, 'a department key').nullable().optional(),
  partnerId: z.string().min(1).max(100).nullable().optional(),
  active: z.boolean().optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().max(40).regex(/^[0-9+\-() ]*$/, 'digits, spaces and + - ( ) only').nullable().optional(),
}).strict();
const idParams = z.object({ id: z.string().min(1).max(100) });

export async function userRoutes(app: ZApp) {
  const { ctx } = app;
  const stamp = () => ({ now: ctx.clock.now(), wallNow: ctx.wallNow() });

  app.post('/users', { config: { policy: 'admin.users' }, schema: { body: createBody, tags: ['users'], response: { 201: userView } } }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'sysadmin');
    assertPasswordPolicy('password', req.body.password);
    const user = await ctx.db.transaction((tx) => createUser({ ...req.body, actor, org: ctx.processes.current(), now: ctx.clock.now() }, tx));
    reply.status(201);
    return user;
  });

  app.get('/users', {
    config: { policy: 'admin.directory' },
    schema: {
      querystring: pageQuery.extend({
        role: roleKey.optional(), q: z.string().max(100).optional(), status: z.enum(['active', 'inactive', 'all']).optional(),
        sort: z.enum(repo.USER_SORTS).default('username_asc'),
      }),
      tags: ['users'],
      response: { 200: userPage },
    },
  }, async (req) => {
    const { limit, offset } = paging(req.query);
    const { items, total } = await repo.listUsers(ctx.db, { ...req.query, limit, offset });
    return { items: items.map(presentUser), total };
  });

  app.patch('/users/:id', { config: { policy: 'admin.users' }, schema: { params: idParams, body: patchBody, tags: ['users'], response: { 200: userView } } }, async (req) => {
    const actor = actorOf(req);
    requireRole(actor, 'sysadmin');
    return ctx.db.transaction((tx) => updateUser({ ...req.body, id: req.params.id, actor, org: ctx.processes.current(), ...stamp() }, tx));
  });

  app.post('/users/:id/password', {
    config: { policy: 'admin.users' },
    schema: { params: idParams, body: z.object({ password }), tags: ['users'], response: { 204: noContent } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'sysadmin');
    assertPasswordPolicy('password', req.body.password);
    await ctx.db.transaction((tx) => resetPassword({ id: req.params.id, password: req.body.password, actor, ...stamp() }, tx));
    reply.status(204);
  });

  app.delete('/users/:id/sessions', { config: { policy: 'admin.users' }, schema: { params: idParams, tags: ['users'], response: { 204: noContent } } }, async (req, reply) => {
    const actor = actorOf(req);
    requireRole(actor, 'sysadmin');
    await ctx.db.transaction((tx) => endUserSessions({ id: req.params.id, actor, ...stamp() }, tx));
    reply.status(204);
  });
}
