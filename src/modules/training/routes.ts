import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { isoDate } from '../../domain/iso.js';
import { instant } from '../../server/replies.js';
import { listTraining, planTraining, recordAttendance, trainingHistory, updateSession } from './service.js';

const session = z.object({
  id: z.string(), date: z.string(), startsAt: instant, endsAt: instant,
  direction: z.enum(['business_to_technical', 'technical_to_business']), lecturerId: z.string(), topic: z.string().nullable(),
  /** the lecturer's preparation is due 2 working days before */
  prepareDueAt: instant, attendeeIds: z.array(z.string()),
}).meta({ id: 'TrainingSession' });
const sessions = z.object({ items: z.array(session) });
const idParams = z.object({ id: z.string().min(1).max(100) });

export async function trainingRoutes(app: ZApp) {
  const { ctx } = app;
  app.post('/training/plan', {
    config: { policy: 'people.planTraining' },
    schema: { tags: ['people'], summary: 'lay out weekly sessions (PROCESS §6.1); days that already have one are kept', body: z.object({ from: isoDate, weeks: z.number().int().min(1).max(26) }), response: { 201: sessions } },
  }, async (req, reply) => {
    const out = await ctx.db.transaction((tx) => planTraining({ ...req.body, actor: actorOf(req) }, tx, ctx));
    reply.status(201);
    return out;
  });

  app.get('/training', {
    config: { policy: 'people.readTraining' },
    schema: { tags: ['people'], querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }), response: { 200: sessions } },
  }, async (req) => listTraining(req.query, ctx.db));

  app.patch('/training/:id', {
    config: { policy: 'people.planTraining' },
    schema: { tags: ['people'], summary: "the responsible manager sets the topic or changes the lecturer", params: idParams, body: z.object({ topic: z.string().trim().min(1).max(200).optional(), lecturerId: z.string().min(1).max(100).optional() }), response: { 200: session } },
  }, async (req) => ctx.db.transaction((tx) => updateSession({ id: req.params.id, ...req.body, actor: actorOf(req) }, tx, ctx)));

  app.put('/training/:id/attendance', {
    config: { policy: 'people.planTraining' },
    schema: { tags: ['people'], params: idParams, body: z.object({ userIds: z.array(z.string().min(1).max(100)).max(500) }), response: { 200: session } },
  }, async (req) => ctx.db.transaction((tx) => recordAttendance({ id: req.params.id, userIds: req.body.userIds, actor: actorOf(req) }, tx, ctx)));

  app.get('/training/history', {
    config: { policy: 'people.readTraining' },
    schema: { tags: ['people'], summary: 'sessions a person taught and attended (default: oneself)', querystring: z.object({ userId: z.string().min(1).max(100).optional() }), response: { 200: z.object({ taught: z.array(session), attended: z.array(session) }) } },
  }, async (req) => trainingHistory({ userId: req.query.userId ?? actorOf(req).id }, ctx.db));
}
