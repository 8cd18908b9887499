// The task engine: opens steps as tasks and completes them, interpreting the process definition.
// Completing is one transaction: validate the form, run the step's effects, write the document,
// close the task, open the next ones, append the audit.
import crypto from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { AppError, badRequest, conflict, fieldError, forbidden, issue, notFound, zodDetails } from '../../server/errors.js';
import { hasRole, isStaff, rolesOf } from '../../policies/actor.js';
import { taskAbilities, taskPolicy, type TaskTarget } from '../../policies/task.js';
import type { Role } from '../../domain/roles.js';
import type { FieldSpec, ProcessDefinition } from '../../domain/process/definition.js';
import { fieldsNotFilledBy, flattenGroups, formInputSchema } from '../../domain/process/fields.js';
import { computeDueAt, ruleTier, transitionFor } from '../../domain/process/engine.js';
import type { WorkCalendar } from '../../domain/calendar/index.js';
import { appendAudit, appendAudits, lastHandoffText } from '../audit/service.js';
import { createDocument, presentDocument } from '../documents/service.js';
import { findUser } from '../users/repo.js';
import { findPartner } from '../partners/repo.js';
import { EFFECTS, applyDefaults, type EffectContext } from '../process/effects.js';
import { canSeeCase, caseRefOf, loadCase, patchCase, setCaseState, type CaseRef } from './cases.js';
import { updateCase } from '../cases/repo.js';
import { announceTask } from '../notifications/events.js';
import { resumeIfPaused } from '../tickets/pause.js';
import * as repo from './repo.js';
import { shanghaiDate } from '../../domain/iso.js';

export function presentTask(t: repo.TaskRow, now: Date, calendar?: WorkCalendar, extra?: { customerName?: string | null; caseNumber?: string | null }) {
  const overdue = t.dueAt ? (t.status === 'open' ? t.dueAt.getTime() < now.getTime() : !!t.completedAt && t.completedAt > t.dueAt) : false;
  let remainingWorkingHours: number | null = null;
  if (calendar && t.dueAt && t.status === 'open') {
    const days = calendar.workingTimeBetween(now, t.dueAt, t.tier);
    remainingWorkingHours = Math.round(days * calendar.dayHours(t.tier) * 100) / 100;
  }
  return {
    id: t.id, step: t.step, caseType: t.caseType, caseId: t.caseId, assigneeRole: t.assigneeRole,
    assigneeId: t.assigneeId, assigneeIds: t.assigneeIds, partnerId: t.partnerId,
    createdAt: t.createdAt.toISOString(), dueAt: t.dueAt?.toISOString() ?? null, tier: t.tier,
    status: t.status as 'open' | 'done', overdue, outcome: t.outcome,
    completedAt: t.completedAt?.toISOString() ?? null, completedBy: t.completedBy,
    ...(remainingWorkingHours !== null ? { remainingWorkingHours } : {}),
    ...(extra ? { customerName: extra.customerName ?? null, caseNumber: extra.caseNumber ?? null } : {}),
  };
}
export type TaskView = ReturnType<typeof presentTask>;

/** Opens one step of a case as a task, with its owner and deadline. */
export async function openStep(
  opts: { def: ProcessDefinition; stepKey: string; c: CaseRef; now: Date; calendar: WorkCalendar; previousForm?: Record<string, unknown> },
  tx: Tx,
) {
  const step = opts.def.steps[opts.stepKey];
  const tier = ruleTier(step.due, opts.c.tier);
  const dueAt = computeDueAt(step.due, { now: opts.now, caseCreatedAt: opts.c.createdAt, tier, calendar: opts.calendar, previousForm: opts.previousForm });
  let assigneeId: string | null = null;
  let assigneeIds: string[] = [];
  if (step.assign === 'case_owner') assigneeId = opts.c.ownerId;
  else if (typeof step.assign === 'object') {
    const ids = opts.previousForm?.[step.assign.fromField];
    assigneeIds = Array.isArray(ids) ? ids.map(String) : [];
    assigneeId = assigneeIds[0] ?? null;
  }
  // a ticket given to a partner company stays with it when a step comes back (unsatisfied customer)
  const partnerId = opts.c.partnerId && step.partnerAllowed ? opts.c.partnerId : null;
  // an adjustment goes to the manager of the department the form before names, and is that department's work
  const named = step.managerOfField ? String(opts.previousForm?.[step.managerOfField] ?? '') : '';
  const department = Object.hasOwn(opts.def.departments, named) ? named : opts.def.roles[step.role].department;
  const role = (named && opts.def.departments[department]?.manager) || step.role;
  return repo.insertTask(tx, {
    id: crypto.randomUUID(), step: opts.stepKey, caseType: opts.c.type, caseId: opts.c.id,
    assigneeRole: role, assigneeId, assigneeIds, partnerId,
    department, createdAt: opts.now, dueAt, tier, status: 'open',
  });
}

/** Opens the start steps of a new case (deal, ticket by kind, customer revisit). */
export async function startCase(
  opts: { def: ProcessDefinition; start: keyof ProcessDefinition['starts']; c: CaseRef; now: Date; calendar: WorkCalendar; actor: Actor | null },
  tx: Tx,
) {
  const opened = [];
  for (const stepKey of opts.def.starts[opts.start]) {
    opened.push(await openStep({ def: opts.def, stepKey, c: opts.c, now: opts.now, calendar: opts.calendar }, tx));
  }
  if (opened[0]) await setCaseState(tx, opts.c, opened[0].step, opts.now, false);
  for (const t of opened) {
    await appendAudit(tx, { at: opts.now, actorId: opts.actor?.id ?? null, action: 'task.open', entity: 'task', entityId: t.id, caseId: opts.c.id, after: { step: t.step, dueAt: t.dueAt } });
  }
  return opened;
}

/** A task as the task policy sees it; `def` tells whether its step may go to a partner. */
export function taskTarget(t: repo.TaskRow, def?: ProcessDefinition): TaskTarget {
  return {
    status: t.status, assigneeRole: t.assigneeRole, assigneeId: t.assigneeId, assigneeIds: t.assigneeIds, partnerId: t.partnerId,
    department: t.department, partnerAllowed: !!def?.steps[t.step]?.alsoRoles.includes('partner_engineer'),
  };
}

/** A task in a view for the actor: with what the actor may do with it (complete, assign). */
export function presentTaskFor(
  actor: Actor, def: ProcessDefinition | undefined, t: repo.TaskRow, now: Date, calendar?: WorkCalendar,
  extra?: { customerName?: string | null; caseNumber?: string | null },
) {
  return { ...presentTask(t, now, calendar, extra), abilities: taskAbilities(actor, taskTarget(t, def)) };
}

/** A `user` field names active users holding the field's role, each once (the dispatch's engineers). */
async function checkUserFields(fields: FieldSpec[], form: Record<string, unknown>, tx: Tx) {
  for (const f of fields) {
    if (f.type !== 'user' || form[f.key] === undefined || form[f.key] === null) continue;
    const ids = Array.isArray(form[f.key]) ? (form[f.key] as string[]) : [form[f.key] as string];
    const seen = new Set<string>();
    for (const [i, id] of ids.entries()) {
      const path = Array.isArray(form[f.key]) ? `form.${f.key}.${i}` : `form.${f.key}`;
      if (seen.has(id)) throw fieldError(path, 'field.listed_twice');
      seen.add(id);
      const u = await findUser(tx, id);
      if (!u || !u.active) throw fieldError(path, 'field.unknown_user');
      if (f.role && !u.roles.includes(f.role)) throw fieldError(path, 'field.user_lacks_role', { role: f.role });
    }
  }
}

export async function completeTask(
  opts: {
    taskId: string; actor: Actor; outcome?: string; form?: unknown; note?: string; specialReason?: string;
    /** the system acts for someone outside the company (the customer's rating link): no task policy */
    skipPolicy?: boolean;
  },
  tx: Tx,
  ctx: AppContext,
) {
  const { actor } = opts;
  const now = ctx.clock.now();
  // the task, locked, and its case in one statement
  const locked = await repo.lockTaskWithCase(tx, opts.taskId);
  if (!locked) throw notFound('task');
  const { task } = locked;
  const c = caseRefOf(locked.c);
  if (!c || (!opts.skipPolicy && !canSeeCase(actor, c))) throw notFound('task');
  if (task.status !== 'open') throw conflict('task.done');
  if (!opts.skipPolicy && !taskPolicy.complete(actor, taskTarget(task))) throw forbidden('task.not_yours');
  // the referrer of a deal's lead never works on the deal (非业务人员禁止直接参与项目操作, issue 14)
  if (c.type === 'deal' && locked.leadReferrerId === actor.id) throw forbidden('lead.referrer_no_deal_work');
  // a step completed on a paused ticket ends the wait: its deadlines move first (issue 16)
  const resumed = c.type === 'ticket' && (await resumeIfPaused(tx, ctx, c.id, actor));
  const dueAt = resumed ? (await repo.findTask(tx, task.id))!.dueAt : task.dueAt;

  const def = await ctx.processes.get(c.definitionVersion ?? ctx.processes.current().version, tx);
  const step = def.steps[task.step];
  if (!step) throw conflict('task.step_not_in_version', { step: task.step, version: def.version });
  const chosen = transitionFor(step, opts.outcome);
  if (!chosen.ok) throw fieldError('outcome', 'field.outcome_not_allowed', { allowed: chosen.allowed.join(', ') });
  const { transition, outcome } = chosen;
  const formDef = transition.form ? def.forms[transition.form] : undefined;
  const parsed = formInputSchema(formDef).safeParse(opts.form ?? {});
  if (!parsed.success) throw badRequest(zodDetails(parsed.error.issues, 'form'), 'form.invalid');
  let form = parsed.data as Record<string, unknown>;
  // a field another role fills (form 5: customer service vs technical part) is refused
  const notMine = fieldsNotFilledBy(formDef?.fields ?? [], form, rolesOf(actor));
  if (notMine.length) {
    throw new AppError('forbidden', 'form.fields_of_other_role', { fields: notMine.map((f) => `form.${f}`).join(', ') }, notMine.map((f) => issue(`form.${f}`, 'field.filled_by_other_role')));
  }

  await checkUserFields(formDef?.fields ?? [], form, tx);
  // a time that sets the next step's deadline (the installation date) is not in the past: the
  // task would be overdue from birth and escalated at once
  for (const n of transition.next) {
    const rule = def.steps[n]?.due;
    const key = rule && 'endOfDayOfField' in rule ? rule.endOfDayOfField : undefined;
    const v = key ? form[key] : undefined;
    if (key && typeof v === 'string' && new Date(v).getTime() < now.getTime()) throw fieldError(`form.${key}`, 'field.in_past');
  }

  // the case's own version: its tiers' clocks time its next steps, whatever was published since
  const calendar = await ctx.calendars.get(tx, def);
  const documentId = crypto.randomUUID();
  // fields left out take the value their `default` effect suggests; an overwrite is recorded below
  const { form: filled, defaults } = await applyDefaults({ tx, ctx, actor, task, c, now, def, calendar, note: opts.note }, formDef?.fields ?? [], form);
  form = filled;
  const effect: EffectContext = { tx, ctx, actor, task, c, form, outcome, now, def, calendar, documentId, note: opts.note };
  let documentFields = flattenGroups(formDef?.fields ?? [], form);
  for (const name of transition.effects) {
    const run = EFFECTS[name];
    if (!run) throw new Error(`unknown effect ${name}`);
    const result = await run.run(effect);
    if (result?.documentFields) documentFields = { ...documentFields, ...result.documentFields };
    if (result?.casePatch) await patchCase(tx, c, result.casePatch, now);
  }

  let document;
  if (transition.form && formDef?.prefix) {
    document = await createDocument({
      def, form: transition.form, caseType: c.type, caseId: c.id, customerId: c.customerId, taskId: task.id,
      fields: documentFields, actor, now, id: documentId,
    }, tx);
  }
  const overdueClose = !!dueAt && dueAt < now;
  const closed = await repo.closeTask(tx, task.id, {
    outcome, completedAt: now, completedBy: actor.id, specialReason: overdueClose ? opts.specialReason ?? null : null,
  });
  if (!closed) throw conflict('task.done');

  const earlier = transition.next.length ? await repo.tasksOfCase(tx, c.type, c.id) : [];
  const next = [];
  const returned: { userId: string; task: repo.TaskRow }[] = [];
  // `forEach`: the next steps open once per row of a lines field, each reading its row (the GM's adjustments)
  const rows = transition.forEach ? (Array.isArray(form[transition.forEach]) ? form[transition.forEach] as Record<string, unknown>[] : []) : [form];
  for (const previousForm of rows) {
    for (const stepKey of transition.next) {
      const opened = await openStep({ def, stepKey, c, now, calendar, previousForm }, tx);
      next.push(opened);
      // a step that comes back (revise, unsatisfied customer) is announced to whoever did it last
      const last = earlier.filter((t) => t.step === stepKey && t.status === 'done' && t.completedBy).at(-1);
      if (last?.completedBy) returned.push({ userId: last.completedBy, task: opened });
    }
  }
  // `join`: the end waits for the case's other open tasks (the last adjustment done closes the report)
  const waiting = transition.end && transition.join ? (await repo.openTasksOfCase(tx, c.id)).length > 0 : false;
  const ends = !!transition.end && !waiting && !(transition.forEach && next.length);
  if (ends) await setCaseState(tx, c, transition.end!, now, true);
  else if (next[0]) await setCaseState(tx, c, next[0].step, now, false);

  // the completion and the tasks it opened: one INSERT
  await appendAudits(tx, [{
    at: now, actorId: actor.id, action: 'task.complete', entity: 'task', entityId: task.id, caseId: c.id,
    before: { status: 'open', step: task.step }, after: { status: 'done', outcome, form, ...(defaults ? { defaults } : {}), note: opts.note ?? null, next: next.map((t) => t.step), end: ends ? transition.end! : null },
  }, ...next.map((t) => ({ at: now, actorId: actor.id, action: 'task.open', entity: 'task', entityId: t.id, caseId: c.id, after: { step: t.step, dueAt: t.dueAt } }))]);
  for (const r of returned) {
    // the message carries the words this step left (the revise comments…), as the recipient may read them
    const text = await handoffTextFor(tx, r.userId, c, def);
    await announceTask(tx, ctx, { routeAs: 'returned', userIds: [r.userId], task: r.task, stepLabel: def.steps[r.task.step].label.zh, now, text });
  }
  return {
    task: presentTask(closed, now),
    next: next.map((t) => presentTaskFor(actor, def, t, now, calendar)),
    ...(document ? { document: presentDocument(document) } : {}),
  };
}

/** The words the case's latest completed step left, as the user who acts next may read them. */
async function handoffTextFor(tx: Tx, userId: string, c: CaseRef, def: ProcessDefinition): Promise<string> {
  const u = await findUser(tx, userId);
  if (!u) return '';
  const reader: Actor = { id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, department: u.department, partnerId: u.partnerId };
  return lastHandoffText(tx, c.id, { actor: reader, def, scope: { caseType: c.type, casePartnerId: c.partnerId } });
}

/** The owning department's manager gives an open task to a user or a partner company. */
export async function assignTask(opts: { taskId: string; actor: Actor; assigneeId?: string; partnerId?: string }, tx: Tx, ctx: AppContext) {
  const now = ctx.clock.now();
  const task = await repo.lockTask(tx, opts.taskId);
  if (!task) throw notFound('task');
  if (task.status !== 'open' && taskPolicy.assign(opts.actor, { ...taskTarget(task), status: 'open' })) throw conflict('task.done');
  if (!taskPolicy.assign(opts.actor, taskTarget(task))) {
    throw (isStaff(opts.actor) ? forbidden('task.assign_manager_only') : notFound('task'));
  }
  const c = await loadCase(tx, task.caseType, task.caseId);
  if (!c) throw notFound('task');
  const def = await ctx.processes.get(c.definitionVersion ?? ctx.processes.current().version, tx);
  const step = def.steps[task.step];
  let set: { assigneeId: string | null; assigneeIds: string[]; partnerId: string | null };
  if (opts.partnerId) {
    if (!step?.partnerAllowed) throw conflict('task.not_for_partner', { step: task.step });
    set = { assigneeId: null, assigneeIds: [], partnerId: opts.partnerId };
  } else {
    const u = await findUser(tx, opts.assigneeId!);
    if (!u || !u.active) throw fieldError('assigneeId', 'field.unknown_user');
    const roles = [task.assigneeRole, ...(step?.alsoRoles ?? [])];
    if (!u.roles.some((r) => roles.includes(r))) throw fieldError('assigneeId', 'field.user_lacks_role', { role: task.assigneeRole });
    set = { assigneeId: u.id, assigneeIds: [], partnerId: u.roles.includes(task.assigneeRole) ? null : u.partnerId };
  }
  if (set.partnerId) {
    // an outsourced company gets work only while its certificate is valid
    const p = await findPartner(tx, set.partnerId);
    if (!p) throw fieldError(opts.partnerId ? 'partnerId' : 'assigneeId', 'field.unknown_partner');
    const today = shanghaiDate(now);
    if (p.certifiedUntil < today) throw conflict('partner.certificate_expired', { date: p.certifiedUntil });
  }
  if (c.type === 'ticket' && step?.partnerAllowed && c.partnerId !== set.partnerId) {
    // the ticket follows its repair step: the partner company sees it (and gets it back after an
    // unsatisfied follow-up) exactly while the step is given to it
    await updateCase(tx, c.id, { partnerId: set.partnerId, updatedAt: now });
  }
  const updated = await repo.updateTaskAssignment(tx, task.id, set);
  if (set.assigneeId && set.assigneeId !== task.assigneeId) {
    const text = await handoffTextFor(tx, set.assigneeId, c, def);
    await announceTask(tx, ctx, { routeAs: 'assigned', userIds: [set.assigneeId], task: updated, stepLabel: step?.label.zh ?? task.step, now, text });
  }
  await appendAudit(tx, {
    at: now, actorId: opts.actor.id, action: 'task.assign', entity: 'task', entityId: task.id, caseId: task.caseId,
    before: { assigneeId: task.assigneeId, partnerId: task.partnerId }, after: set,
  });
  return presentTaskFor(opts.actor, def, updated, now, await ctx.calendars.get(tx, def));
}
