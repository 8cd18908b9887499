// Pre-sales deals (seed chapter 1): the survey starts a deal; the task engine runs the steps.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, forbidden, notFound } from '../../server/errors.js';
import { hasRole } from '../../server/policy.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import type { SurveyInput } from '../../domain/process/forms.js';
import { appendAudit, auditOfCase } from '../audit/service.js';
import { createDocument, presentDocument, readableDocumentsOfCase } from '../documents/service.js';
import { nextSequence } from '../documents/repo.js';
import { findCustomer } from '../customers/repo.js';
import { presentCustomer } from '../customers/service.js';
import { presentTask, startCase } from '../tasks/service.js';
import { tasksOfCase } from '../tasks/repo.js';
import { loadCase } from '../tasks/cases.js';
import * as repo from './repo.js';

const SECOND_MEETING_AFTER_MS = 3 * 86_400_000;

export function presentDeal(d: repo.DealRow) {
  return {
    id: d.id, number: d.number, state: d.state, customerId: d.customerId, ownerId: d.ownerId,
    definitionVersion: d.definitionVersion, secondMeetingAt: d.secondMeetingAt?.toISOString() ?? null,
    endReason: d.endReason, competitor: d.competitor, paymentModel: d.paymentModel, amountFen: d.amountFen,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

export async function createDeal(opts: { customerId: string; survey: SurveyInput; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const customer = await findCustomer(tx, opts.customerId);
  if (!customer) throw fieldError('customerId', 'no such customer');
  const def = ctx.processes.current();
  const year = shanghaiYear(now);
  const prefix = def.caseNumbering.deal;
  const deal = await repo.insertDeal(tx, {
    id: crypto.randomUUID(), number: formatDocNumber(prefix, year, await nextSequence(tx, prefix, year)),
    customerId: customer.id, ownerId: opts.actor.id, state: 'new', definitionVersion: def.version,
    secondMeetingAt: new Date(now.getTime() + SECOND_MEETING_AFTER_MS), createdAt: now, updatedAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'deal.create', entity: 'deal', entityId: deal.id, caseId: deal.id, after: presentDeal(deal) });
  const survey = await createDocument({
    def, form: 'survey', caseType: 'deal', caseId: deal.id, customerId: customer.id, fields: opts.survey, actor: opts.actor, now,
  }, tx);
  const c = (await loadCase(tx, 'deal', deal.id))!;
  const calendar = await ctx.calendars.get(tx);
  const tasks = await startCase({ def, start: 'deal', c, now, calendar, actor: opts.actor }, tx);
  return {
    ...presentDeal({ ...deal, state: tasks[0]?.step ?? deal.state }),
    documents: [presentDocument(survey)],
    tasks: tasks.map((t) => presentTask(t, now, calendar)),
  };
}

export async function dealPage(opts: { id: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const deal = await repo.findDeal(tx, opts.id);
  if (!deal) throw notFound('deal');
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const [customer, tasks, docs, log, history] = [
    await findCustomer(tx, deal.customerId), await tasksOfCase(tx, 'deal', deal.id),
    await readableDocumentsOfCase(tx, opts.actor, deal.id), await repo.negotiationEntries(tx, deal.id), await auditOfCase(tx, deal.id),
  ];
  const def = await ctx.processes.get(deal.definitionVersion, tx);
  const negotiation = tasks.find((t) => t.step === 'negotiation' && t.status === 'open');
  const longAfter = def.steps.negotiation?.longAfterDays;
  const longNegotiation = !!(negotiation && longAfter && calendar.workingTimeBetween(negotiation.createdAt, now, 'standard') > longAfter);
  return {
    ...presentDeal(deal),
    customer: customer ? presentCustomer(customer) : null,
    documents: docs.map(presentDocument),
    tasks: tasks.map((t) => presentTask(t, now, calendar)),
    history,
    negotiationLog: log.map((e) => ({ id: e.id, kind: e.kind, note: e.note, actorId: e.actorId, at: e.at.toISOString() })),
    longNegotiation,
  };
}

export async function addNegotiationEntry(opts: { dealId: string; kind: string; note: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const deal = await repo.findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  if (opts.kind === 'policy_adjustment' ? !hasRole(opts.actor, 'sales_manager', 'gm') : !(deal.ownerId === opts.actor.id || hasRole(opts.actor, 'sales_manager', 'gm'))) {
    throw forbidden();
  }
  if (deal.state !== 'negotiation' && deal.state !== 'proposal_delivery') throw conflict(`the deal is in ${deal.state}, not negotiating`);
  const e = await repo.insertNegotiationEntry(tx, { id: crypto.randomUUID(), dealId: deal.id, kind: opts.kind, note: opts.note, actorId: opts.actor.id, at: now });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'deal.negotiation', entity: 'deal', entityId: deal.id, caseId: deal.id, after: { kind: e.kind, note: e.note } });
  // the business manager sees each customer move as it happens
  if (opts.kind !== 'policy_adjustment') {
    const { notifyRole } = await import('../notifications/service.js');
    await notifyRole(tx, { role: 'sales_manager', kind: 'negotiation', caseId: deal.id, message: `${deal.number} 谈判动态：${opts.note}`, now });
  }
  return { id: e.id, kind: e.kind, note: e.note, actorId: e.actorId, at: e.at.toISOString() };
}

export async function setSecondMeeting(opts: { dealId: string; at: Date; actor: Actor }, tx: Tx, ctx: AppContext) {
  const deal = await repo.findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  if (deal.ownerId !== opts.actor.id && !hasRole(opts.actor, 'sales_manager')) throw forbidden();
  const updated = await repo.updateDeal(tx, deal.id, { secondMeetingAt: opts.at, updatedAt: ctx.clock.now() });
  await appendAudit(tx, { at: ctx.clock.now(), actorId: opts.actor.id, action: 'deal.secondMeeting', entity: 'deal', entityId: deal.id, caseId: deal.id, before: { secondMeetingAt: deal.secondMeetingAt }, after: { secondMeetingAt: opts.at } });
  return presentDeal(updated);
}
