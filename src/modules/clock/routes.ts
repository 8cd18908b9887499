import { z } from 'zod';
import { isoTime } from '../../domain/iso.js';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { notFound } from '../../server/errors.js';
import { runSweeps } from '../../server/jobs.js';
import { clockMoved, clockView } from './schema.js';

export async function clockRoutes(app: ZApp) {
  const { ctx } = app;
  app.get('/clock', { config: { policy: 'admin.clockRead' }, schema: { tags: ['clock'], response: { 200: clockView } } }, async (req) => {
    actorOf(req);
    return { now: ctx.clock.now().toISOString(), mode: ctx.clock.mode };
  });
  app.post('/clock', { config: { policy: 'admin.clock' }, schema: { tags: ['clock'], body: z.object({ now: isoTime }), response: { 200: clockMoved } } }, async (req) => {
    const actor = actorOf(req);
    if (ctx.clock.mode !== 'manual') throw notFound('route');
    await ctx.clock.set(ctx.db, new Date(req.body.now));
    const swept = await runSweeps(ctx);
    return { now: ctx.clock.now().toISOString(), ...swept };
  });
}
