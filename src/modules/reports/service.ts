// Management reports: the weekly summary (周总结会) and the partner settlement.
import { pausesInPeriod } from '../tickets/pause.js';
import { findTicket } from '../tickets/repo.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { formsComputedBy, formsOfKind, outcomesMeaning, stepsOfKind, type OutcomeMeaning, type ProcessDefinition } from '../../domain/process/definition.js';
import { maskCopiedFields, mayReadCompletion } from '../../policies/form.js';
import { notFound } from '../../server/errors.js';
import { breachVerdicts } from '../tickets/service.js';
import type { BreachOwner } from '../tickets/breach.js';
import { REPAIR_RECORD_EFFECT, type ComplaintEntry } from '../tickets/effects.js';
import type { Period } from './period.js';
import type { ProcessService } from '../process/service.js';
import * as repo from './repo.js';
import { reportCaseByNumber, reportNumber } from '../feedback/repo.js';

// the reports find steps by their kind and outcomes by their meaning (tags of the definition), so a
// renamed step or outcome keeps its reports
const meaning = async (processes: ProcessService, tx: Tx, means: OutcomeMeaning) => new Set(await processes.keysAcross(tx, (def) => outcomesMeaning(def, means)));

/** satisfied / total as a fraction with 4 decimals; null when there is nothing to rate. */
const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
const iso = (t: Date | null | undefined) => t?.toISOString() ?? null;

export interface Opinion {
  source: 'follow_up' | 'revisit';
  at: string;
  customerId: string;
  customerName: string | null;
  ticketNumber: string | null;
  satisfied: boolean | null;
  problemFound: boolean | null;
  opinion: string;
  by: string | null;
}

export async function weeklySummary(opts: { period: Period; now: Date; processes: ProcessService }, tx: Tx) {
  const { from, to } = opts.period;
  const steps = async (kind: Parameters<ProcessService['stepKeys']>[0]) => opts.processes.stepKeys(kind, tx);
  const [isSatisfied, isUnsatisfied, isWon, isLost] = await Promise.all((['satisfied', 'unsatisfied', 'won', 'lost'] as const).map((m) => meaning(opts.processes, tx, m)));
  const [opened, closed] = [await repo.ticketsOpenedByKind(tx, from, to), await repo.ticketsClosedIn(tx, from, to)];
  const openedOf = (kind?: string) => opened.filter((r) => !kind || r.kind === kind).reduce((n, r) => n + r.n, 0);
  const overdueAt = new Date(Math.min(to.getTime(), opts.now.getTime()));
  const overdueOpen = await repo.ticketsOverdueAt(tx, overdueAt);
  const overdueSteps = await repo.dealStepsOverdueAt(tx, overdueAt);

  // closed tickets: on time, excused by a special reason, or a breach against the late step's owner
  // (closed by the deadline is on time: only the late ones need their tasks read)
  const verdicts = await breachVerdicts(tx, closed.late.map((r) => r.ticket));
  const breaches: { ticketId: string; number: string; customerName: string; kind: string; dueAt: string; closedAt: string | null; owner: BreachOwner | null }[] = [];
  const excused: { ticketId: string; number: string; reason: string }[] = [];
  for (const r of closed.late) {
    const v = verdicts.get(r.ticket.id)!;
    if (v.status === 'excused') excused.push({ ticketId: r.ticket.id, number: r.ticket.number, reason: v.reason });
    else if (v.status === 'breach') {
      breaches.push({ ticketId: r.ticket.id, number: r.ticket.number, customerName: r.customerName, kind: r.ticket.kind, dueAt: r.ticket.dueAt.toISOString(), closedAt: iso(r.ticket.closedAt), owner: v.owner });
    }
  }
  const byOwner = new Map<string, { key: string; kind: string; id: string; name: string; count: number }>();
  for (const b of breaches) {
    const o = b.owner ?? { key: 'unknown', kind: 'role' as const, id: 'unknown', name: '未知' };
    const row = byOwner.get(o.key) ?? { key: o.key, kind: o.kind, id: o.id, name: o.name, count: 0 };
    row.count++;
    byOwner.set(o.key, row);
  }

  // follow-up calls: satisfaction, and the opinions the customers gave
  const followUps = await repo.completedStepIn(tx, await steps('follow_up'), from, to);
  const satisfied = followUps.filter((f) => isSatisfied.has(f.task.outcome ?? '')).length;
  const unsatisfied = followUps.filter((f) => isUnsatisfied.has(f.task.outcome ?? '')).length;
  const recordForms = await opts.processes.keysAcross(tx, (def) => formsComputedBy(def, REPAIR_RECORD_EFFECT));
  const records = await repo.documentsOfCases(tx, recordForms, [...new Set(followUps.map((f) => f.task.caseId))]);
  const entryOf = new Map<string, ComplaintEntry>();
  for (const d of records) for (const e of (d.fields.entries as ComplaintEntry[] | undefined) ?? []) if (e.followUpTaskId) entryOf.set(e.followUpTaskId, e);
  const opinions: Opinion[] = [];
  for (const f of followUps) {
    const text = entryOf.get(f.task.id)?.customerOpinion;
    if (!text) continue;
    opinions.push({
      source: 'follow_up', at: f.task.completedAt!.toISOString(), customerId: f.customerId, customerName: f.customerName,
      ticketNumber: f.ticketNumber, satisfied: isSatisfied.has(f.task.outcome ?? ''), problemFound: null, opinion: text, by: f.completedByName,
    });
  }

  // periodic revisits: how many, problems found, opinions
  const revisits = await repo.completedStepIn(tx, await steps('revisit'), from, to);
  const revisitForms = await opts.processes.keysAcross(tx, (def) => formsOfKind(def, 'revisit'));
  const revisitDocs = new Map((await repo.documentsOfTasks(tx, revisitForms, revisits.map((r) => r.task.id))).map((d) => [d.taskId, d.fields as { opinion?: string; problemFound?: boolean }]));
  let problemsFound = 0;
  for (const r of revisits) {
    const f = revisitDocs.get(r.task.id);
    if (f?.problemFound) problemsFound++;
    if (f?.opinion || f?.problemFound) {
      opinions.push({
        source: 'revisit', at: r.task.completedAt!.toISOString(), customerId: r.customerId, customerName: r.customerName,
        ticketNumber: null, satisfied: null, problemFound: !!f.problemFound, opinion: f.opinion ?? '', by: r.completedByName,
      });
    }
  }
  opinions.sort((a, b) => a.at.localeCompare(b.at));

  // deals won (contract signed) and lost in negotiation this week
  const ended = await repo.negotiationsEndedIn(tx, from, to, await steps('negotiation'));
  const dealItems = ended.filter((d) => isWon.has(d.task.outcome ?? '') || isLost.has(d.task.outcome ?? '')).map((d) => {
    const wonIt = isWon.has(d.task.outcome ?? '');
    return {
      dealId: d.deal.id, number: d.deal.number, customerName: d.customerName, ownerName: d.ownerName,
      outcome: wonIt ? 'won' as const : 'lost' as const, at: d.task.completedAt!.toISOString(),
      amountFen: wonIt ? d.deal.amountFen : null, paymentModel: wonIt ? d.deal.paymentModel : null,
      reason: wonIt ? null : d.deal.endReason, competitor: wonIt ? null : d.deal.competitor,
    };
  });
  const won = dealItems.filter((d) => d.outcome === 'won');

  // SLA pauses that held the clock this week (issue 16): breaches above already exclude them
  const pauses = await pausesInPeriod(tx, from, to);
  const pausedTickets = new Map((await Promise.all([...new Set(pauses.map((p) => p.ticketId))].map((id) => findTicket(tx, id)))).filter(Boolean).map((t) => [t!.id, t!]));
  const pauseItems = pauses.map((p) => ({
    ticketId: p.ticketId, number: pausedTickets.get(p.ticketId)?.number ?? '', reason: p.reason, pausedAt: p.pausedAt.toISOString(),
    resumedAt: iso(p.resumedAt), workingDays: p.workingDays,
  }));

  return {
    week: opts.period.key, from: from.toISOString(), to: to.toISOString(), generatedAt: opts.now.toISOString(),
    tickets: {
      opened: openedOf(),
      openedInquiries: openedOf('inquiry'),
      openedComplaints: openedOf('complaint'),
      closed: closed.total, closedOnTime: closed.onTime, closedLate: closed.total - closed.onTime,
      breaches: breaches.length, excused: excused.length, overdueOpen: overdueOpen.total,
    },
    breaches,
    breachesByOwner: [...byOwner.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    excused,
    // the oldest OVERDUE_LIST_MAX of each list; the counts are complete
    overdueOpen: overdueOpen.rows.map((r) => ({ ticketId: r.ticket.id, number: r.ticket.number, customerName: r.customerName, kind: r.ticket.kind, state: r.ticket.state, dueAt: r.ticket.dueAt.toISOString() })),
    // pre-sales and installation steps past their deadline at the week's end (issue 15 §8)
    overdueStepsTotal: overdueSteps.total,
    overdueSteps: overdueSteps.rows.map((r) => ({
      dealId: r.task.caseId, number: r.number ?? '', customerName: r.customerName, step: r.task.step,
      assigneeRole: r.task.assigneeRole, assigneeName: r.assigneeName, dueAt: r.task.dueAt!.toISOString(),
    })),
    satisfaction: { followUps: followUps.length, satisfied, unsatisfied, rate: rate(satisfied, satisfied + unsatisfied) },
    revisits: { generated: await repo.countStepOpenedIn(tx, await steps('revisit'), from, to), done: revisits.length, problemsFound },
    opinions,
    deals: { won: won.length, lost: dealItems.length - won.length, wonAmountFen: won.reduce((s, d) => s + (d.amountFen ?? 0), 0), items: dealItems },
    // the period's feedback report (客户反馈汇总) and its adjustments, once the sweep has opened it
    feedbackReport: await reportCaseByNumber(tx, reportNumber(opts.period.key)).then((c) => (c ? { caseId: c.id, number: c.number!, state: c.state } : null)),
    pauses: { count: pauseItems.length, workingDays: Math.round(pauseItems.reduce((s, p) => s + (p.workingDays ?? 0), 0) * 100) / 100, items: pauseItems },
  };
}
export type WeeklySummary = Awaited<ReturnType<typeof weeklySummary>>;

/** The summary as a reader may see it: customer opinions only from forms it reads (the
 *  complaint record, the revisit record), contract amounts only for readers of the contract. */
export function weeklySummaryFor(actor: Actor, def: ProcessDefinition, s: WeeklySummary): WeeklySummary {
  const outcomeOf = (means: OutcomeMeaning) => [...outcomesMeaning(def, means)][0];
  const readable = (o: Opinion) => (o.source === 'follow_up'
    ? stepsOfKind(def, 'follow_up').some((step) => mayReadCompletion(actor, def, step, outcomeOf(o.satisfied ? 'satisfied' : 'unsatisfied')))
    : stepsOfKind(def, 'revisit').some((step) => mayReadCompletion(actor, def, step, undefined)));
  return { ...s, opinions: s.opinions.filter(readable), deals: maskCopiedFields(actor, def, s.deals) };
}

/** A partner's month: repairs done, on time, customer satisfaction, and what we owe it. */
export async function partnerSettlement(opts: { partnerId: string; period: Period; processes: ProcessService }, tx: Tx) {
  const p = await repo.findPartnerRow(tx, opts.partnerId);
  if (!p) throw notFound('partner');
  const isSatisfied = await meaning(opts.processes, tx, 'satisfied');
  const rows = await repo.partnerRepairsIn(tx, { partnerId: p.id, repairSteps: await opts.processes.stepKeys('repair', tx), followUpSteps: await opts.processes.stepKeys('follow_up', tx), from: opts.period.from, to: opts.period.to });
  const items = rows.map((r) => ({
    taskId: r.task.id, ticketId: r.ticketId, ticketNumber: r.ticketNumber, customerName: r.customerName, engineerName: r.completedByName,
    dueAt: iso(r.task.dueAt), completedAt: iso(r.task.completedAt),
    onTime: !r.task.dueAt || r.task.completedAt! <= r.task.dueAt,
    satisfied: r.followUpStatus === 'done' ? isSatisfied.has(r.followUpOutcome ?? '') : null,
  }));
  const onTime = items.filter((i) => i.onTime).length;
  const followedUp = items.filter((i) => i.satisfied !== null).length;
  const satisfied = items.filter((i) => i.satisfied === true).length;
  return {
    partner: { id: p.id, name: p.name, certifiedUntil: p.certifiedUntil, ratePerRepairFen: p.ratePerRepairFen },
    month: opts.period.key, from: opts.period.from.toISOString(), to: opts.period.to.toISOString(),
    repairs: items.length, onTime, onTimeRate: rate(onTime, items.length),
    followedUp, satisfied, satisfactionRate: rate(satisfied, followedUp),
    ratePerRepairFen: p.ratePerRepairFen, amountFen: items.length * p.ratePerRepairFen,
    items,
  };
}
