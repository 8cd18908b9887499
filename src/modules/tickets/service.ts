// After-sales tickets (seed chapter 3): one per customer call, on the customer's service clock.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { fieldError, notFound } from '../../server/errors.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import type { Tier } from '../../domain/calendar/index.js';
import { appendAudit, auditOfCase } from '../audit/service.js';
import { createDocument, presentDocument, readableDocumentsOfCase } from '../documents/service.js';
import { nextSequence } from '../documents/repo.js';
import { findCustomer } from '../customers/repo.js';
import { presentCustomer } from '../customers/service.js';
import { presentTask, startCase } from '../tasks/service.js';
import { tasksOfCase } from '../tasks/repo.js';
import { canSeeCase, loadCase } from '../tasks/cases.js';
import * as repo from './repo.js';

export function presentTicket(t: repo.TicketRow, now: Date) {
  const late = t.closedAt ? t.closedAt > t.dueAt : now > t.dueAt;
  return {
    id: t.id, number: t.number, customerId: t.customerId, kind: t.kind as 'inquiry' | 'complaint', problem: t.problem,
    contact: t.contact, state: t.state, tier: t.tier, partnerId: t.partnerId, dueAt: t.dueAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null, overdue: late, specialReason: t.specialReason,
    definitionVersion: t.definitionVersion, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

export async function openTicket(
  opts: { customerId: string; kind: 'inquiry' | 'complaint'; problem: string; contact?: string; actor: Actor; revisitTaskId?: string },
  tx: Tx, ctx: AppContext,
) {
  const now = ctx.clock.now();
  const customer = await findCustomer(tx, opts.customerId);
  if (!customer) throw fieldError('customerId', 'no such customer');
  const def = ctx.processes.current();
  const tier = (customer.serviceTier as Tier | null) ?? 'standard';
  const calendar = await ctx.calendars.get(tx);
  const year = shanghaiYear(now);
  const prefix = def.caseNumbering.ticket;
  const ticket = await repo.insertTicket(tx, {
    id: crypto.randomUUID(), number: formatDocNumber(prefix, year, await nextSequence(tx, prefix, year)),
    customerId: customer.id, kind: opts.kind, problem: opts.problem, contact: opts.contact ?? null, state: 'new', tier,
    definitionVersion: def.version, dueAt: calendar.dueAt(now, def.ticketCloseDays, tier), openedBy: opts.actor.id,
    createdAt: now, updatedAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'ticket.create', entity: 'ticket', entityId: ticket.id, caseId: ticket.id, after: presentTicket(ticket, now) });
  const documents = [];
  if (opts.kind === 'complaint') {
    documents.push(await createDocument({
      def, form: 'complaint_record', caseType: 'ticket', caseId: ticket.id, customerId: customer.id,
      fields: { problem: opts.problem, entries: [{ round: 1, problem: opts.problem }] }, actor: opts.actor, now,
    }, tx));
  }
  const c = (await loadCase(tx, 'ticket', ticket.id))!;
  const tasks = await startCase({ def, start: opts.kind === 'complaint' ? 'ticket_complaint' : 'ticket_inquiry', c, now, calendar, actor: opts.actor }, tx);
  return {
    ...presentTicket({ ...ticket, state: tasks[0]?.step ?? ticket.state }, now),
    documents: documents.map(presentDocument),
    tasks: tasks.map((t) => presentTask(t, now, calendar)),
  };
}

export async function ticketPage(opts: { id: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const c = await loadCase(tx, 'ticket', opts.id);
  if (!c || !canSeeCase(opts.actor, c)) throw notFound('ticket');
  const t = (await repo.findTicket(tx, opts.id))!;
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const customer = await findCustomer(tx, t.customerId);
  return {
    ...presentTicket(t, now),
    customer: customer ? presentCustomer(customer) : null,
    documents: (await readableDocumentsOfCase(tx, opts.actor, t.id)).map(presentDocument),
    tasks: (await tasksOfCase(tx, 'ticket', t.id)).map((x) => presentTask(x, now, calendar)),
    history: await auditOfCase(tx, t.id),
  };
}
