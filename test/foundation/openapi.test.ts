// Issue 9 §7: every route declares the shape of its reply (OpenAPI shows it, the reply is
// serialized from it), and the web's API types are generated from that document.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes } from '../../src/server/api-types.js';
import { testApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Record<string, unknown> }> }> };

describe('reply schemas', () => {
  it('every route in the OpenAPI document declares its success reply', async () => {
    const spec = (await t.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
    const missing: string[] = [];
    let routes = 0;
    for (const [p, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
        routes++;
        const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        const declared = success.length > 0 && success.every(([status, r]) => status === '204'
          || Object.values(r.content ?? {}).some((c) => c.schema && Object.keys(c.schema).length > 0));
        if (!declared) missing.push(`${method.toUpperCase()} ${p}`);
      }
    }
    expect(routes).toBeGreaterThan(40);
    expect(missing, 'routes without a reply schema').toEqual([]);
  });

  it('names the shared reply shapes as components', async () => {
    const spec = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Task', 'Deal', 'DealDetail', 'Ticket', 'TicketDetail', 'Document', 'Customer']));
    const task = spec.paths['/api/v1/tasks'].get.responses['200'].content['application/json'].schema;
    expect(task).toEqual({ $ref: '#/components/schemas/TaskPage' });
    const print = spec.paths['/api/v1/documents/{id}/print'].get.responses['200'].content;
    expect(Object.keys(print)).toEqual(['text/html; charset=utf-8']);
  });

  it('serializes from the schema: a field the schema does not declare is not sent', async () => {
    // the strict test serializer would refuse such a reply; this is the production one
    const { replySerializer } = await import('../../src/server/replies.js');
    const { taskView } = await import('../../src/modules/tasks/schema.js');
    const write = replySerializer({ strict: false })({ schema: taskView, method: 'GET', url: '/x', httpStatus: '200' });
    const task = {
      id: 't1', step: 'qualify', caseType: 'deal', caseId: 'd1', assigneeRole: 'sales', assigneeId: null, assigneeIds: [], partnerId: null,
      createdAt: '2026-03-02T01:00:00.000Z', dueAt: null, tier: 'standard', status: 'open', overdue: false, outcome: null,
      completedAt: null, completedBy: null,
    };
    expect(JSON.parse(write({ ...task, passwordHash: 'secret' }))).toEqual(task);
    const strict = replySerializer({ strict: true })({ schema: taskView, method: 'GET', url: '/x', httpStatus: '200' });
    expect(() => strict({ ...task, passwordHash: 'secret' })).toThrow(/drops or changes \.passwordHash/);
  });
});

describe('generated web types', () => {
  it(`${API_TYPES_FILE} is what npm run api:types writes now`, async () => {
    const committed = fs.readFileSync(API_TYPES_FILE, 'utf8');
    // a stale file fails here: run `npm run api:types` and commit the result
    expect(committed === await apiTypes(t.app), 'stale: run npm run api:types').toBe(true);
  });
});
