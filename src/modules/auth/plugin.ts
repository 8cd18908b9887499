// Authenticates every /api/v1 request except the public ones; the actor is on req.actor.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../server/context.js';
import { unauthorized } from '../../server/errors.js';
import { authenticate } from './service.js';

declare module 'fastify' {
  interface FastifyRequest { actor?: Actor; sessionToken?: string }
}

export const SESSION_COOKIE = 'fy_session';
/** routes that answer without a session; every other one declares a policy (src/policies) */
export const PUBLIC_ROUTES = new Set(['/api/v1/auth/login', '/api/v1/health', '/api/v1/openapi.json']);

export function requestToken(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || undefined;
  return req.cookies?.[SESSION_COOKIE] || undefined;
}

/** The authenticated actor; routes call this instead of reading req.actor directly. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRequest', async (req) => {
    const { ctx } = app;
    if (ctx.clock.mode === 'manual') await ctx.clock.sync(ctx.db);
    const url = req.url.split('?')[0];
    if (PUBLIC_ROUTES.has(url)) return;
    const token = requestToken(req);
    if (!token || token.length > 200) throw unauthorized();
    const actor = await authenticate({ token, wallNow: new Date() }, ctx.db);
    if (!actor) throw unauthorized('会话已失效，请重新登录 / session expired');
    req.actor = actor;
    req.sessionToken = token;
  });
});
