// Leads (线索) and their referral commission (issue 14, PROCESS §6.1). Staff outside the business
// department register leads; the sales manager triages them and accepts one to a salesperson,
// which makes the lead a case with the definition's `lead_contact` step; the salesperson opens the
// deal from it. The commission lines are computed from the source records (the lead, the deal's
// contract, its signature and installation) every time, until the GM approves the month: then
// the month's lines are kept as approved and no longer move.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { conflict, fieldError, forbidden, notFound } from '../../server/errors.js';
import { authorize, can } from '../../policies/index.js';
import { commissionOf, DEFAULT_SALES_INCOME_PCT, type LeadClass } from '../../domain/commission.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear } from '../../domain/process/engine.js';
import { appendAudit } from '../audit/service.js';
import { nextSequence } from '../documents/repo.js';
import { findCustomer, insertCustomer, phoneDigits } from '../customers/repo.js';
import { insertCase } from '../cases/repo.js';
import { closeTask, openTasksOfCase } from '../tasks/repo.js';
import { loadCase, setCaseState } from '../tasks/cases.js';
import { startCase } from '../tasks/service.js';
import { notifyUser } from '../notifications/service.js';
import { getSetting, putSetting } from '../users/repo.js';
import { parseMonth, type Period } from '../reports/period.js';
import * as repo from './repo.js';

export const SALES_INCOME_PCT_KEY = 'commission.salesIncomePct';

export function presentLead(l: repo.LeadRow) {
  return {
    id: l.id, number: l.number, state: l.state as 'new' | 'accepted' | 'rejected' | 'converted',
    referrerId: l.referrerId, customerId: l.customerId, customerName: l.customerName, contactPerson: l.contactPerson, phone: l.phone,
    need: l.need, claimedClass: l.claimedClass as LeadClass, justification: l.justification,
    class: (l.class ?? null) as LeadClass | null, classReason: l.classReason, salespersonId: l.salespersonId, rejectReason: l.rejectReason,
    dealId: l.dealId, incomePct: l.incomePct, incomePctReason: l.incomePctReason,
    createdAt: l.createdAt.toISOString(), updatedAt: l.updatedAt.toISOString(),
  };
}

export interface LeadInput {
  customerName: string; contactPerson?: string; phone?: string; customerId?: string; need: string; claimedClass: LeadClass; justification?: string;
}

export async function createLead(opts: { input: LeadInput; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.createLead');
  const now = ctx.clock.now();
  const def = ctx.processes.current();
  const { input } = opts;
  let customerName = input.customerName;
  if (input.customerId) {
    const c = await findCustomer(tx, input.customerId);
    if (!c) throw fieldError('customerId', 'field.unknown_customer');
    customerName = c.name;
  }
  const year = shanghaiYear(now);
  const prefix = def.caseNumbering.lead;
  const lead = await repo.insertLead(tx, {
    id: crypto.randomUUID(), number: formatDocNumber(prefix, year, await nextSequence(tx, prefix, year)),
    referrerId: opts.actor.id, customerId: input.customerId ?? null, customerName, contactPerson: input.contactPerson ?? null,
    phone: input.phone ?? null, need: input.need, claimedClass: input.claimedClass, justification: input.justification ?? null,
    state: 'new', createdAt: now, updatedAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'lead.create', entity: 'lead', entityId: lead.id, after: presentLead(lead) });
  return presentLead(lead);
}

export async function listLeads(opts: { actor: Actor; state?: string }, tx: Tx) {
  const all = can(opts.actor, 'people.readAllLeads');
  const rows = await repo.listLeads(tx, { userId: all ? undefined : opts.actor.id, state: opts.state });
  const names = await peopleOf(tx, rows.flatMap((l) => [l.referrerId, l.salespersonId]));
  return { items: rows.map((l) => ({ ...presentLead(l), referrerName: names[l.referrerId] ?? null, salespersonName: l.salespersonId ? names[l.salespersonId] ?? null : null })) };
}

async function peopleOf(tx: Tx, ids: (string | null)[]) {
  const rows = await repo.userNames(tx, [...new Set(ids.filter((i): i is string => !!i))]);
  return Object.fromEntries(rows.map((u) => [u.id, u.displayName])) as Record<string, string>;
}

async function triageable(tx: Tx, actor: Actor, id: string) {
  authorize(actor, 'people.triageLead');
  const lead = await repo.findLead(tx, id, true);
  if (!lead) throw notFound('lead');
  if (lead.state !== 'new') throw conflict('lead.not_new', { state: lead.state });
  return lead;
}

/** The sales manager confirms or changes the class and gives the lead to a salesperson: the lead
 *  becomes a case (a new customer is recorded from the lead) with the `lead_contact` step(s). */
export async function acceptLead(opts: { id: string; salespersonId: string; class: LeadClass; classReason?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const lead = await triageable(tx, opts.actor, opts.id);
  if (opts.class !== lead.claimedClass && !opts.classReason) throw fieldError('classReason', 'lead.class_reason_required');
  const [sp] = await repo.userNames(tx, [opts.salespersonId]);
  if (!sp || !sp.active) throw fieldError('salespersonId', 'field.unknown_user');
  if (!sp.roles.includes('sales')) throw fieldError('salespersonId', 'field.user_lacks_role', { role: 'sales' });
  const now = ctx.clock.now();
  const def = ctx.processes.current();
  let customerId = lead.customerId;
  if (!customerId) {
    const phone = lead.phone ?? '';
    const c = await insertCustomer(tx, {
      id: crypto.randomUUID(), name: lead.customerName, address: '', contactPerson: lead.contactPerson ?? '', phone, phoneDigits: phoneDigits(phone),
      createdAt: now, updatedAt: now,
    });
    customerId = c.id;
    await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'customer.create', entity: 'customer', entityId: c.id, caseId: c.id, after: { name: c.name, fromLead: lead.number } });
  }
  const updated = (await repo.updateLead(tx, lead.id, {
    state: 'accepted', class: opts.class, classReason: opts.classReason ?? null, salespersonId: sp.id, customerId, updatedAt: now,
  }))!;
  await insertCase(tx, {
    id: lead.id, type: 'lead', number: lead.number, customerId, ownerId: sp.id, state: 'new', definitionVersion: def.version, createdAt: now, updatedAt: now,
  });
  const calendar = await ctx.calendars.get(tx);
  const tasks = await startCase({ def, start: 'lead', c: (await loadCase(tx, 'lead', lead.id))!, now, calendar, actor: opts.actor }, tx);
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'lead.accept', entity: 'lead', entityId: lead.id, caseId: lead.id, before: presentLead(lead), after: presentLead(updated) });
  await notifyUser(tx, { userId: sp.id, kind: 'lead_accepted', taskId: tasks[0]?.id ?? null, caseId: lead.id, message: `线索 ${lead.number}（${lead.customerName}）已分配给您，请在 1 个工作日内联系客户`, now });
  await notifyUser(tx, { userId: lead.referrerId, kind: 'lead_accepted', caseId: lead.id, message: `您提交的线索 ${lead.number} 已被受理（${opts.class} 类）`, now });
  return presentLead(updated);
}

export async function rejectLead(opts: { id: string; reason: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const lead = await triageable(tx, opts.actor, opts.id);
  const now = ctx.clock.now();
  const updated = (await repo.updateLead(tx, lead.id, { state: 'rejected', rejectReason: opts.reason, updatedAt: now }))!;
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'lead.reject', entity: 'lead', entityId: lead.id, before: presentLead(lead), after: presentLead(updated) });
  await notifyUser(tx, { userId: lead.referrerId, kind: 'lead_rejected', message: `您提交的线索 ${lead.number} 未被受理：${opts.reason}`, now });
  return presentLead(updated);
}

/** POST /deals {leadId}: the salesperson the lead was given to opens the deal for the lead's
 *  customer; the lead is converted and its contact task closes. */
export async function convertLead(opts: { leadId: string; dealId: string; customerId: string; actor: Actor; now: Date }, tx: Tx) {
  const lead = await repo.findLead(tx, opts.leadId, true);
  if (!lead) throw fieldError('leadId', 'lead.unknown');
  if (lead.state !== 'accepted') throw conflict('lead.not_accepted', { state: lead.state });
  if (lead.salespersonId !== opts.actor.id) throw forbidden('lead.not_yours');
  if (lead.customerId !== opts.customerId) throw fieldError('customerId', 'lead.other_customer');
  const updated = (await repo.updateLead(tx, lead.id, { state: 'converted', dealId: opts.dealId, updatedAt: opts.now }))!;
  for (const t of await openTasksOfCase(tx, lead.id)) {
    await closeTask(tx, t.id, { outcome: 'converted', completedAt: opts.now, completedBy: opts.actor.id });
  }
  const c = await loadCase(tx, 'lead', lead.id);
  if (c) await setCaseState(tx, c, 'converted', opts.now, true);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'lead.convert', entity: 'lead', entityId: lead.id, caseId: opts.dealId, before: presentLead(lead), after: presentLead(updated) });
  await notifyUser(tx, { userId: lead.referrerId, kind: 'lead_converted', caseId: lead.id, message: `您提交的线索 ${lead.number} 已立项`, now: opts.now });
}

/** The sales manager overrides the salesperson's income percentage of one deal, with a reason. */
export async function overrideIncomePct(opts: { id: string; pct: number; reason: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.triageLead');
  const lead = await repo.findLead(tx, opts.id, true);
  if (!lead) throw notFound('lead');
  const locked = (await repo.approvedMonths(tx)).find((m) => (m.lines as CommissionLine[]).some((l) => l.leadId === lead.id));
  if (locked) throw conflict('commission.month_locked', { month: locked.month });
  const now = ctx.clock.now();
  const updated = (await repo.updateLead(tx, lead.id, { incomePct: opts.pct, incomePctReason: opts.reason, updatedAt: now }))!;
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'lead.incomePct', entity: 'lead', entityId: lead.id, before: { incomePct: lead.incomePct }, after: { incomePct: opts.pct, reason: opts.reason } });
  return presentLead(updated);
}

// ---- commission statements

export interface CommissionLine {
  leadId: string; leadNumber: string; dealId: string; dealNumber: string | null; customerName: string;
  referrerId: string; salespersonId: string; class: LeadClass; amountFen: number; salesIncomePct: number;
  incomePctReason: string | null; pct: number; baseFen: number; commissionFen: number;
  signedAt: string; installedAt: string | null; state: 'pending' | 'due' | 'paid'; paidAt: string | null;
}

export async function salesIncomePct(tx: Tx): Promise<number> {
  const v = await getSetting(tx, SALES_INCOME_PCT_KEY);
  return typeof v === 'number' ? v : DEFAULT_SALES_INCOME_PCT;
}

export async function setSalesIncomePct(opts: { pct: number; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.commissionSettings');
  const now = ctx.clock.now();
  const before = await salesIncomePct(tx);
  await putSetting(tx, SALES_INCOME_PCT_KEY, opts.pct, now);
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'settings.salesIncomePct', entity: 'settings', entityId: SALES_INCOME_PCT_KEY, before: { salesIncomePct: before }, after: { salesIncomePct: opts.pct } });
  return { salesIncomePct: opts.pct };
}

const within = (t: Date | null | undefined, p: Period) => !!t && t >= p.from && t < p.to;

/** The lines of a month from the source records: leads signed or due (installed) in it; a line is
 *  due once its deal is installed by the month's end, paid once administration paid it. */
async function computeLines(tx: Tx, ctx: AppContext, period: Period): Promise<CommissionLine[]> {
  const defaultPct = await salesIncomePct(tx);
  const rows = await repo.convertedLeads(tx);
  const done = await repo.doneTasksOf(tx, rows.map((r) => r.lead.dealId!));
  const paid = new Map((await repo.payments(tx, rows.map((r) => r.lead.id))).map((p) => [p.leadId, p]));
  const out: CommissionLine[] = [];
  for (const r of rows) {
    const def = await ctx.processes.get(r.definitionVersion ?? ctx.processes.current().version, tx);
    const signed = done.filter((t) => t.caseId === r.lead.dealId && t.outcome && def.steps[t.step]?.outcomes[t.outcome]?.means === 'won')
      .map((t) => t.completedAt!).sort((a, b) => a.getTime() - b.getTime())[0];
    if (!signed || r.amountFen === null) continue;
    const installedAt = r.dealState === 'installed' ? r.closedAt : null;
    if (!within(signed, period) && !within(installedAt, period)) continue;
    const pctUsed = r.lead.incomePct ?? defaultPct;
    const c = commissionOf({ amountFen: r.amountFen, salesIncomePct: pctUsed, class: (r.lead.class ?? r.lead.claimedClass) as LeadClass });
    const payment = paid.get(r.lead.id);
    const due = !!installedAt && installedAt < period.to;
    out.push({
      leadId: r.lead.id, leadNumber: r.lead.number, dealId: r.lead.dealId!, dealNumber: r.dealNumber, customerName: r.customerName,
      referrerId: r.lead.referrerId, salespersonId: r.lead.salespersonId!, class: (r.lead.class ?? r.lead.claimedClass) as LeadClass,
      amountFen: r.amountFen, salesIncomePct: pctUsed, incomePctReason: r.lead.incomePctReason, ...c,
      signedAt: signed.toISOString(), installedAt: installedAt?.toISOString() ?? null,
      state: payment ? 'paid' : due ? 'due' : 'pending', paidAt: payment?.paidAt.toISOString() ?? null,
    });
  }
  return out.sort((a, b) => a.signedAt.localeCompare(b.signedAt) || a.leadNumber.localeCompare(b.leadNumber));
}

function monthPeriod(month: string): Period {
  const p = parseMonth(month);
  if (!p) throw fieldError('month', 'field.invalid', { detail: 'YYYY-MM' });
  return p;
}

/** A month's statement: the approved lines once the GM approved it (payments still show), else live. */
export async function commissionStatement(opts: { month: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.readCommissions');
  const period = monthPeriod(opts.month);
  const approved = await repo.findMonth(tx, opts.month);
  let lines: CommissionLine[];
  if (approved) {
    const paid = new Map((await repo.payments(tx, (approved.lines as CommissionLine[]).map((l) => l.leadId))).map((p) => [p.leadId, p]));
    lines = (approved.lines as CommissionLine[]).map((l) => {
      const p = paid.get(l.leadId);
      return p && l.state === 'due' ? { ...l, state: 'paid' as const, paidAt: p.paidAt.toISOString() } : l;
    });
  } else lines = await computeLines(tx, ctx, period);
  if (!can(opts.actor, 'people.readAllCommissions')) lines = lines.filter((l) => l.referrerId === opts.actor.id || l.salespersonId === opts.actor.id);
  const names = await peopleOf(tx, lines.flatMap((l) => [l.referrerId, l.salespersonId, approved?.approvedBy ?? null]));
  return {
    month: opts.month,
    salesIncomePct: await salesIncomePct(tx),
    approved: approved ? { at: approved.approvedAt.toISOString(), by: approved.approvedBy, byName: names[approved.approvedBy] ?? null } : null,
    items: lines.map((l) => ({
      ...l, referrerName: names[l.referrerId] ?? null, salespersonName: names[l.salespersonId] ?? null,
      // the salesperson's statement shows the same amount as a deduction from their income
      deductionFen: l.salespersonId === opts.actor.id ? l.commissionFen : null,
    })),
  };
}

export async function approveCommissionMonth(opts: { month: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.approveCommissions');
  const period = monthPeriod(opts.month);
  const now = ctx.clock.now();
  if (now < period.to) throw conflict('commission.month_not_over', { month: opts.month });
  const lines = await computeLines(tx, ctx, period);
  const row = await repo.insertMonth(tx, { month: opts.month, approvedAt: now, approvedBy: opts.actor.id, lines });
  if (!row) throw conflict('commission.month_locked', { month: opts.month });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'commission.approve', entity: 'commission_month', entityId: opts.month, after: { lines: lines.length, totalFen: lines.reduce((s, l) => s + l.commissionFen, 0) } });
  return commissionStatement({ month: opts.month, actor: opts.actor }, tx, ctx);
}

export async function payCommission(opts: { month: string; leadId: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'people.payCommissions');
  monthPeriod(opts.month);
  const approved = await repo.findMonth(tx, opts.month);
  if (!approved) throw conflict('commission.month_not_approved', { month: opts.month });
  const line = (approved.lines as CommissionLine[]).find((l) => l.leadId === opts.leadId);
  if (!line) throw notFound('commission');
  if (line.state !== 'due') throw conflict('commission.not_due');
  const now = ctx.clock.now();
  const row = await repo.insertPayment(tx, { leadId: line.leadId, month: opts.month, paidAt: now, paidBy: opts.actor.id });
  if (!row) throw conflict('commission.already_paid');
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'commission.pay', entity: 'lead', entityId: line.leadId, after: { month: opts.month, commissionFen: line.commissionFen, referrerId: line.referrerId } });
  return commissionStatement({ month: opts.month, actor: opts.actor }, tx, ctx);
}

