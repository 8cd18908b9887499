// Comments and attachments on every deal, ticket and customer (API.md "Hand-offs").
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../server/errors.js';
import { fileReply } from '../../server/replies.js';
import { MAX_ATTACHMENT_BYTES, addAttachment, addComment, listAttachments, listComments, readAttachment } from './service.js';
import { attachment, attachmentList, comment, commentInput, commentList } from './schema.js';

const caseParams = z.object({ caseId: z.string().min(1).max(100) });

/** The one file of a multipart body; a broken body is the client's fault (400), a large one 413. */
async function readUpload(req: FastifyRequest): Promise<{ name: string; data: Buffer }> {
  try {
    const part = await req.file();
    if (!part) throw fieldError('file', 'required');
    return { name: part.filename, data: await part.toBuffer() };
  } catch (e) {
    if (e instanceof AppError || (e as { statusCode?: number }).statusCode === 413) throw e;
    throw fieldError('file', 'attachment.malformed');
  }
}

export async function chatterRoutes(app: ZApp) {
  const { ctx } = app;
  // one file per request, at most 20 MB (larger → 413); the global body limit does not apply to the stream
  await app.register(multipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 4, parts: 6 } });

  app.get('/cases/:caseId/comments', { config: { policy: 'case.read' }, schema: { tags: ['cases'], params: caseParams, response: { 200: commentList } } }, async (req) => {
    return { items: await listComments({ caseId: req.params.caseId, actor: actorOf(req) }, ctx.db) };
  });

  app.post('/cases/:caseId/comments', {
    config: { policy: 'case.comment' },
    schema: { tags: ['cases'], summary: 'add to the thread; each mention notifies that user', params: caseParams, body: commentInput, response: { 201: comment } },
  }, async (req, reply) => {
    const body = req.body;
    const out = await ctx.db.transaction((tx) => addComment({ caseId: req.params.caseId, body: body.body, mentions: body.mentions, actor: actorOf(req) }, tx, ctx));
    reply.status(201);
    return out;
  });

  app.get('/cases/:caseId/attachments', { config: { policy: 'case.read' }, schema: { tags: ['cases'], params: caseParams, response: { 200: attachmentList } } }, async (req) => {
    return { items: await listAttachments({ caseId: req.params.caseId, actor: actorOf(req) }, ctx.db) };
  });

  app.post('/cases/:caseId/attachments', {
    config: { policy: 'case.comment' },
    schema: {
      tags: ['cases'], summary: 'upload one file (multipart field `file`): images, PDF, Office, ≤ 20 MB; others 415, larger 413',
      consumes: ['multipart/form-data'], params: caseParams, response: { 201: attachment },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw fieldError('file', 'required');
    const { name, data } = await readUpload(req);
    const out = await ctx.db.transaction((tx) => addAttachment({ caseId: req.params.caseId, name, data, actor: actorOf(req) }, tx, ctx));
    reply.status(201);
    return out;
  });

  app.get('/attachments/:id', {
    config: { policy: 'case.read' },
    schema: { tags: ['cases'], params: z.object({ id: z.string().min(1).max(100) }), response: { 200: fileReply('application/octet-stream', 'the file, with its content type') } },
  }, async (req, reply) => {
    const { meta, data } = await readAttachment({ id: req.params.id, actor: actorOf(req) }, ctx.db);
    const inline = meta.contentType.startsWith('image/') || meta.contentType === 'application/pdf';
    reply.type(meta.contentType);
    reply.header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(meta.name)}`);
    reply.header('cache-control', 'private, max-age=3600');
    return data;
  });
}
