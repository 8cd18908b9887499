// Bench data, seeded with SQL (generate_series) on either engine: customers, deals, tickets
// with one document each, and tasks — the inbox's and the completion's working set among them.
// The scale comes from the environment so a new user can reproduce a run quickly:
//   BENCH_TASKS (default 1,000,000), BENCH_DEALS (tasks / 5), BENCH_TICKETS (= tasks),
//   BENCH_CUSTOMERS (tasks / 20).
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { createContext } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';

export interface Scale { tasks: number; deals: number; tickets: number; customers: number }

const envInt = (name: string, fallback: number) => {
  const v = process.env[name];
  return v ? Math.max(1, Math.round(Number(v.replace(/[_,]/g, '')))) : fallback;
};

export function scaleFromEnv(defaultTasks = 1_000_000): Scale {
  const tasks = envInt('BENCH_TASKS', defaultTasks);
  return {
    tasks,
    deals: envInt('BENCH_DEALS', Math.max(1000, Math.round(tasks / 5))),
    tickets: envInt('BENCH_TICKETS', tasks),
    customers: envInt('BENCH_CUSTOMERS', Math.max(1000, Math.round(tasks / 20))),
  };
}

/** the salesperson's own open first-step tasks `bt1..btN`: the product completes from the
 *  bottom, the raw SQL from the top, so neither meets the other. A tenth of the tasks, but at least
 *  40,000 (or half of a smaller set): the raw SQL alone completes over 600 a second, and at
 *  100,000 tasks a tenth ran out mid-run (the two ends met and every later request failed). */
export const completable = (s: Scale) =>
  Math.min(100_000, Math.max(Math.min(40_000, Math.round(s.tasks / 2)), Math.round(s.tasks / 10)));

/** the instant the data is set around */
export const BENCH_NOW = '2026-03-02T01:00:00Z';

export interface Seeded { salesId: string; firstStep: string; nextStep: string; nextRole: string; nextDepartment: string; seconds: number; scale: Scale }

/** `run` executes one SQL text on ONE connection (the session setting below must hold). */
export async function seed(database: Database, scale: Scale, run: (text: string) => Promise<unknown>): Promise<Seeded> {
  const started = performance.now();
  const ctx = await createContext({ ...loadConfig({}), demo: true, logLevel: 'silent' }, { database });
  const { db } = database;
  const rows = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const salesId = (await rows<{ id: string }>(sql`select id from users where username = 'sales'`))[0].id;
  // who completed the after-sales work: the engineers, so the engineer scores have rows
  const engineerIds = (await rows<{ id: string }>(sql`select id from users where roles ? 'engineer' and partner_id is null order by id`)).map((r) => r.id);
  const partnerIds = (await rows<{ id: string }>(sql`select id from partners order by id`)).map((r) => r.id);
  const def = ctx.processes.current();
  const version = def.version;
  const first = def.starts.deal[0];
  const nextStep = def.steps[first].outcomes.develop?.next[0] ?? first;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const arr = (items: string[]) => `array[${items.map(lit).join(', ')}]::text[]`;
  const stepsOf = (type: string) => Object.entries(def.steps).filter(([k, st]) => st.caseType === type && k !== first);
  const dealSteps = stepsOf('deal').slice(0, 8);
  const ticketSteps = stepsOf('ticket').slice(0, 4);
  const dept = (role: string) => def.roles[role].department;
  const followUp = Object.entries(def.steps).find(([, st]) => st.kind === 'follow_up')?.[0] ?? 'follow_up';
  const meaning = (m: string) => Object.entries(def.steps[followUp]?.outcomes ?? {}).find(([, o]) => o.means === m)?.[0] ?? m;
  const satisfied = meaning('satisfied');
  const unsatisfied = meaning('unsatisfied');
  const C = completable(scale);
  // open work past its deadline was escalated when the deadline passed, through every level (a
  // running system's steady state): the server's sweep finds nothing to do and does not compete
  // with the measurements
  const levels = def.escalation.levels.length;
  const escalated = (due: string, open: string) => `case when ${open} and ${due} < now() then ${due} end, case when ${open} and ${due} < now() then ${levels} else 0 end`;
  const other = scale.tasks - C;
  const now = `${lit(BENCH_NOW)}::timestamptz`;
  // customer names a person would search for: a city, a word, a trade, a number
  const name = `(array['上海','北京','广州','深圳','杭州','南京','成都','武汉'])[1 + g % 8] || (array['华星','远通','达信','联宏','新科','东方','金桥','天成','恒泰','中联'])[1 + (g / 8) % 10] || (array['科技','通信','贸易','实业','电子'])[1 + (g / 80) % 5] || '有限公司' || g`;
  // indexes cost most of a bulk load when kept up row by row: the loaded tables' indexes that
  // back no constraint are dropped before and built once after (as the migrations made them)
  const later = await rows<{ indexname: string; indexdef: string }>(sql`select indexname, indexdef from pg_indexes
    where schemaname = current_schema() and tablename in ('customers', 'cases', 'deals', 'tickets', 'documents', 'tasks')
      and indexdef not ilike 'create unique %'`);
  const statements = [
    ...later.map((i) => `drop index ${i.indexname}`),
    // bulk load: the foreign keys are satisfied by construction, their triggers would only cost time
    `set session_replication_role = replica`,
    `set maintenance_work_mem = '512MB'`,
    `insert into customers (id, name, address, contact_person, phone, phone_digits, service_tier, created_at, updated_at)
      select 'bc' || g, ${name}, '上海市浦东新区' || g || '号', '王经理', '021-' || (50000000 + g), '021' || (50000000 + g),
        case when g % 10 = 0 then 'vip' else 'standard' end, ${now} - (g % 900) * interval '1 day', ${now}
      from generate_series(1, ${scale.customers}) g`,
    `insert into cases (id, type, number, customer_id, owner_id, state, definition_version, created_at, updated_at)
      select 'bd' || g, 'deal', 'SJ-2099-' || lpad(g::text, 7, '0'), 'bc' || (1 + g % ${scale.customers}), ${lit(salesId)},
        case when g <= ${C} then ${lit(first)} else (${arr(dealSteps.map(([k]) => k))})[1 + g % ${dealSteps.length}] end,
        ${version}, ${now} - (g % 700) * interval '1 day', ${now}
      from generate_series(1, ${scale.deals}) g`,
    `insert into deals (id, amount_fen) select 'bd' || g, (g % 500) * 100000 from generate_series(1, ${scale.deals}) g`,
    `insert into cases (id, type, number, customer_id, state, tier, created_at, updated_at, closed_at)
      select 'bk' || g, 'ticket', 'GD-2099-' || lpad(g::text, 7, '0'), 'bc' || (1 + g % ${scale.customers}),
        case when g % 10 = 0 then ${lit(ticketSteps[0][0])} else 'closed' end, 'standard',
        ${now} - (g % 1000) * interval '1 day' - (g % 24) * interval '1 hour', ${now},
        case when g % 10 = 0 then null else ${now} - (g % 1000) * interval '1 day' + interval '20 hour' end
      from generate_series(1, ${scale.tickets}) g`,
    `insert into tickets (id, kind, problem, contact, due_at, opened_by, closed_at, escalated_at)
      select 'bk' || g, case when g % 2 = 0 then 'inquiry' else 'complaint' end, '话机无法拨出，第' || g || '号线路', '王经理',
        ${now} - (g % 1000) * interval '1 day' + interval '2 day', ${lit(salesId)},
        case when g % 10 = 0 then null else ${now} - (g % 1000) * interval '1 day' + interval '20 hour' end,
        case when g % 10 = 0 and ${now} - (g % 1000) * interval '1 day' + interval '2 day' < now() then ${now} - (g % 1000) * interval '1 day' + interval '2 day' end
      from generate_series(1, ${scale.tickets}) g`,
    `insert into documents (id, form, number, case_type, case_id, customer_id, fields, copies, signed_by, created_at)
      select 'bdoc' || g, 'problem_feedback', 'FK-2099-' || lpad(g::text, 7, '0'), 'ticket', 'bk' || g, 'bc' || (1 + g % ${scale.customers}),
        jsonb_build_object('faultDescription', '话机无法拨出，第' || g || '号线路'), '["technical","customer_service"]'::jsonb, '[]'::jsonb,
        ${now} - (g % 1000) * interval '1 day' + interval '20 hour'
      from generate_series(1, ${scale.tickets}) g`,
    // the salesperson's own first-step tasks: the product's and the raw SQL's completions
    `insert into tasks (id, step, case_type, case_id, assignee_role, assignee_id, department, created_at, due_at, status, escalated_at, escalation_level)
      select 'bt' || g, ${lit(first)}, 'deal', 'bd' || (1 + (g - 1) % ${scale.deals}), 'sales', ${lit(salesId)}, ${lit(dept('sales'))}, ${now},
        ${now} + (g % 500) * interval '1 hour', 'open', ${escalated(`${now} + (g % 500) * interval '1 hour'`, 'true')} from generate_series(1, ${C}) g`,
    // the rest: half on deals, half on tickets, over the roles' pools; two thirds done, by the
    // engineers (one in ten rounds by a partner company), follow-ups satisfied four times in five,
    // one in six late. A ticket task's step goes by g / 6, not g / 2: with three steps, g / 2 would put
    // every repair on an open row (g % 3 = 0 is open)
    `insert into tasks (id, step, case_type, case_id, assignee_role, department, created_at, due_at, status, outcome, completed_at, completed_by, partner_id, escalated_at, escalation_level)
      select 'bx' || g,
        case when g % 2 = 0 then (${arr(dealSteps.map(([k]) => k))})[1 + (g / 2) % ${dealSteps.length}] else (${arr(ticketSteps.map(([k]) => k))})[1 + (g / 6) % ${ticketSteps.length}] end,
        case when g % 2 = 0 then 'deal' else 'ticket' end,
        case when g % 2 = 0 then 'bd' || (1 + g % ${scale.deals}) else 'bk' || (1 + g % ${scale.tickets}) end,
        case when g % 2 = 0 then (${arr(dealSteps.map(([, st]) => st.role))})[1 + (g / 2) % ${dealSteps.length}] else (${arr(ticketSteps.map(([, st]) => st.role))})[1 + (g / 6) % ${ticketSteps.length}] end,
        case when g % 2 = 0 then (${arr(dealSteps.map(([, st]) => dept(st.role)))})[1 + (g / 2) % ${dealSteps.length}] else (${arr(ticketSteps.map(([, st]) => dept(st.role)))})[1 + (g / 6) % ${ticketSteps.length}] end,
        ${now} - (g % 1000) * interval '1 day', ${now} - (g % 1000) * interval '1 day' + interval '30 hour',
        case when g % 3 = 0 then 'open' else 'done' end,
        case when g % 3 = 0 then null when g % 2 = 1 and (${arr(ticketSteps.map(([k]) => k))})[1 + (g / 6) % ${ticketSteps.length}] = ${lit(followUp)}
          then (case when g % 5 = 0 then ${lit(unsatisfied)} else ${lit(satisfied)} end) else 'done' end,
        case when g % 3 = 0 then null else ${now} - (g % 1000) * interval '1 day' + case when g % 6 = 1 then interval '40 hour' else interval '20 hour' end end,
        case when g % 3 = 0 then null else (${arr(engineerIds.length ? engineerIds : [salesId])})[1 + g % ${Math.max(1, engineerIds.length)}] end,
        case when g % 3 <> 0 and g % 2 = 1 and g % 10 = 3 then ${partnerIds.length ? `(${arr(partnerIds)})[1 + g % ${partnerIds.length}]` : 'null'} else null end,
        ${escalated(`${now} - (g % 1000) * interval '1 day' + interval '30 hour'`, 'g % 3 = 0')}
      from generate_series(1, ${other}) g`,
    `set session_replication_role = default`,
    ...later.map((i) => i.indexdef),
    `vacuum analyze`,
  ];
  for (const s of statements) await run(s);
  const nextRole = def.steps[nextStep].role;
  return { salesId, firstStep: first, nextStep, nextRole, nextDepartment: dept(nextRole), seconds: (performance.now() - started) / 1000, scale };
}
