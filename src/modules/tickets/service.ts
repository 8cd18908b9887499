// After-sales tickets (seed chapter 3): one per customer call, on the customer's service clock.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, forbidden, notFound } from '../../server/errors.js';
import { isStaff } from '../../policies/actor.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import type { Tier } from '../../domain/calendar/index.js';
import { appendAudit, auditOfCase } from '../audit/service.js';
import { createDocument, presentDocument, presentDocumentFor, readableDocumentsOfCase } from '../documents/service.js';
import { can } from '../../policies/index.js';
import { casePolicy } from '../../policies/case.js';
import { nextSequence } from '../documents/repo.js';
import { assetsOfCustomer, findCustomer } from '../customers/repo.js';
import { presentAsset, presentCustomer } from '../customers/service.js';
import { findPartner } from '../partners/repo.js';
import { completeTask, presentTaskFor, startCase } from '../tasks/service.js';
import { oncallEngineerId, tellCsOnDuty } from '../duty/service.js';
import { findTask, tasksOfCase } from '../tasks/repo.js';
import { canSeeCase, loadCase } from '../tasks/cases.js';
import { breachOf } from './breach.js';
import * as repo from './repo.js';
import { pausesOfTicket, presentPause } from './pause.js';
import { latestRatingLink, presentRating } from './rating.js';
import { announce } from '../notifications/events.js';
import { readChannels } from '../notifications/channels.js';
import { findUser, usersWithRole } from '../users/repo.js';

export type TicketKind = 'inquiry' | 'complaint';

export function presentTicket(t: repo.TicketRow, now: Date) {
  // a paused ticket's close deadline stands still: not late while it waits
  const late = t.closedAt ? t.closedAt > t.dueAt : !t.pausedAt && now > t.dueAt;
  return {
    id: t.id, number: t.number, customerId: t.customerId, kind: t.kind as TicketKind, problem: t.problem,
    contact: t.contact, state: t.state, tier: t.tier as Tier, partnerId: t.partnerId, dueAt: t.dueAt.toISOString(),
    closedAt: t.closedAt?.toISOString() ?? null, overdue: late, specialReason: t.specialReason,
    sourceTaskId: t.sourceTaskId, definitionVersion: t.definitionVersion,
    pausedAt: t.pausedAt?.toISOString() ?? null, pauseReason: t.pauseReason,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
  };
}

export async function openTicket(
  opts: { customerId: string; kind: TicketKind; problem: string; contact?: string; actor: Actor; sourceTaskId?: string },
  tx: Tx, ctx: AppContext,
) {
  const now = ctx.clock.now();
  const customer = await findCustomer(tx, opts.customerId);
  if (!customer) throw fieldError('customerId', 'field.unknown_customer');
  const def = ctx.processes.current();
  // the close deadline and every step run on the customer's service clock (not yet in service: standard)
  const tier = (customer.serviceTier as Tier | null) ?? 'standard';
  const calendar = await ctx.calendars.get(tx);
  const year = shanghaiYear(now);
  const prefix = def.caseNumbering.ticket;
  const ticket = await repo.insertTicket(tx, {
    id: crypto.randomUUID(), number: formatDocNumber(prefix, year, await nextSequence(tx, prefix, year)),
    customerId: customer.id, kind: opts.kind, problem: opts.problem, contact: opts.contact || null, state: 'new', tier,
    definitionVersion: def.version, dueAt: calendar.dueAt(now, def.ticketCloseDays, tier), openedBy: opts.actor.id,
    sourceTaskId: opts.sourceTaskId ?? null, createdAt: now, updatedAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'ticket.create', entity: 'ticket', entityId: ticket.id, caseId: ticket.id, after: presentTicket(ticket, now) });
  const documents = [];
  const record = opts.kind === 'complaint' ? def.openingForms.ticket_complaint : undefined;
  if (record) {
    // form 5 starts with the customer's problem as CS wrote it down (round 1)
    documents.push(await createDocument({
      def, form: record, caseType: 'ticket', caseId: ticket.id, customerId: customer.id,
      fields: { problem: opts.problem, entries: [{ round: 1, problem: opts.problem }] }, actor: opts.actor, now,
    }, tx));
  }
  const c = (await loadCase(tx, 'ticket', ticket.id))!;
  const tasks = await startCase({ def, start: opts.kind === 'complaint' ? 'ticket_complaint' : 'ticket_inquiry', c, now, calendar, actor: opts.actor }, tx);
  const presented = tasks.map((t) => presentTaskFor(opts.actor, def, t, now, calendar));
  // a ticket on a duty day (weekend or holiday) reaches the CS agent on duty (issue 14)
  await tellCsOnDuty(tx, { ticketId: ticket.id, number: ticket.number, taskId: tasks[0]?.id, openedBy: opts.actor.id, now });
  if (calendar.nextWorkingInstant(now, tier).getTime() <= now.getTime() && calendar.nextWorkingInstant(now, 'standard').getTime() > now.getTime()) {
    // a customer whose tier works now calls outside business hours (VIP 7×24, 金牌 5×12 at 19:00):
    // the engineer on duty hears at once (issue 16)
    // the engineer of the tech manager's 7×24 on-call rota today, else the one the settings name
    const { onDutyEngineerId } = await readChannels(tx);
    const onCallId = (await oncallEngineerId(tx, now)) ?? onDutyEngineerId;
    const onDuty = onCallId ? await findUser(tx, onCallId) : undefined;
    const recipients = onDuty?.active ? [onDuty] : await usersWithRole(tx, 'engineer');
    await announce(tx, ctx, {
      routeAs: 'vip_after_hours', recipients, caseId: ticket.id, taskId: tasks[0]?.id, tier, eventId: `vip_after_hours:${ticket.id}`,
      params: { text: opts.problem.slice(0, 200) }, now,
    });
  }
  return {
    ...presentTicket({ ...ticket, state: tasks[0]?.step ?? ticket.state }, now),
    customerName: customer.name,
    task: presented[0] ?? null,
    tasks: presented,
    documents: documents.map(presentDocument),
  };
}

/** Lists tickets with the step each one waits on; partner engineers see only their company's. */
export async function listTicketsFor(
  opts: { actor: Actor; filter: Omit<repo.TicketFilter, 'now' | 'partnerId'> & { partnerId?: string } },
  tx: Tx, ctx: AppContext,
) {
  const now = ctx.clock.now();
  const partnerId = isStaff(opts.actor) ? opts.filter.partnerId : opts.actor.partnerId ?? '-';
  const { items, ...counted } = await repo.listTickets(tx, { ...opts.filter, partnerId, now });
  const open = await repo.openTasksOfTickets(tx, items.map((r) => r.ticket.id));
  return {
    items: items.map((r) => ({
      ...presentTicket(r.ticket, now),
      customerName: r.customerName,
      openTasks: open.filter((o) => o.task.caseId === r.ticket.id).map((o) => ({
        id: o.task.id, step: o.task.step, assigneeRole: o.task.assigneeRole, assigneeId: o.task.assigneeId,
        assigneeName: o.assigneeName, partnerId: o.task.partnerId, partnerName: o.partnerName,
        dueAt: o.task.dueAt?.toISOString() ?? null, overdue: !!o.task.dueAt && o.task.dueAt < now,
      })),
    })),
    ...counted,
  };
}

/** The breach verdict of one ticket (`open` while it is open). */
export async function ticketBreach(tx: Tx, t: repo.TicketRow) {
  return (await breachVerdicts(tx, [t])).get(t.id)!;
}

/** Breach verdicts of many tickets at once (reports). */
export async function breachVerdicts(tx: Tx, rows: repo.TicketRow[]) {
  const tasks = await repo.tasksOfTicketsWithOwners(tx, rows.map((t) => t.id));
  return new Map(rows.map((t) => [t.id, breachOf(t, tasks.filter((x) => x.task.caseId === t.id))]));
}

export async function ticketPage(opts: { id: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const c = await loadCase(tx, 'ticket', opts.id);
  if (!c || !canSeeCase(opts.actor, c)) throw notFound('ticket');
  const t = (await repo.findTicket(tx, opts.id))!;
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const customer = await findCustomer(tx, t.customerId);
  const partner = t.partnerId ? await findPartner(tx, t.partnerId) : undefined;
  const def = await ctx.processes.get(t.definitionVersion, tx);
  const docs = await readableDocumentsOfCase(tx, opts.actor, t.id, ctx);
  return {
    ...presentTicket(t, now),
    abilities: {
      excuse: can(opts.actor, 'case.excuse'), audit: can(opts.actor, 'audit.read'),
      pause: !t.closedAt && can(opts.actor, 'case.pause', { type: 'ticket', partnerId: t.partnerId, pauseRoles: def.ticketPause.roles }),
    },
    customerName: customer?.name ?? null,
    partnerName: partner?.name ?? null,
    breach: await ticketBreach(tx, t),
    // with its devices: the repair form's replaced serial numbers are picked from them
    customer: customer ? { ...presentCustomer(customer), assets: (await assetsOfCustomer(tx, customer.id)).map(presentAsset) } : null,
    documents: await Promise.all(docs.map((d) => presentDocumentFor(tx, opts.actor, d, ctx))),
    tasks: (await tasksOfCase(tx, 'ticket', t.id)).map((x) => presentTaskFor(opts.actor, def, x, now, calendar)),
    history: await auditOfCase(tx, t.id, { actor: opts.actor, def, scope: { caseType: 'ticket', casePartnerId: t.partnerId } }),
    pauses: (await pausesOfTicket(tx, t.id)).map(presentPause),
    ...presentRating(await latestRatingLink(tx, t.id), now),
  };
}

/** The CS manager records why a ticket is (or will be) late: it then counts as excused, not a breach. */
export async function recordSpecialReason(opts: { id: string; reason: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const before = await repo.lockTicket(tx, opts.id);
  if (!before) throw notFound('ticket');
  const after = (await repo.updateTicket(tx, opts.id, { specialReason: opts.reason, updatedAt: now }))!;
  await appendAudit(tx, {
    at: now, actorId: opts.actor.id, action: 'ticket.special_reason', entity: 'ticket', entityId: opts.id, caseId: opts.id,
    before: { specialReason: before.specialReason }, after: { specialReason: opts.reason },
  });
  return { ...presentTicket(after, now), breach: await ticketBreach(tx, after) };
}

/** A revisit that found a problem opens a ticket in one call; an open revisit is completed first. */
export async function openTicketFromRevisit(
  opts: { taskId: string; kind: TicketKind; problem?: string; opinion?: string; contact?: string; actor: Actor },
  tx: Tx, ctx: AppContext,
) {
  const task = await findTask(tx, opts.taskId);
  if (!task || task.caseType !== 'customer' || !isStaff(opts.actor)) throw notFound('task');
  if (!(await ctx.processes.stepKeys('revisit', tx)).includes(task.step)) throw conflict('revisit.not_a_revisit');
  if (await repo.ticketOfSourceTask(tx, task.id)) throw conflict('revisit.ticket_exists');
  let revisit: { opinion?: string; problemFound?: boolean } | undefined;
  if (task.status === 'open') {
    if (!casePolicy.createTicket(opts.actor)) throw forbidden();
    await completeTask({ taskId: task.id, actor: opts.actor, form: { opinion: opts.opinion ?? opts.problem, problemFound: true } }, tx, ctx);
    revisit = { opinion: opts.opinion ?? opts.problem, problemFound: true };
  } else {
    const doc = await repo.documentOfTask(tx, task.id);
    revisit = doc?.fields as typeof revisit;
    if (!revisit?.problemFound) throw conflict('revisit.no_problem');
  }
  const problem = opts.problem?.trim() || revisit?.opinion?.trim();
  if (!problem) throw fieldError('problem', 'required');
  return openTicket({ customerId: task.caseId, kind: opts.kind, problem, contact: opts.contact, actor: opts.actor, sourceTaskId: task.id }, tx, ctx);
}
