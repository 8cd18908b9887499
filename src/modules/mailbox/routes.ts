import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { instant } from '../../server/replies.js';
import { myLetters, readMailbox, replyByCode, replyToLetter, writeLetter } from './service.js';

const letter = z.object({
  id: z.string(), subject: z.string(), body: z.string(),
  /** null for an anonymous letter: its author is stored nowhere */
  author: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  /** the day it was written (YYYY-MM-DD): no time is kept */
  createdAt: z.string(), state: z.enum(['new', 'handled']), reply: z.string().nullable(), repliedAt: instant.nullable(),
}).meta({ id: 'MailboxLetter' });
const letters = z.object({ items: z.array(letter) });
const idParams = z.object({ id: z.string().min(1).max(100) });

export async function mailboxRoutes(app: ZApp) {
  const { ctx } = app;
  app.post('/mailbox', {
    config: { policy: 'people.writeLetter' },
    schema: {
      tags: ['people'], summary: 'write to the GM; an anonymous letter answers a replyCode, shown once',
      body: z.object({ subject: z.string().trim().min(1).max(200), body: z.string().trim().min(1).max(10_000), anonymous: z.boolean() }),
      response: { 201: z.object({ id: z.string(), replyCode: z.string().optional() }) },
    },
  }, async (req, reply) => {
    const out = await ctx.db.transaction((tx) => writeLetter({ ...req.body, actor: actorOf(req) }, tx, ctx));
    reply.status(201);
    return out;
  });

  app.get('/mailbox', { config: { policy: 'people.readMailbox' }, schema: { tags: ['people'], summary: 'the GM only', response: { 200: letters } } },
    async (req) => readMailbox({ actor: actorOf(req) }, ctx.db));

  app.post('/mailbox/:id/reply', {
    config: { policy: 'people.readMailbox' },
    schema: { tags: ['people'], summary: 'the GM replies (and the letter is handled)', params: idParams, body: z.object({ body: z.string().trim().min(1).max(10_000) }), response: { 200: letter } },
  }, async (req) => ctx.db.transaction((tx) => replyToLetter({ id: req.params.id, body: req.body.body, actor: actorOf(req) }, tx, ctx)));

  app.post('/mailbox/:id/handled', {
    config: { policy: 'people.readMailbox' },
    schema: { tags: ['people'], summary: 'the GM marks a letter handled without a reply', params: idParams, response: { 200: letter } },
  }, async (req) => ctx.db.transaction((tx) => replyToLetter({ id: req.params.id, actor: actorOf(req) }, tx, ctx)));

  app.get('/mailbox/mine', { config: { policy: 'people.writeLetter' }, schema: { tags: ['people'], summary: 'own named letters with replies', response: { 200: letters } } },
    async (req) => myLetters({ actor: actorOf(req) }, ctx.db));

  app.get('/mailbox/replies/:replyCode', {
    config: { policy: 'people.writeLetter' },
    schema: {
      tags: ['people'], params: z.object({ replyCode: z.string().min(1).max(40) }),
      response: { 200: z.object({ subject: z.string(), state: z.enum(['new', 'handled']), reply: z.string().nullable(), repliedAt: instant.nullable() }) },
    },
  }, async (req) => replyByCode({ code: req.params.replyCode, actor: actorOf(req) }, ctx.db));
}
