// App assembly: plugins, the one error handler, every module's routes.
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors, jsonSchemaTransform, validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { AppError, badRequest, errorBody, zodDetails, type Reason } from './errors.js';
import type { AppContext } from './context.js';
import { refuseUnstorableText } from './input-guard.js';
import { securityHeaders } from './security-headers.js';
import { authPlugin } from '../modules/auth/plugin.js';
import { moduleRoutes } from './routes.js';
import { openapiComponents, replySerializer } from './replies.js';
import { enforceRoutePolicies, recordRoutePolicies } from '../policies/hook.js';

export type App = FastifyInstance;

const MAX_PARAM_LENGTH = 200;
const MAX_URL_LENGTH = 8192;

declare module 'fastify' {
  interface FastifyInstance { ctx: AppContext }
}

const PG_CLIENT_ERRORS: Record<string, [AppError['code'], Reason]> = {
  '23505': ['conflict', 'db.duplicate'],
  '40001': ['conflict', 'db.concurrent'],
  '40P01': ['conflict', 'db.concurrent'],
  '55P03': ['conflict', 'db.locked'],
  '23503': ['validation_failed', 'db.missing_reference'],
  '22P02': ['validation_failed', 'db.wrong_format'],
  '22007': ['validation_failed', 'db.date_format'],
  '22008': ['validation_failed', 'db.date_range'],
  '22003': ['validation_failed', 'db.number_range'],
  '22001': ['validation_failed', 'db.text_too_long'],
  '22021': ['validation_failed', 'db.text_invalid'],
};

// framework (router, body parser) errors by status, in the one error format
const HTTP_CODES: Record<number, AppError['code']> = {
  401: 'unauthorized', 404: 'not_found', 413: 'payload_too_large', 414: 'uri_too_long', 415: 'unsupported_media_type', 429: 'rate_limited',
};

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number; message?: string; cause?: unknown; validation?: unknown };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const issues = (err.validation ?? []).map((v) => ({
      ...(v.params as Record<string, unknown>),
      code: v.keyword,
      path: [String((err as { validationContext?: string }).validationContext ?? ''), ...String(v.instancePath ?? '').split('/').filter(Boolean)],
      message: v.message ?? 'invalid',
    }));
    return badRequest(zodDetails(issues).map((d) => ({ ...d, path: d.path.replace(/^body\.?/, '') || 'body' })));
  }
  if (e?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e?.statusCode === 413) return new AppError('payload_too_large', 'request.too_large');
  if (e?.code && PG_CLIENT_ERRORS[e.code]) {
    const [code, reason] = PG_CLIENT_ERRORS[e.code];
    return new AppError(code, reason);
  }
  const cause = e?.cause as { code?: string } | undefined;
  if (cause?.code && PG_CLIENT_ERRORS[cause.code]) {
    const [code, reason] = PG_CLIENT_ERRORS[cause.code];
    return new AppError(code, reason);
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code = HTTP_CODES[e.statusCode] ?? 'validation_failed';
    return new AppError(code, 'request.bad', { detail: (e.message ?? 'bad request').replace(/^FST_\w+:?\s*/, '') });
  }
  return new AppError('internal', 'internal');
}

/** The mailbox's writes and reply-code reads (issue 14): logged without the caller's address, and
 *  the reply code cut from the URL — an anonymous writer must not be findable from the request log. */
const MAILBOX_PRIVATE = /^\/api\/v1\/mailbox(\/replies\/[^/?]*)?\/?(\?.*)?$/;

/** The request as the log shows it (Fastify's default fields, less what would identify a mailbox writer). */
export function logRequest(req: FastifyRequest) {
  const url = req.url ?? '';
  const m = MAILBOX_PRIVATE.exec(url);
  const hidden = !!m && (req.method === 'POST' ? !m[1] : req.method === 'GET' && !!m[1]);
  if (hidden) return { method: req.method, url: m![1] ? '/api/v1/mailbox/replies/[code]' : url.replace(/\?.*$/, '') };
  return { method: req.method, url, host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    logger: { level: ctx.config.logLevel, serializers: { req: logRequest }, ...(ctx.logStream ? { stream: ctx.logStream } : {}) },
    bodyLimit: ctx.config.bodyLimit,
    trustProxy: true,
    // ids and junk in paths must not crash the router: a longer path parameter is a 414
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    // a bad URL or an over-long parameter answers in the one error format
    frameworkErrors: (err, _req, reply) => {
      const appErr = toAppError(err);
      (reply as FastifyReply).status(appErr.status).send(errorBody(appErr));
    },
    // bodies and slow clients time out (408 / closed socket)
    requestTimeout: ctx.config.requestTimeoutMs,
    connectionTimeout: ctx.config.connectionTimeoutMs,
  });
  app.server.headersTimeout = Math.min(ctx.config.headersTimeoutMs, ctx.config.requestTimeoutMs || Infinity);
  app.decorate('ctx', ctx);
  recordRoutePolicies(app);
  const webRoot = path.resolve('web/dist');
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(replySerializer({ strict: ctx.config.strictReplies }));

  app.setErrorHandler((err, req, reply) => {
    const appErr = toAppError(err);
    if (appErr.status >= 500) req.log.error({ err }, 'unhandled error');
    reply.status(appErr.status).send(errorBody(appErr));
  });
  app.addHook('onRequest', async (req) => {
    if (req.url.length > MAX_URL_LENGTH) throw new AppError('uri_too_long', 'request.uri_too_long', { max: MAX_URL_LENGTH });
  });
  app.addHook('preValidation', refuseUnstorableText);
  await app.register(helmet, securityHeaders);
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET') {
      reply.status(404).send(errorBody(new AppError('not_found', 'request.no_route', { method: req.method, path: req.url.split('?')[0] ?? '' })));
      return;
    }
    // the single-page app answers every other GET
    if (hasWeb) return reply.sendFile('index.html');
    reply.status(404).type('text/plain').send('web app not built: run npm run build:web');
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Fangyuan 方圆 API', version: '1.0.0', description: 'The stable HTTP contract of ../shared/API.md and more.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: openapiComponents,
  });

  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  await app.register(async (api) => {
    // per-route limits (the public rating link); the login has its own throttle
    await api.register(rateLimit, { global: false, errorResponseBuilder: (_req, c) => new AppError('rate_limited', 'request.rate_limited', { max: c.max }) });
    await api.register(authPlugin);
    enforceRoutePolicies(api);
    await moduleRoutes(api.withTypeProvider<ZodTypeProvider>());
  }, { prefix: '/api/v1' });

  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}
