import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZApp } from '../../server/routes.js';
import { actorOf, SESSION_COOKIE, SESSION_HINT_COOKIE } from './plugin.js';
import { changeOwnPassword, endOwnSession, login, logout, ownSessions, ThrottledError } from './service.js';
import { assertPasswordPolicy, MAX_PASSWORD_LENGTH } from './password-policy.js';
import { isDemoCompany } from '../users/service.js';
import { capabilitiesOf } from '../../policies/capabilities.js';
import { organisationOf } from '../../domain/roles.js';
import { noContent, okReply } from '../../server/replies.js';
import { loginReply, meReply, metaReply, sessionList } from './schema.js';

const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const loginBody = z.object({ username: z.string().min(1).max(100), password });
const passwordBody = z.object({ currentPassword: password, newPassword: password });
const sessionParams = z.object({ id: z.string().min(1).max(100) });

/** a throttled attempt answers 429 with Retry-After (seconds) */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ThrottledError) reply.header('Retry-After', String(Math.max(1, e.retryAfterSeconds)));
    throw e;
  }
}

const sessionId = (req: FastifyRequest) => req.sessionId!;

export async function authRoutes(app: ZApp) {
  app.post('/auth/login', { schema: { body: loginBody, tags: ['auth'], security: [], response: { 200: loginReply } } }, async (req, reply) => {
    const result = await withRetryAfter(reply, () => login({
      ...req.body, ip: req.ip, userAgent: req.headers['user-agent'], wallNow: app.ctx.wallNow(), org: organisationOf(app.ctx.processes.current()),
    }, app.ctx.db));
    reply.setCookie(SESSION_COOKIE, result.token, {
      path: '/', httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600, secure: req.protocol === 'https',
    });
    reply.setCookie(SESSION_HINT_COOKIE, '1', { path: '/', sameSite: 'lax', maxAge: 12 * 3600, secure: req.protocol === 'https' });
    return result;
  });

  app.post('/auth/logout', { config: { policy: 'account.session' }, schema: { tags: ['auth'], response: { 200: okReply } } }, async (req, reply) => {
    actorOf(req);
    await logout({ token: req.sessionToken!, wallNow: app.ctx.wallNow() }, app.ctx.db);
    reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
    reply.clearCookie(SESSION_HINT_COOKIE, { path: '/', sameSite: 'lax', secure: req.protocol === 'https' });
    return { ok: true as const };
  });

  app.get('/auth/me', { config: { policy: 'account.session' }, schema: { tags: ['auth'], response: { 200: meReply } } }, async (req) => {
    const actor = actorOf(req);
    const { org: _org, ...user } = actor;
    return { user: { ...user, mustChangePassword: req.mustChangePassword ?? false, capabilities: capabilitiesOf(actor) }, demo: await isDemoCompany(app.ctx.db) };
  });

  app.post('/auth/password', { config: { policy: 'account.session' }, schema: { body: passwordBody, tags: ['auth'], response: { 204: noContent } } }, async (req, reply) => {
    const actor = actorOf(req);
    assertPasswordPolicy('newPassword', req.body.newPassword);
    await withRetryAfter(reply, () => changeOwnPassword({
      ...req.body, actor, sessionId: sessionId(req), ip: req.ip, wallNow: app.ctx.wallNow(),
    }, app.ctx.db));
    reply.status(204);
  });

  app.get('/auth/sessions', { config: { policy: 'account.session' }, schema: { tags: ['auth'], response: { 200: sessionList } } }, async (req) =>
    ownSessions({ actor: actorOf(req), sessionId: sessionId(req), wallNow: app.ctx.wallNow() }, app.ctx.db));

  app.delete('/auth/sessions/:id', { config: { policy: 'account.session' }, schema: { params: sessionParams, tags: ['auth'], response: { 204: noContent } } }, async (req, reply) => {
    await endOwnSession({ actor: actorOf(req), id: req.params.id, wallNow: app.ctx.wallNow() }, app.ctx.db);
    reply.status(204);
  });

  app.get('/meta', { schema: { tags: ['system'], security: [], response: { 200: metaReply } } }, async () => ({ demo: await isDemoCompany(app.ctx.db) }));
}
