// Department results (PROCESS §6: department heads are assessed on their department's overall
// results): each department's measures of a month against the targets the GM set for it.
import { z } from 'zod';
import type { Tx } from '../../db/client.js';
import { outcomesMeaning } from '../../domain/process/definition.js';
import { authorize } from '../../policies/index.js';
import { managedDepartments, type Actor } from '../../policies/actor.js';
import type { AppContext } from '../../server/context.js';
import { appendAudit } from '../audit/service.js';
import { getSetting, putSetting } from '../calendar/repo.js';
import type { Period } from '../reports/period.js';
import { rate } from './engineers.js';
import * as repo from './repo.js';

/** Every measure, its department, its label, and whether it is a rate (0–1) or a count/amount. */
export const DEPARTMENT_MEASURES = {
  signedAmountFen: { department: 'business', zh: '签约金额', en: 'Signed amount', unit: 'fen' },
  dealsWon: { department: 'business', zh: '签约商机数', en: 'Deals won', unit: 'count' },
  installationsOnTimeRate: { department: 'technical', zh: '装机按时率', en: 'Installations on time', unit: 'rate' },
  repairsOnTimeRate: { department: 'technical', zh: '维修按时率', en: 'Repairs on time', unit: 'rate' },
  satisfactionRate: { department: 'technical', zh: '客户满意率', en: 'Customer satisfaction', unit: 'rate' },
  followUpsOnTimeRate: { department: 'customer_service', zh: '回访确认按时率', en: 'Follow-ups on time', unit: 'rate' },
  revisitsDoneRate: { department: 'customer_service', zh: '定期回访完成率', en: 'Revisits done of due', unit: 'rate' },
  complaintsClosedIn2DaysRate: { department: 'customer_service', zh: '投诉两日内关闭率', en: 'Complaints closed within 2 days', unit: 'rate' },
  archivedIn1DayRate: { department: 'admin', zh: '一个工作日内归档率', en: 'Archived within 1 working day', unit: 'rate' },
  procurementIn5DaysRate: { department: 'admin', zh: '五个工作日内采购率', en: 'Procurement within 5 working days', unit: 'rate' },
} as const;
export type DepartmentMeasure = keyof typeof DEPARTMENT_MEASURES;

export const targetsSchema = z.object(Object.fromEntries(Object.entries(DEPARTMENT_MEASURES).map(([k, m]) => [k,
  (m.unit === 'rate' ? z.number().min(0).max(1) : z.number().int().min(0).max(1e13)).nullable().optional()])) as Record<DepartmentMeasure, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>).strict();
export type Targets = Partial<Record<DepartmentMeasure, number | null>>;

const targetsKey = (month: string) => `targets.${month}`;
export const readTargets = async (tx: Tx, month: string) => (await getSetting<Targets>(tx, targetsKey(month))) ?? {};

/** The GM sets a month's targets (a key left out keeps its target, null removes it); audited. */
export async function putTargets(opts: { actor: Actor; month: string; targets: Targets; now: Date }, tx: Tx) {
  authorize(opts.actor, 'report.targets');
  const before = await readTargets(tx, opts.month);
  const after: Targets = { ...before };
  for (const [k, v] of Object.entries(opts.targets) as [DepartmentMeasure, number | null | undefined][]) {
    if (v === undefined) continue;
    if (v === null) delete after[k];
    else after[k] = v;
  }
  await putSetting(tx, targetsKey(opts.month), after, opts.now);
  await appendAudit(tx, { at: opts.now, actorId: opts.actor.id, action: 'targets.set', entity: 'targets', entityId: opts.month, before, after });
  return { month: opts.month, targets: after };
}

async function measures(period: Period, tx: Tx, ctx: AppContext): Promise<Record<DepartmentMeasure, number | null>> {
  const { from, to } = period;
  const steps = (kind: Parameters<typeof ctx.processes.stepKeys>[0]) => ctx.processes.stepKeys(kind, tx);
  const won = await repo.dealsWon(tx, {
    from, to, negotiationSteps: await steps('negotiation'), wonOutcomes: await ctx.processes.keysAcross(tx, (d) => outcomesMeaning(d, 'won')),
    lostStates: [], droppedStates: [],
  });
  const onTime = async (kind: Parameters<typeof steps>[0]) => {
    const s = await repo.stepsDoneOnTime(tx, await steps(kind), from, to);
    return rate(s.onTime, s.done);
  };
  const followUps = await repo.stepsDoneOnTime(tx, await steps('follow_up'), from, to);
  const satisfied = await repo.stepsDoneWithOutcome(tx, await steps('follow_up'), await ctx.processes.keysAcross(tx, (d) => outcomesMeaning(d, 'satisfied')), from, to);
  const revisits = await repo.stepsDueIn(tx, await steps('revisit'), from, to);
  const complaints = await repo.complaintsClosedIn(tx, from, to);
  return {
    signedAmountFen: won.reduce((s, w) => s + w.amountFen, 0),
    dealsWon: won.length,
    installationsOnTimeRate: await onTime('installation'),
    repairsOnTimeRate: await onTime('repair'),
    satisfactionRate: rate(satisfied, followUps.done),
    followUpsOnTimeRate: rate(followUps.onTime, followUps.done),
    revisitsDoneRate: rate(revisits.done, revisits.due),
    complaintsClosedIn2DaysRate: rate(complaints.inTime, complaints.closed),
    archivedIn1DayRate: await onTime('archive'),
    procurementIn5DaysRate: await onTime('procurement'),
  };
}

/** Each department the actor manages (the GM: all), its measures against the month's targets. */
export async function departmentResults(opts: { actor: Actor; period: Period }, tx: Tx, ctx: AppContext) {
  authorize(opts.actor, 'report.departments');
  const def = ctx.processes.current();
  const managed = managedDepartments(opts.actor);
  const values = await measures(opts.period, tx, ctx);
  const targets = await readTargets(tx, opts.period.key);
  const departments = [...new Set(Object.values(DEPARTMENT_MEASURES).map((m) => m.department as string))]
    .filter((d) => managed === 'all' || managed.includes(d));
  return {
    month: opts.period.key, from: opts.period.from.toISOString(), to: opts.period.to.toISOString(),
    departments: departments.map((department) => ({
      department, label: def.departments[department]?.label ?? { zh: department, en: department },
      measures: (Object.entries(DEPARTMENT_MEASURES) as [DepartmentMeasure, (typeof DEPARTMENT_MEASURES)[DepartmentMeasure]][])
        .filter(([, m]) => m.department === department)
        .map(([key, m]) => {
          const value = values[key];
          const target = targets[key] ?? null;
          return {
            key, label: { zh: m.zh, en: m.en }, unit: m.unit, value, target,
            achievedPct: value !== null && target ? Math.round((value / target) * 1000 + 1e-9) / 10 : null,
          };
        }),
    })),
  };
}
