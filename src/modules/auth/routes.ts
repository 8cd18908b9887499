import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf, SESSION_COOKIE } from './plugin.js';
import { login, logout } from './service.js';

const loginBody = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export async function authRoutes(app: ZApp) {
  app.post('/auth/login', { schema: { body: loginBody, tags: ['auth'], security: [] } }, async (req, reply) => {
    const { ctx } = app;
    const result = await ctx.db.transaction((tx) => login({ ...req.body, wallNow: new Date() }, tx));
    if ('error' in result) throw result.error;
    reply.setCookie(SESSION_COOKIE, result.token, { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600 });
    return result;
  });

  app.post('/auth/logout', { config: { policy: 'account.session' }, schema: { tags: ['auth'] } }, async (req, reply) => {
    actorOf(req);
    await logout({ token: req.sessionToken!, wallNow: new Date() }, app.ctx.db);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { config: { policy: 'account.session' }, schema: { tags: ['auth'] } }, async (req) => ({ user: actorOf(req) }));
}
