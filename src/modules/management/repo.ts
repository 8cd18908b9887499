// Every SQL statement of the management reports (PROCESS §6.1). Each measure is one aggregate
// query over indexed ranges (tasks by step and completion time, cases by type and close/creation
// time); nothing is scanned in JS. The engineer measures are written once, as "facts" (one row per
// counted task or ticket): the report groups them, the drill-down lists them.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { instant } from '../../db/instant.js';

/** `('a', 'b')` for `in`; an empty list matches nothing. */
const list = (xs: string[]) => sql`(${sql.join((xs.length ? xs : ['\u0000']).map((x) => sql`${x}`), sql`, `)})`;

export function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export interface EngineerFactParams {
  from: Date; to: Date;
  repairSteps: string[]; followUpSteps: string[]; installationSteps: string[];
  satisfiedOutcomes: string[];
  repeatWindowDays: number;
}

export const ENGINEER_MEASURES = [
  'repairs', 'repairsOnTime', 'repairsLate', 'followUps', 'satisfied', 'unsatisfied',
  'firstTimeFixes', 'complaintsClosed', 'repeatFaults', 'installations', 'installationsOnTime',
] as const;
export type EngineerMeasure = (typeof ENGINEER_MEASURES)[number];

/** One row per counted thing: which measure, whose (a user, or a partner company), which case and task, when. */
function engineerFacts(p: EngineerFactParams): SQL {
  const repair = list(p.repairSteps);
  // who a repair round is credited to: the partner company it was given to, else who completed it
  const whose = (t: string) => sql.raw(`coalesce(${t}.partner_id, ${t}.completed_by) as sid, (${t}.partner_id is not null) as partner`);
  return sql`
    with rep as (
      select t.id as task_id, t.case_id, t.completed_at as at, t.due_at, ${whose('t')}
      from tasks t
      where t.status = 'done' and t.step in ${repair} and t.completed_at >= ${instant(p.from)} and t.completed_at < ${instant(p.to)}
    ),
    fu as (
      select f.id as task_id, f.case_id, f.completed_at as at, f.outcome, r.sid, r.partner
      from tasks f
      cross join lateral (
        select ${whose('r')} from tasks r
        where r.case_id = f.case_id and r.status = 'done' and r.step in ${repair} and r.seq < f.seq
        order by r.seq desc limit 1
      ) r
      where f.status = 'done' and f.step in ${list(p.followUpSteps)} and f.completed_at >= ${instant(p.from)} and f.completed_at < ${instant(p.to)}
    ),
    -- complaints closed in the period: found on tickets alone (its closed_at repeats the case's, its
    -- kind is on the same row), the case's state read only for those with a repair round
    closed_repaired as materialized (
      select k.id as case_id, k.closed_at as at, first.sid, first.partner
      from tickets k
      cross join lateral (
        select r.id as task_id, ${whose('r')} from tasks r
        where r.case_id = k.id and r.status = 'done' and r.step in ${repair}
        order by r.seq limit 1
      ) first
      where k.kind = 'complaint' and k.closed_at >= ${instant(p.from)} and k.closed_at < ${instant(p.to)}
    ),
    closed as (
      select f.*, (select count(*) from tasks n where n.case_id = f.case_id and n.status = 'done' and n.step in ${repair}) as rounds
      from closed_repaired f join cases c on c.id = f.case_id and c.state = 'closed'
    ),
    -- the complaint test (a key lookup in tickets) comes after the cheaper, more selective test of an
    -- earlier ticket in the window
    rep_fault_any as materialized (
      select c.id as case_id, c.created_at as at, prev.sid, prev.partner
      from cases c
      cross join lateral (
        select last.sid, last.partner from cases e
        cross join lateral (
          select ${whose('r')} from tasks r
          where r.case_id = e.id and r.status = 'done' and r.step in ${repair}
          order by r.seq desc limit 1
        ) last
        where e.customer_id = c.customer_id and e.type = 'ticket' and e.id <> c.id
          and e.closed_at <= c.created_at and e.closed_at >= c.created_at - make_interval(days => ${p.repeatWindowDays})
        order by e.closed_at desc limit 1
      ) prev
      where c.type = 'ticket' and c.created_at >= ${instant(p.from)} and c.created_at < ${instant(p.to)}
    ),
    rep_fault as (
      select f.* from rep_fault_any f join tickets k on k.id = f.case_id and k.kind = 'complaint'
    ),
    inst as (
      select t.id as task_id, t.case_id, t.completed_at as at, t.due_at, e.sid, false as partner
      from tasks t
      cross join lateral jsonb_array_elements_text(
        case when jsonb_array_length(t.assignee_ids) > 0 then t.assignee_ids else jsonb_build_array(t.completed_by) end
      ) as e(sid)
      where t.status = 'done' and t.step in ${list(p.installationSteps)} and t.completed_at >= ${instant(p.from)} and t.completed_at < ${instant(p.to)}
    ),
    facts as (
      select 'repairs' as measure, sid, partner, case_id, task_id, at from rep
      union all select 'repairsOnTime', sid, partner, case_id, task_id, at from rep where due_at is null or at <= due_at
      union all select 'repairsLate', sid, partner, case_id, task_id, at from rep where at > due_at
      union all select 'followUps', sid, partner, case_id, task_id, at from fu
      union all select 'satisfied', sid, partner, case_id, task_id, at from fu where outcome in ${list(p.satisfiedOutcomes)}
      union all select 'unsatisfied', sid, partner, case_id, task_id, at from fu where outcome not in ${list(p.satisfiedOutcomes)}
      union all select 'complaintsClosed', sid, partner, case_id, null, at from closed
      union all select 'firstTimeFixes', sid, partner, case_id, null, at from closed where rounds = 1
      union all select 'repeatFaults', sid, partner, case_id, null, at from rep_fault
      union all select 'installations', sid, partner, case_id, task_id, at from inst
      union all select 'installationsOnTime', sid, partner, case_id, task_id, at from inst where due_at is null or at <= due_at
    )`;
}

export interface FactCount { measure: EngineerMeasure; sid: string; partner: boolean; n: number }

/** The engineer measures of the period, counted per subject (user or partner company). */
export async function engineerCounts(tx: Tx, p: EngineerFactParams): Promise<FactCount[]> {
  const r = await tx.execute(sql`${engineerFacts(p)}
    select measure, sid, partner, count(*)::int as n from facts where sid is not null group by measure, sid, partner`);
  return rowsOf<FactCount>(r).map((x) => ({ ...x, n: Number(x.n), partner: x.partner === true || (x.partner as unknown) === 't' }));
}

export interface FactRow {
  case_id: string; task_id: string | null; at: string | Date; case_type: string; number: string | null; customer_id: string; customer_name: string;
  kind: string | null; state: string; due_at: string | Date | null; outcome: string | null;
}

/** The tickets (and installations' deals) behind one number of one subject. */
export async function engineerFactRows(tx: Tx, p: EngineerFactParams & { measure: EngineerMeasure; sid: string; partner: boolean; limit: number }): Promise<FactRow[]> {
  const r = await tx.execute(sql`${engineerFacts(p)}
    select f.case_id, f.task_id, f.at, c.type as case_type, c.number, c.customer_id, cu.name as customer_name, k.kind, c.state,
      t.due_at, t.outcome
    from facts f
    join cases c on c.id = f.case_id
    join customers cu on cu.id = c.customer_id
    left join tickets k on k.id = c.id
    left join tasks t on t.id = f.task_id
    where f.measure = ${p.measure} and f.sid = ${p.sid} and f.partner = ${p.partner}
    order by f.at, c.number
    limit ${p.limit}`);
  return rowsOf<FactRow>(r);
}

// ---- the sales review (PROCESS §6.1)

export interface SalesParams { from: Date; to: Date; negotiationSteps: string[]; wonOutcomes: string[]; lostStates: string[]; droppedStates: string[] }

/** Deals created in the period, per salesperson. */
export async function dealsOpenedByOwner(tx: Tx, p: SalesParams) {
  const r = await tx.execute(sql`
    select owner_id as sid, count(*)::int as n from cases
    where type = 'deal' and created_at >= ${instant(p.from)} and created_at < ${instant(p.to)} and owner_id is not null
    group by owner_id`);
  return rowsOf<{ sid: string; n: number }>(r).map((x) => ({ sid: x.sid, n: Number(x.n) }));
}

/** Deals ended lost or dropped in the period, per salesperson and end state. */
export async function dealsEndedByOwner(tx: Tx, p: SalesParams) {
  const r = await tx.execute(sql`
    select owner_id as sid, state, count(*)::int as n from cases
    where type = 'deal' and closed_at >= ${instant(p.from)} and closed_at < ${instant(p.to)} and state in ${list([...p.lostStates, ...p.droppedStates])}
    group by owner_id, state`);
  return rowsOf<{ sid: string; state: string; n: number }>(r).map((x) => ({ ...x, n: Number(x.n) }));
}

/** Deals signed in the period: one row each (the cycle is counted on the working calendar). */
export async function dealsWon(tx: Tx, p: SalesParams) {
  const r = await tx.execute(sql`
    select c.owner_id as sid, c.id as case_id, c.created_at, t.completed_at as signed_at, d.amount_fen
    from tasks t join cases c on c.id = t.case_id join deals d on d.id = c.id
    where t.status = 'done' and t.step in ${list(p.negotiationSteps)} and t.outcome in ${list(p.wonOutcomes)}
      and t.completed_at >= ${instant(p.from)} and t.completed_at < ${instant(p.to)}`);
  return rowsOf<{ sid: string; case_id: string; created_at: string | Date; signed_at: string | Date; amount_fen: number | string | null }>(r)
    .map((x) => ({ sid: x.sid, caseId: x.case_id, createdAt: new Date(x.created_at), signedAt: new Date(x.signed_at), amountFen: Number(x.amount_fen ?? 0) }));
}

/** The reasons (and competitors) of the deals lost in the period, most frequent first. */
export async function lostReasons(tx: Tx, p: SalesParams) {
  const r = await tx.execute(sql`
    select d.end_reason as reason, d.competitor, count(*)::int as n
    from cases c join deals d on d.id = c.id
    where c.type = 'deal' and c.closed_at >= ${instant(p.from)} and c.closed_at < ${instant(p.to)} and c.state in ${list(p.lostStates)}
    group by d.end_reason, d.competitor
    order by n desc, d.end_reason, d.competitor`);
  return rowsOf<{ reason: string | null; competitor: string | null; n: number }>(r).map((x) => ({ reason: x.reason ?? '', competitor: x.competitor || null, count: Number(x.n) }));
}

// ---- department results (PROCESS §6: department heads against targets)

/** Tasks of these steps completed in the period: how many, how many at or before their deadline. */
export async function stepsDoneOnTime(tx: Tx, steps: string[], from: Date, to: Date) {
  const r = await tx.execute(sql`
    select count(*)::int as done, count(*) filter (where due_at is null or completed_at <= due_at)::int as on_time from tasks
    where status = 'done' and step in ${list(steps)} and completed_at >= ${instant(from)} and completed_at < ${instant(to)}`);
  const [x] = rowsOf<{ done: number; on_time: number }>(r);
  return { done: Number(x?.done ?? 0), onTime: Number(x?.on_time ?? 0) };
}

/** Tasks of these steps completed in the period with one of the outcomes. */
export async function stepsDoneWithOutcome(tx: Tx, steps: string[], outcomes: string[], from: Date, to: Date) {
  const r = await tx.execute(sql`
    select count(*)::int as n from tasks
    where status = 'done' and step in ${list(steps)} and outcome in ${list(outcomes)} and completed_at >= ${instant(from)} and completed_at < ${instant(to)}`);
  return Number(rowsOf<{ n: number }>(r)[0]?.n ?? 0);
}

/** Tasks of these steps due in the period, and how many of them are done. */
export async function stepsDueIn(tx: Tx, steps: string[], from: Date, to: Date) {
  const r = await tx.execute(sql`
    select count(*)::int as due, count(*) filter (where status = 'done')::int as done from tasks
    where step in ${list(steps)} and due_at >= ${instant(from)} and due_at < ${instant(to)}`);
  const [x] = rowsOf<{ due: number; done: number }>(r);
  return { due: Number(x?.due ?? 0), done: Number(x?.done ?? 0) };
}

/** Complaint tickets closed in the period, and how many within their close deadline (two days). */
export async function complaintsClosedIn(tx: Tx, from: Date, to: Date) {
  const r = await tx.execute(sql`
    select count(*)::int as closed, count(*) filter (where c.closed_at <= k.due_at)::int as in_time
    from cases c join tickets k on k.id = c.id and k.kind = 'complaint'
    where c.type = 'ticket' and c.closed_at >= ${instant(from)} and c.closed_at < ${instant(to)}`);
  const [x] = rowsOf<{ closed: number; in_time: number }>(r);
  return { closed: Number(x?.closed ?? 0), inTime: Number(x?.in_time ?? 0) };
}
