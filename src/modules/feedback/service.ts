// The feedback cycle (seed summary; issue 13): each period the sweep opens a feedback report, a case
// of type `feedback` whose steps are data in the process definition (`starts.feedback_report`):
// the CS manager compiles the period's customer opinions, the GM reviews them and orders work
// adjustments, each one a task of that department's manager with a working-day deadline
// (escalated like any task); the last adjustment done closes the report.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import { formsOfKind, stepsOfKind } from '../../domain/process/definition.js';
import { copiesOf, mayReadForm } from '../../policies/form.js';
import type { Actor, AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { authorize } from '../../policies/index.js';
import { isoWeekOf, monthOf, parseIsoWeek, parseMonth, type Period } from '../reports/period.js';
import { ticketsOpenedIn } from '../reports/repo.js';
import { weeklySummary, weeklySummaryFor } from '../reports/service.js';
import { loadCase } from '../tasks/cases.js';
import { presentTask, startCase } from '../tasks/service.js';
import { readManagementSettings } from '../management/settings.js';
import * as repo from './repo.js';

const NUMBER_PREFIX = repo.reportNumber('');
const reportNumber = (period: Period) => repo.reportNumber(period.key);

/** The period a report number stands for (FR-2026-W10, FR-2026-03). */
export function periodOfNumber(number: string | null): Period | null {
  const key = number?.startsWith(NUMBER_PREFIX) ? number.slice(NUMBER_PREFIX.length) : '';
  return parseIsoWeek(key) ?? parseMonth(key);
}

/** The last whole period before `now` (the week or month that ended most recently). */
export function lastEndedPeriod(kind: 'week' | 'month', now: Date): Period {
  const current = kind === 'week' ? parseIsoWeek(isoWeekOf(now))! : parseMonth(monthOf(now))!;
  const before = new Date(current.from.getTime() - 1);
  return kind === 'week' ? parseIsoWeek(isoWeekOf(before))! : parseMonth(monthOf(before))!;
}

/** The sweep: opens the report of the period that ended last, once. The first sweep only notes
 *  when the cycle began, so a new system does not open a report for a period it never ran in. */
export async function openFeedbackReports(ctx: AppContext, now: Date): Promise<number> {
  const def = ctx.processes.current();
  if (!def.starts.feedback_report.length) return 0;
  return ctx.db.transaction(async (tx) => {
    const settings = await readManagementSettings(tx);
    const since = await repo.readFeedbackSince(tx);
    if (!since) {
      await repo.saveFeedbackSince(tx, now);
      return 0;
    }
    const period = lastEndedPeriod(settings.feedbackPeriod, now);
    if (period.to <= since) return 0;
    await repo.ensureCompanyCustomer(tx, now);
    const id = crypto.randomUUID();
    // the case opens at the end of its period: the compile step is due a working day after
    if (!(await repo.insertReportCase(tx, { id, number: reportNumber(period), createdAt: period.to, definitionVersion: def.version }))) return 0;
    const c = (await loadCase(tx, 'feedback', id))!;
    await startCase({ def, start: 'feedback_report', c, now, calendar: await ctx.calendars.get(tx), actor: null }, tx);
    return 1;
  });
}

export interface OpinionItem { source: 'follow_up' | 'revisit' | 'complaint'; tag: 'satisfied' | 'unsatisfied' | 'revisit' | 'problem_found' | 'complaint'; at: string; ticketNumber: string | null; text: string; by: string | null }

/** Every customer opinion of the period, grouped by customer: follow-up calls (an unsatisfied one
 *  sends the repair back: the loop), revisits, and the complaints opened. */
export async function periodOpinions(period: Period, now: Date, tx: Tx, ctx: AppContext, reader?: Actor) {
  const def = ctx.processes.current();
  const all = await weeklySummary({ period, now, processes: ctx.processes }, tx);
  // a reader sees the opinions of the forms it reads (the complaint record, the revisit record)
  const summary = reader ? weeklySummaryFor(reader, def, all) : all;
  const complaintForm = def.openingForms.ticket_complaint;
  const readsComplaints = !reader || !complaintForm || mayReadForm(reader, { copies: copiesOf(def, complaintForm), caseType: 'ticket' });
  const groups = new Map<string, { customerId: string; customerName: string; items: OpinionItem[] }>();
  const add = (customerId: string, customerName: string | null, item: OpinionItem) => {
    let g = groups.get(customerId);
    if (!g) groups.set(customerId, g = { customerId, customerName: customerName ?? '', items: [] });
    g.items.push(item);
  };
  for (const o of summary.opinions) {
    const tag = o.source === 'follow_up' ? (o.satisfied ? 'satisfied' : 'unsatisfied') : o.problemFound ? 'problem_found' : 'revisit';
    add(o.customerId, o.customerName, { source: o.source, tag, at: o.at, ticketNumber: o.ticketNumber, text: o.opinion, by: o.by });
  }
  for (const r of await ticketsOpenedIn(tx, period.from, period.to)) {
    if (r.ticket.kind !== 'complaint' || !readsComplaints) continue;
    add(r.ticket.customerId, r.customerName, { source: 'complaint', tag: 'complaint', at: r.ticket.createdAt.toISOString(), ticketNumber: r.ticket.number, text: r.ticket.problem, by: null });
  }
  // in time order; a complaint before the calls about it when the clock stood still
  const rank = (o: OpinionItem) => (o.source === 'complaint' ? 0 : 1);
  for (const g of groups.values()) g.items.sort((a, b) => a.at.localeCompare(b.at) || rank(a) - rank(b));
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length || a.customerName.localeCompare(b.customerName, 'zh'));
}

/** The report as the weekly summary and the report page show it: the period, the opinions (as
 *  compiled, or live while the compile step is open), the CS summary, the GM's findings, and each
 *  adjustment with its task. */
export async function feedbackReport(opts: { actor: Actor; id: string }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.weekly');
  const c = await repo.reportCase(tx, opts.id);
  const period = c && periodOfNumber(c.number);
  if (!c || !period) throw notFound('feedback report');
  const def = await ctx.processes.get(c.definitionVersion ?? ctx.processes.current().version, tx);
  const now = ctx.clock.now();
  const all = await repo.tasksOfReport(tx, c.id);
  const forms = await repo.completionForms(tx, all.filter((t) => t.status === 'done').map((t) => t.id));
  const ofKind = (kind: Parameters<typeof stepsOfKind>[1]) => all.filter((t) => stepsOfKind(def, kind).includes(t.step));
  const compile = ofKind('feedback_compile').at(-1);
  const review = ofKind('feedback_review').at(-1);
  const compiled = compile && forms.get(compile.id);
  const reviewed = review && forms.get(review.id);
  const rows = ((reviewed?.adjustments as { department: string; what: string; dueDays: number }[] | undefined) ?? []);
  const adjustmentTasks = ofKind('adjustment');
  // the CS summary and key issues are the report form's: only its copy list (and the GM) reads them
  const readsReport = formsOfKind(def, 'feedback_compile').every((f) => mayReadForm(opts.actor, { copies: copiesOf(def, f), caseType: 'feedback' }));
  return {
    caseId: c.id, number: c.number!, period: period.key, from: period.from.toISOString(), to: period.to.toISOString(),
    state: c.state, createdAt: c.createdAt.toISOString(), closedAt: c.closedAt?.toISOString() ?? null,
    opinions: await periodOpinions(period, now, tx, ctx, opts.actor),
    compile: compile ? {
      task: presentTask(compile, now),
      summary: readsReport ? (compiled?.summary as string | undefined) ?? null : null,
      keyIssues: readsReport ? (compiled?.keyIssues as { customerName?: string; issue: string }[] | undefined) ?? [] : [],
    } : null,
    review: review ? { task: presentTask(review, now), findings: (reviewed?.findings as string | undefined) ?? null } : null,
    adjustments: adjustmentTasks.map((t, i) => ({
      department: t.department, departmentLabel: def.departments[t.department]?.label.zh ?? t.department,
      what: rows[i]?.what ?? '', dueDays: rows[i]?.dueDays ?? null, escalationLevel: t.escalationLevel,
      note: (forms.get(t.id)?.note as string | undefined) ?? null, task: presentTask(t, now),
    })),
  };
}

export async function listFeedbackReports(opts: { actor: Actor }, tx: Tx) {
  authorize(opts.actor, 'report.weekly');
  const rows = await repo.reportCases(tx, 200);
  return {
    items: rows.map((c) => {
      const p = periodOfNumber(c.number);
      return { caseId: c.id, number: c.number!, period: p?.key ?? '', from: p?.from.toISOString() ?? c.createdAt.toISOString(), to: p?.to.toISOString() ?? c.createdAt.toISOString(), state: c.state, closedAt: c.closedAt?.toISOString() ?? null };
    }),
  };
}
