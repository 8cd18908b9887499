// Routes declare the policy they need (`config: { policy: 'document.read' }`); this hook checks
// it for the signed-in actor before the handler runs. A route that declares none is listed by
// `routesWithoutPolicy` (test/foundation/leaks.test.ts fails on it).
import type { FastifyInstance } from 'fastify';
import { actorOf, PUBLIC_ROUTES } from '../modules/auth/plugin.js';
import { authorize, isPublicPolicy, type PolicyName } from './index.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** the policy a signed-in actor must pass to reach the handler */
    policy?: PolicyName;
  }
  interface FastifyInstance { routePolicies: RoutePolicy[] }
}

export interface RoutePolicy { method: string; url: string; policy: PolicyName | undefined }

/** Records every route's declared policy (call before any route is added). */
export function recordRoutePolicies(app: FastifyInstance) {
  const seen: RoutePolicy[] = [];
  app.decorate('routePolicies', seen);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD') continue;
      seen.push({ method, url: r.url, policy: (r.config as { policy?: PolicyName } | undefined)?.policy });
    }
  });
}

/** Checks the declared policy of the route; goes on every authenticated route tree. */
export function enforceRoutePolicies(app: FastifyInstance) {
  app.addHook('preHandler', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (policy && !isPublicPolicy(policy)) authorize(actorOf(req), policy);
  });
}

/** Authenticated API routes without a declared policy. */
export function routesWithoutPolicy(app: FastifyInstance): RoutePolicy[] {
  return app.routePolicies.filter((r) => r.url.startsWith('/api/v1/') && !PUBLIC_ROUTES.has(r.url) && !r.policy);
}
