import { z } from 'zod';
import type { ZApp } from '../../server/routes.js';
import { actorOf } from '../auth/plugin.js';
import { pageQuery, paging } from '../../server/paging.js';
import { createCustomer, customerPage, presentCustomer, updateCustomerDetails } from './service.js';
import { assetHistoryBySerial } from './assets.js';
import * as repo from './repo.js';
import { assetHistory, customerDetail, customerListReply, customerView } from './schema.js';

const fields = {
  name: z.string().trim().min(1).max(200),
  address: z.string().trim().min(1).max(500),
  contactPerson: z.string().trim().min(1).max(100),
  phone: z.string().trim().min(3).max(50).regex(/^[0-9+()\-\s转#*]+$/, 'digits, spaces and + - ( ) only'),
};
const idParams = z.object({ id: z.string().min(1).max(100) });

export async function customerRoutes(app: ZApp) {
  app.post('/customers', { config: { policy: 'customer.create' }, schema: { tags: ['customers'], body: z.object({
    ...fields,
    /** create it even though a customer with the same name and phone exists (otherwise 409 customer.duplicate naming it) */
    allowDuplicate: z.boolean().optional(),
  }), response: { 201: customerView } } }, async (req, reply) => {
    const actor = actorOf(req);
    const { allowDuplicate, ...input } = req.body;
    const c = await app.ctx.db.transaction((tx) => createCustomer({ input, allowDuplicate, actor, now: app.ctx.clock.now() }, tx));
    reply.status(201);
    return c;
  });

  app.get('/customers', {
    config: { policy: 'customer.read' },
    schema: { tags: ['customers'], querystring: pageQuery.extend({ q: z.string().max(100).optional(), tier: z.string().max(40).optional() }), response: { 200: customerListReply } },
  }, async (req) => {
    const { limit, offset } = paging(req.query);
    const { items, total } = await repo.searchCustomers(app.ctx.db, { q: req.query.q, tier: req.query.tier, limit, offset });
    return { items: items.map(presentCustomer), total };
  });

  app.get('/customers/:id', { config: { policy: 'customer.read' }, schema: { tags: ['customers'], params: idParams, response: { 200: customerDetail } } }, async (req) => {
    const actor = actorOf(req);
    return customerPage({ id: req.params.id, actor }, app.ctx.db, app.ctx);
  });

  app.patch('/customers/:id', {
    config: { policy: 'customer.update' },
    schema: { tags: ['customers'], params: idParams, body: z.object({ ...fields, version: z.number().int().positive() }).partial(), response: { 200: customerView } },
  }, async (req) => {
    const actor = actorOf(req);
    const { version, ...input } = req.body;
    return app.ctx.db.transaction((tx) => updateCustomerDetails({ id: req.params.id, input, version, actor, now: app.ctx.clock.now() }, tx));
  });

  // the asset registry by serial number: the full history of every matching device
  app.get('/assets', { config: { policy: 'customer.assets' }, schema: { tags: ['customers'], querystring: z.object({ serial: z.string().trim().min(2).max(100) }), response: { 200: assetHistory } } }, async (req) => {
    return assetHistoryBySerial(req.query.serial, app.ctx.db);
  });
}
