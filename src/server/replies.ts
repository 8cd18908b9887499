// Reply schemas shared by every module, and the serializer that writes replies from them.
// Each route declares `response: { 200: schema }`; the zod schema is the contract the
// OpenAPI document shows and the web's generated types come from (web/src/app/api-schema.d.ts).
import { isDeepStrictEqual } from 'node:util';
import type { FastifySerializerCompiler } from 'fastify';
import type { SwaggerTransformObject } from '@fastify/swagger';
import { createSerializerCompiler, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import fastJson from 'fast-json-stringify';
import { REASONS } from './messages.js';

/** An instant as the presenters write it: `Date#toISOString()`. */
export const instant = z.string().meta({ format: 'date-time' });
/** A calendar day, YYYY-MM-DD. */
export const day = z.string().meta({ format: 'date' });
/** A service tier: a key of the definition's `tiers` (standard and vip by default). */
export const tier = z.string();

/** `{ ok: true }`: the reply of an action that has nothing else to say. */
export const okReply = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** 204: nothing to say. */
export const noContent = z.null().meta({ description: 'no content' });

/** One page of a list: `{ items, total }`; `totalCapped`: a broad search stopped counting at `total`. */
export const pageOf = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item), total: z.number().int(),
  totalCapped: z.boolean().optional().describe('true: more rows match than `total`; a broad search stops counting there'),
});
/** An unpaged list: `{ items }`. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** What the actor may do on a case or task (policies); the web shows buttons from it. */
export const abilities = z.record(z.string(), z.boolean());

/** A binary or HTML reply: declared by content type (OpenAPI shows it; nothing to serialize). */
export const fileReply = (contentType: string, description: string) => ({
  description,
  content: { [contentType]: { schema: z.custom<string | Buffer>().meta({ type: 'string', format: 'binary' }) } },
});
export const HTML = 'text/html; charset=utf-8';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const zodSerializer = createSerializerCompiler();

/** The first place where `b` lacks or differs from `a`, as a path; undefined when equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (isDeepStrictEqual(a, b)) return undefined;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return path || '(root)';
}

/**
 * Serializes a reply from its zod schema. With `strict` (the test suite), a reply the schema
 * would change — a field the presenter writes but the schema does not declare, so the
 * serializer would silently drop it — is an error naming the field: a schema that falls behind
 * its presenter fails the tests instead of taking a field away from the web.
 */
export function replySerializer(opts: { strict: boolean }): FastifySerializerCompiler<z.ZodType> {
  return (route) => {
    const write = zodSerializer(route as Parameters<typeof zodSerializer>[0]);
    if (!opts.strict) {
      // compiled on a route's first reply, not at start-up (a cold start compiles none)
      let chosen: ((data: unknown) => string) | undefined;
      return (data) => (chosen ??= compileFast(route.schema) ?? write)(data);
    }
    const fast = compileFast(route.schema);
    return (data) => {
      const json = write(data);
      const diff = firstDifference(JSON.parse(JSON.stringify(data)), JSON.parse(json));
      if (diff) throw new Error(`reply of ${route.method} ${route.url} (${route.httpStatus}): the schema drops or changes ${diff}`);
      // what production writes (fast-json-stringify) must be what zod writes
      if (fast) {
        const fastDiff = firstDifference(JSON.parse(json), JSON.parse(fast(data)));
        if (fastDiff) throw new Error(`reply of ${route.method} ${route.url} (${route.httpStatus}): fast-json-stringify writes ${fastDiff} otherwise than zod`);
      }
      return json;
    };
  };
}

/**
 * A reply schema as a fast-json-stringify function (its JSON Schema compiled to code): about an
 * order of magnitude less work per reply than checking the reply against the zod schema and
 * then JSON.stringify. Schemas JSON Schema cannot express (transforms, custom types) keep zod.
 */
function compileFast(schema: unknown): ((data: unknown) => string) | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  try {
    const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'throw' });
    return fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return undefined;
  }
}

export const healthReply = z.object({ ok: z.literal(true), engine: z.string(), now: instant }).meta({ id: 'Health' });

/**
 * The OpenAPI document's named schemas (`.meta({ id })`). The zod type provider adds an
 * `<id>Input` twin of every named schema for request bodies; reply schemas never appear in a
 * request, so their unreferenced twins are dropped to keep the document (and the web's
 * generated types) to what exists.
 */
/** The one error reply (errors.ts), in the OpenAPI document: every operation may answer it. */
const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'reason', 'message'],
      properties: {
        code: { type: 'string', description: 'the HTTP-level kind: validation_failed, unauthorized, forbidden, not_found, conflict …' },
        reason: { type: 'string', enum: Object.keys(REASONS), description: 'why, from the catalogue of reasons (src/server/messages.ts); the web translates it' },
        params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
        message: { type: 'string', description: 'the reason in English, with its parameters' },
        details: {
          type: 'array',
          items: {
            type: 'object', required: ['path', 'message', 'reason'],
            properties: {
              path: { type: 'string', description: 'the bad field, e.g. form.equipment.0.quantity' },
              reason: { type: 'string' }, message: { type: 'string' },
              params: { type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] } },
            },
          },
        },
      },
    },
  },
};

export const openapiComponents: SwaggerTransformObject = (doc) => {
  const out = jsonSchemaTransformObject(doc) as { components?: { schemas?: Record<string, unknown> }; paths?: Record<string, Record<string, { responses?: Record<string, unknown> }>> };
  const schemas = out.components?.schemas;
  if (!schemas) return out as ReturnType<SwaggerTransformObject>;
  schemas.Error = ERROR_SCHEMA;
  const errorReply = { description: 'refused: see error.reason', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  for (const ops of Object.values(out.paths ?? {})) {
    for (const op of Object.values(ops)) if (op && typeof op === 'object' && op.responses && !op.responses['4XX']) op.responses['4XX'] = errorReply;
  }
  const refs = (v: unknown) => [...JSON.stringify(v).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
  const reached = new Set(refs({ ...out, components: { ...out.components, schemas: undefined } }));
  for (const key of Object.keys(schemas)) if (!key.endsWith('Input') || !schemas[key.slice(0, -'Input'.length)]) reached.add(key);
  for (let todo = [...reached]; todo.length;) {
    const next = refs(schemas[todo.pop()!]).filter((k) => !reached.has(k));
    for (const k of next) reached.add(k);
    todo.push(...next);
  }
  for (const key of Object.keys(schemas)) if (!reached.has(key)) delete schemas[key];
  return out as ReturnType<SwaggerTransformObject>;
};
