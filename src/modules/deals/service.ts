// Pre-sales deals (seed chapter 1): the survey starts a deal; the task engine runs the steps.
import { shanghaiDate } from '../../domain/iso.js';
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { badRequest, conflict, fieldError, forbidden, notFound, zodDetails } from '../../server/errors.js';
import { hasRole } from '../../policies/actor.js';
import { authorize, can } from '../../policies/index.js';
import { maskCopiedFields } from '../../policies/form.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';
import { stepsOfKind, type ProcessDefinition } from '../../domain/process/definition.js';
import { formInputSchema } from '../../domain/process/fields.js';
import { formatDocNumber } from '../../domain/numbering.js';
import { shanghaiYear, startOfShanghaiDay } from '../../domain/process/engine.js';
import { appendAudit, auditOfCase } from '../audit/service.js';
import { createDocument, markSuperseded, presentDocument, presentDocumentFor, readableDocumentsOfCase } from '../documents/service.js';
import { nextSequence } from '../documents/repo.js';
import { findCustomer } from '../customers/repo.js';
import { presentCustomer } from '../customers/service.js';
import { presentTaskFor, startCase } from '../tasks/service.js';
import { tasksOfCase } from '../tasks/repo.js';
import { loadCase } from '../tasks/cases.js';
import { usersWithRole } from '../users/repo.js';
import { notifyRole, notifyUser } from '../notifications/service.js';
import { convertLead } from '../leads/service.js';
import * as repo from './repo.js';

const DAY_MS = 86_400_000;
/** states in which a deal has ended; everything else is a running deal */
export const DEAL_END_STATES = ['installed', 'dropped', 'lost'];
const NEGOTIATION_KIND_ZH: Record<string, string> = {
  price_cut: '降价要求', contract_change: '合同修改', policy_adjustment: '经理政策调整', other: '其他',
};

/** Seed step B: the second meeting `days` after the first visit, on the next working day
 *  when that falls on a weekend or holiday (same time of day). */
export function proposeSecondMeeting(firstVisit: Date, days: number, calendar: WorkCalendar): Date {
  let at = new Date(firstVisit.getTime() + days * DAY_MS);
  for (let i = 0; i < 60 && !calendar.dayInfo(shanghaiDate(at)).workday; i++) at = new Date(at.getTime() + DAY_MS);
  return at;
}

/** The form that starts a deal (form 1): the survey of the first visit. */

/** A negotiation is long once it has run more than the negotiation step's `longAfterDays` working days. */
const longAfterDays = (def: ProcessDefinition) => stepsOfKind(def, 'negotiation').map((k) => def.steps[k].longAfterDays).find((d) => d !== undefined);

export function isLongNegotiation(def: ProcessDefinition, calendar: WorkCalendar, since: Date | undefined, now: Date): boolean {
  const longAfter = longAfterDays(def);
  return !!(since && longAfter !== undefined && calendar.workingTimeBetween(since, now, 'standard') > longAfter);
}

/** The latest start at which a negotiation is long at `now` (isLongNegotiation), so a query can
 *  test `started <= cutoff`; undefined when the definition sets no limit, or nothing can be long.
 *  The working time since a start only shrinks as the start moves later: a binary search over
 *  milliseconds finds the edge. */
export function longNegotiationCutoff(def: ProcessDefinition, calendar: WorkCalendar, now: Date): Date | undefined {
  const longAfter = longAfterDays(def);
  if (longAfter === undefined) return undefined;
  const long = (since: number) => calendar.workingTimeBetween(new Date(since), now, 'standard') > longAfter;
  const DAY = 86_400_000;
  let hi = now.getTime();
  if (long(hi)) return now;
  let lo = hi - (longAfter * 2 + 31) * DAY;
  for (let years = 0; !long(lo); years++) {
    if (years > 20) return undefined; // a calendar without working time
    lo -= 365 * DAY;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (long(mid)) lo = mid; else hi = mid;
  }
  return new Date(lo);
}

export function presentDeal(d: repo.DealRow) {
  return {
    id: d.id, number: d.number, state: d.state, customerId: d.customerId, ownerId: d.ownerId,
    definitionVersion: d.definitionVersion, secondMeetingAt: d.secondMeetingAt?.toISOString() ?? null,
    endReason: d.endReason, competitor: d.competitor, paymentModel: d.paymentModel, amountFen: d.amountFen,
    createdAt: d.createdAt.toISOString(), updatedAt: d.updatedAt.toISOString(),
  };
}

/** A deal as the actor may see it: the contract's amount and payment model only for its readers. */
export function presentDealFor(actor: Actor, def: ProcessDefinition | undefined, d: repo.DealRow) {
  return maskCopiedFields(actor, def, presentDeal(d));
}

/** What the actor may do on a deal's page (the web shows buttons from these). */
export function dealAbilities(actor: Actor, d: repo.DealRow) {
  const c = { type: 'deal', ownerId: d.ownerId };
  return {
    negotiate: can(actor, 'case.negotiate', c), adjustPolicy: can(actor, 'case.adjustPolicy'),
    scheduleMeeting: can(actor, 'case.scheduleMeeting', c) && !DEAL_END_STATES.includes(d.state),
    purchases: can(actor, 'case.purchases'), procure: can(actor, 'case.procure'), audit: can(actor, 'audit.read'),
  };
}

export async function createDeal(opts: { customerId: string; survey: unknown; leadId?: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const def = ctx.processes.current();
  const surveyInput = formInputSchema(def.forms[def.openingForms.deal]).safeParse(opts.survey);
  if (!surveyInput.success) throw badRequest(zodDetails(surveyInput.error.issues, 'survey'), 'survey.invalid');
  const customer = await findCustomer(tx, opts.customerId);
  if (!customer) throw fieldError('customerId', 'field.unknown_customer');
  const calendar = await ctx.calendars.get(tx);
  const year = shanghaiYear(now);
  const prefix = def.caseNumbering.deal;
  const deal = await repo.insertDeal(tx, {
    id: crypto.randomUUID(), number: formatDocNumber(prefix, year, await nextSequence(tx, prefix, year)),
    customerId: customer.id, ownerId: opts.actor.id, state: 'new', definitionVersion: def.version,
    secondMeetingAt: proposeSecondMeeting(now, def.secondMeetingAfterDays, calendar), createdAt: now, updatedAt: now,
  });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'deal.create', entity: 'deal', entityId: deal.id, caseId: deal.id, after: presentDeal(deal) });
  if (opts.leadId) await convertLead({ leadId: opts.leadId, dealId: deal.id, customerId: customer.id, actor: opts.actor, now }, tx);
  const survey = await createDocument({
    def, form: def.openingForms.deal, caseType: 'deal', caseId: deal.id, customerId: customer.id, fields: surveyInput.data, actor: opts.actor, now,
  }, tx);
  const c = (await loadCase(tx, 'deal', deal.id))!;
  const tasks = await startCase({ def, start: 'deal', c, now, calendar, actor: opts.actor }, tx);
  return {
    ...presentDealFor(opts.actor, def, { ...deal, state: tasks[0]?.step ?? deal.state }),
    documents: [presentDocument(survey)],
    tasks: tasks.map((t) => presentTaskFor(opts.actor, def, t, now, calendar)),
  };
}

export async function dealPage(opts: { id: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const deal = await repo.findDeal(tx, opts.id);
  if (!deal) throw notFound('deal');
  authorize(opts.actor, 'case.read', { type: 'deal', ownerId: deal.ownerId }, 'deal');
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const def = await ctx.processes.get(deal.definitionVersion, tx);
  const [customer, unordered, docs, log, history] = [
    await findCustomer(tx, deal.customerId), await tasksOfCase(tx, 'deal', deal.id),
    await readableDocumentsOfCase(tx, opts.actor, deal.id, ctx), await repo.negotiationEntries(tx, deal.id),
    await auditOfCase(tx, deal.id, { actor: opts.actor, def, scope: { caseType: 'deal' } }),
  ];
  // the timeline in the order the steps were opened (the audit is sequential; timestamps tie
  // when the manual clock stands still)
  const openedAt = new Map(history.filter((h) => h.action === 'task.open').map((h, i) => [h.entityId, i]));
  const tasks = [...unordered].sort((a, b) => (openedAt.get(a.id) ?? Infinity) - (openedAt.get(b.id) ?? Infinity) || a.createdAt.getTime() - b.createdAt.getTime());
  const negotiationSteps = stepsOfKind(def, 'negotiation');
  const negotiation = tasks.find((t) => negotiationSteps.includes(t.step) && t.status === 'open');
  // who is who on the timeline: owner, assignees, completers, log authors
  const ids = new Set<string>([deal.ownerId]);
  for (const t of tasks) for (const id of [t.assigneeId, t.completedBy, ...t.assigneeIds]) if (id) ids.add(id);
  for (const e of log) ids.add(e.actorId);
  for (const h of history) if (h.actorId) ids.add(h.actorId);
  const people = Object.fromEntries((await repo.userNames(tx, [...ids])).map((u) => [u.id, u.displayName]));
  return {
    ...presentDealFor(opts.actor, def, deal),
    abilities: dealAbilities(opts.actor, deal),
    customer: customer ? presentCustomer(customer) : null,
    documents: markSuperseded(await Promise.all(docs.map((d) => presentDocumentFor(tx, opts.actor, d, ctx)))),
    tasks: tasks.map((t) => ({ ...presentTaskFor(opts.actor, def, t, now, calendar), label: def.steps[t.step]?.label.zh ?? t.step, labels: def.steps[t.step]?.label ?? null })),
    history,
    negotiationLog: log.map(presentNegotiationEntry),
    longNegotiation: isLongNegotiation(def, calendar, negotiation?.createdAt, now),
    negotiationSince: negotiation?.createdAt.toISOString() ?? null,
    people,
  };
}

/** The deal list (kanban/list of deals by state), with long negotiations flagged. */
export async function listDealsView(
  opts: { actor: Actor; state?: string; q?: string; ownerId?: string; limit: number; offset: number }, tx: Tx, ctx: AppContext,
) {
  const now = ctx.clock.now();
  const { items, ...counted } = await repo.listDeals(tx, opts);
  const negotiationSteps = await ctx.processes.stepKeys('negotiation', tx);
  const negotiating = items.filter((r) => negotiationSteps.includes(r.deal.state)).map((r) => r.deal.id);
  const since = new Map((await repo.openStepTasksOfDeals(tx, negotiationSteps, negotiating)).map((t) => [t.caseId, t.createdAt]));
  const calendar = await ctx.calendars.get(tx);
  const out = [];
  for (const r of items) {
    const def = await ctx.processes.get(r.deal.definitionVersion, tx);
    out.push({ ...presentDealFor(opts.actor, def, r.deal), customerName: r.customerName, longNegotiation: isLongNegotiation(def, calendar, since.get(r.deal.id), now) });
  }
  return { items: out, ...counted };
}

function presentNegotiationEntry(e: Awaited<ReturnType<typeof repo.negotiationEntries>>[number]) {
  return { id: e.id, kind: e.kind, note: e.note, actorId: e.actorId, at: e.at.toISOString() };
}

/** Negotiation log (seed step H): customer moves by the salesperson (reported to the business
 *  manager as they happen) and policy adjustments by the business manager or GM. */
export async function addNegotiationEntry(opts: { dealId: string; kind: string; note: string; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const deal = await repo.findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  const allowed = opts.kind === 'policy_adjustment' ? can(opts.actor, 'case.adjustPolicy') : can(opts.actor, 'case.negotiate', { type: 'deal', ownerId: deal.ownerId });
  if (!allowed) {
    throw forbidden(opts.kind === 'policy_adjustment' ? 'deal.policy_managers_only' : 'deal.moves_owner_only');
  }
  // moves are logged from the delivery of the proposal until the negotiation ends
  const kind = (await ctx.processes.get(deal.definitionVersion, tx)).steps[deal.state]?.kind;
  if (kind !== 'negotiation' && kind !== 'delivery') {
    throw conflict('deal.not_negotiating', { state: deal.state });
  }
  const e = await repo.insertNegotiationEntry(tx, { id: crypto.randomUUID(), dealId: deal.id, kind: opts.kind, note: opts.note, actorId: opts.actor.id, at: now });
  await appendAudit(tx, { at: now, actorId: opts.actor.id, action: 'deal.negotiation', entity: 'deal', entityId: deal.id, caseId: deal.id, after: { kind: e.kind, note: e.note } });
  const kindZh = NEGOTIATION_KIND_ZH[opts.kind] ?? opts.kind;
  if (opts.kind === 'policy_adjustment') {
    // the salesperson hears of the manager's adjustment
    if (deal.ownerId !== opts.actor.id) {
      await notifyUser(tx, { userId: deal.ownerId, kind: 'negotiation', caseId: deal.id, message: `${deal.number} ${kindZh}：${opts.note}`, now });
    }
  } else {
    // the business manager sees each customer move as it happens
    await notifyRole(tx, { role: 'sales_manager', kind: 'negotiation', caseId: deal.id, message: `${deal.number} 谈判动态（${kindZh}）：${opts.note}`, now });
  }
  return presentNegotiationEntry(e);
}

/** Seed step B: the salesperson (or the business manager) moves the proposed second meeting. */
export async function setSecondMeeting(opts: { dealId: string; at: Date; actor: Actor }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const deal = await repo.findDeal(tx, opts.dealId);
  if (!deal) throw notFound('deal');
  if (!can(opts.actor, 'case.scheduleMeeting', { type: 'deal', ownerId: deal.ownerId })) {
    throw forbidden('deal.change_owner_only');
  }
  if (DEAL_END_STATES.includes(deal.state)) throw conflict('deal.ended', { state: deal.state });
  if (opts.at < deal.createdAt) throw fieldError('secondMeetingAt', 'field.not_before', { other: 'firstVisit' });
  const updated = await repo.updateDeal(tx, deal.id, { secondMeetingAt: opts.at, updatedAt: now });
  await appendAudit(tx, {
    at: now, actorId: opts.actor.id, action: 'deal.secondMeeting', entity: 'deal', entityId: deal.id, caseId: deal.id,
    before: { secondMeetingAt: deal.secondMeetingAt?.toISOString() ?? null }, after: { secondMeetingAt: opts.at.toISOString() },
  });
  return presentDealFor(opts.actor, await ctx.processes.get(updated.definitionVersion, tx), updated);
}

/** The salesperson's coming second meetings (today onwards, `days` ahead); managers may see everyone's. */
export async function upcomingMeetings(opts: { actor: Actor; days: number; all: boolean }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const all = opts.all && hasRole(opts.actor, 'sales_manager', 'gm');
  if (!all && !hasRole(opts.actor, 'sales')) return { items: [] };
  const from = startOfShanghaiDay(now);
  const rows = await repo.dealsWithMeetingBetween(tx, {
    from, to: new Date(from.getTime() + (opts.days + 1) * DAY_MS - 1), ownerId: all ? undefined : opts.actor.id, endStates: DEAL_END_STATES,
  });
  return {
    items: rows.map((r) => ({
      dealId: r.deal.id, number: r.deal.number, state: r.deal.state, ownerId: r.deal.ownerId,
      customerId: r.deal.customerId, customerName: r.customerName, contactPerson: r.contactPerson, phone: r.phone, address: r.address,
      secondMeetingAt: r.deal.secondMeetingAt!.toISOString(),
      today: shanghaiDate(r.deal.secondMeetingAt!) === shanghaiDate(now),
      past: r.deal.secondMeetingAt! < now,
    })),
  };
}

/** The business manager's pipeline (PROCESS §6): per salesperson the deals by state, long
 *  negotiations, and lost deals with their reasons and competitors. */
/** The pipeline report lists this many long negotiations, the longest first. */
export const LONG_NEGOTIATIONS_LISTED = 200;

/** Long negotiations at `now`: how many per salesperson, and the `limit` oldest. They are
 *  tested in SQL: per definition version, started at or before its cutoff. */
export async function longNegotiationsAt(now: Date, limit: number, tx: Tx, ctx: AppContext) {
  const calendar = await ctx.calendars.get(tx);
  const cutoffs = new Map<number, repo.LongCutoff>();
  for (const v of await repo.definitionVersions(tx)) {
    const cutoff = longNegotiationCutoff(await ctx.processes.get(v, tx), calendar, now);
    if (!cutoff) continue;
    const same = cutoffs.get(cutoff.getTime());
    if (same) same.versions.push(v); else cutoffs.set(cutoff.getTime(), { versions: [v], cutoff });
  }
  return repo.longNegotiations(tx, await ctx.processes.stepKeys('negotiation', tx), [...cutoffs.values()], limit);
}

export async function pipelineReport(opts: { actor: Actor; from?: Date; to?: Date }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.pipeline');
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(tx);
  const [salesUsers, counts, long, ended] = [
    await usersWithRole(tx, 'sales'), await repo.dealCountsByOwnerAndState(tx),
    await longNegotiationsAt(now, LONG_NEGOTIATIONS_LISTED, tx, ctx),
    await repo.endedDeals(tx, ['lost', 'dropped'], { from: opts.from, to: opts.to, limit: 500 }),
  ];
  const owners = new Map<string, { ownerId: string; displayName: string; byState: Record<string, number>; total: number; open: number; lost: number; dropped: number; longNegotiations: number }>();
  const ownerRow = (id: string, displayName: string) => {
    let o = owners.get(id);
    if (!o) owners.set(id, o = { ownerId: id, displayName, byState: {}, total: 0, open: 0, lost: 0, dropped: 0, longNegotiations: 0 });
    return o;
  };
  for (const u of salesUsers) ownerRow(u.id, u.displayName);
  const names = new Map((await repo.userNames(tx, [...new Set(counts.map((c) => c.ownerId))])).map((u) => [u.id, u.displayName]));
  for (const c of counts) {
    const o = ownerRow(c.ownerId, names.get(c.ownerId) ?? c.ownerId);
    o.byState[c.state] = (o.byState[c.state] ?? 0) + c.n;
    o.total += c.n;
    if (!DEAL_END_STATES.includes(c.state)) o.open += c.n;
    if (c.state === 'lost') o.lost += c.n;
    if (c.state === 'dropped') o.dropped += c.n;
  }
  const longNames = new Map((await repo.userNames(tx, long.byOwner.map((o) => o.ownerId))).map((u) => [u.id, u.displayName]));
  for (const o of long.byOwner) ownerRow(o.ownerId, longNames.get(o.ownerId) ?? o.ownerId).longNegotiations += o.n;
  const longNegotiations = long.oldest.map((r) => ({
    dealId: r.deal.id, number: r.deal.number, customerId: r.deal.customerId, customerName: r.customerName,
    ownerId: r.deal.ownerId, ownerName: r.ownerName, since: r.since.toISOString(),
    workingDays: Math.round(calendar.workingTimeBetween(r.since, now, 'standard') * 10) / 10,
  }));
  const endedView = (r: (typeof ended)[number]) => ({
    dealId: r.deal.id, number: r.deal.number, customerId: r.deal.customerId, customerName: r.customerName,
    ownerId: r.deal.ownerId, ownerName: r.ownerName, step: r.endedStep, reason: r.deal.endReason, competitor: r.deal.competitor,
    endedAt: (r.endedAt ?? r.deal.updatedAt).toISOString(),
  });
  const lostDeals = ended.filter((r) => r.deal.state === 'lost').map(endedView);
  const competitors = new Map<string, number>();
  for (const l of lostDeals) if (l.competitor) competitors.set(l.competitor, (competitors.get(l.competitor) ?? 0) + 1);
  return {
    asOf: now.toISOString(),
    salespeople: [...owners.values()].sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh')),
    // the longest LONG_NEGOTIATIONS_LISTED; every one is counted on its salesperson's row
    longNegotiationsTotal: long.byOwner.reduce((n, o) => n + o.n, 0),
    longNegotiations,
    lostDeals,
    droppedDeals: ended.filter((r) => r.deal.state === 'dropped').map(endedView),
    competitors: [...competitors.entries()].map(([competitor, lost]) => ({ competitor, lost })).sort((a, b) => b.lost - a.lost),
  };
}
