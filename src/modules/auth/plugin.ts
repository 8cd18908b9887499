// Authenticates every /api/v1 request except the public ones; the actor is on req.actor.
// Cookie-authenticated state changes must come from the app's own origin (CSRF); a user who
// must change the password may only change it, log out, or ask who they are.
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../server/context.js';
import { AppError, unauthorized } from '../../server/errors.js';
import { authenticate } from './service.js';
import { organisationOf } from '../../domain/roles.js';
import { versionRecheckMs } from '../../server/config.js';

declare module 'fastify' {
  interface FastifyRequest { actor?: Actor; sessionToken?: string; sessionId?: string; mustChangePassword?: boolean }
}

export const SESSION_COOKIE = 'fy_session';
/** A readable cookie that only says a session cookie was set: the web app skips asking who is
 *  signed in when it is absent (no 401 on every load of the sign-in page). It grants nothing. */
export const SESSION_HINT_COOKIE = 'fy_signed_in';
/** routes that answer without a session; every other one declares a policy (src/policies) */
export const PUBLIC_ROUTES = new Set(['/api/v1/auth/login', '/api/v1/health', '/api/v1/openapi.json', '/api/v1/meta']);
/** route patterns anyone may call: their policy is a `public.*` one and they are rate-limited */
export const PUBLIC_PATTERNS = new Set(['/api/v1/ratings/:token']);
/** what a user who must change the password may still call */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['POST /api/v1/auth/password', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/me']);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function requestToken(req: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) {
    const token = h.slice(7).trim();
    return token ? { token, via: 'bearer' } : undefined;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

/** The authenticated actor; routes call this instead of reading req.actor directly. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/** the host the request was sent from, per its Origin (or else Referer) header */
function sourceHost(req: FastifyRequest): string | undefined {
  const source = req.headers.origin ?? req.headers.referer;
  if (!source || source === 'null') return undefined;
  try {
    return new URL(source).host;
  } catch {
    return undefined;
  }
}

/** A state change riding on the browser's cookie must name this app as its origin. */
export function sameOrigin(req: FastifyRequest): boolean {
  const host = sourceHost(req);
  return host !== undefined && host.toLowerCase() === req.host.toLowerCase();
}

const csrfError = () => new AppError('csrf', 'auth.csrf');

export const authPlugin = fp(async (app: FastifyInstance) => {
  let processCheckedAt = Number.NEGATIVE_INFINITY;
  app.addHook('onRequest', async (req) => {
    const { ctx } = app;
    if (ctx.clock.mode === 'manual') await ctx.clock.sync(ctx.db);
    // the current process version, asked again once the recheck window has passed
    const wall = ctx.wallNow().getTime();
    const window = versionRecheckMs(ctx.config);
    if (!(window > 0 && wall >= processCheckedAt && wall - processCheckedAt < window)) {
      await ctx.processes.sync(ctx.db);
      processCheckedAt = wall;
    }
    const url = req.url.split('?')[0];
    if (PUBLIC_ROUTES.has(url) || PUBLIC_PATTERNS.has(req.routeOptions.url ?? '')) {
      // login CSRF: a browser posting from another site is refused; scripts send no Origin
      if (!SAFE_METHODS.has(req.method) && (req.headers.origin || req.headers.referer) && !sameOrigin(req)) throw csrfError();
      return;
    }
    const credential = requestToken(req);
    if (!credential || credential.token.length > 200) throw unauthorized();
    if (credential.via === 'cookie' && !SAFE_METHODS.has(req.method) && !sameOrigin(req)) throw csrfError();
    const session = await authenticate({ token: credential.token, wallNow: ctx.wallNow() }, ctx.db);
    if (!session) throw unauthorized('auth.session_expired');
    if (session.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method} ${url}`)) {
      throw new AppError('password_change_required', 'auth.password_change_required');
    }
    // the policies read roles, departments and managers from the current definition
    req.actor = { ...session.actor, org: organisationOf(ctx.processes.current()) };
    req.sessionToken = credential.token;
    req.sessionId = session.sessionId;
    req.mustChangePassword = session.mustChangePassword;
  });
});
