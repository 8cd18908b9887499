import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf, SESSION_COOKIE } from './plugin.js';
import { login, logout } from './service.js';
import { okReply } from '../../server/replies.js';
import { loginReply, meReply } from './schema.js';

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export async function authRoutes(app: ZApp) {
  app.post('/auth/login', { schema: { body: loginBody, tags: ['auth'], security: [], response: { 200: loginReply } } }, async (req, reply) => {
    const { ctx } = app;
    const result = await ctx.db.transaction((tx) => login({ ...req.body, wallNow: new Date() }, tx));
    if ('error' in result) throw result.error;
    reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600 });
    return result;
  });

  app.post('/auth/logout', { schema: { tags: ['auth'], response: { 200: okReply } } }, async (req, reply) => {
    actorOf(req);
    await logout({ token: req.sessionToken!, wallNow: new Date() }, app.ctx.db);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/auth/me', { schema: { tags: ['auth'], response: { 200: meReply } } }, async (req) => ({ user: actorOf(req) }));
}
