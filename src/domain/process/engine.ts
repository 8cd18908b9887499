// Pure interpretation of the process definition: which transition an outcome takes,
// and when a newly opened step is due.
import type { Tier, WorkCalendar } from '../calendar/index.js';
import type { DeadlineRule, StepDefinition, Transition } from './definition.js';
import { SHANGHAI_OFFSET_MS } from '../iso.js';

export function transitionFor(step: StepDefinition, outcome: string | undefined):
  { ok: true; outcome: string; transition: Transition } | { ok: false; allowed: string[] } {
  const allowed = Object.keys(step.outcomes);
  const key = outcome ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (!key || !Object.hasOwn(step.outcomes, key)) return { ok: false, allowed };
  return { ok: true, outcome: key, transition: step.outcomes[key] };
}

/** 00:00 Asia/Shanghai of the day that contains `t`. */
export function startOfShanghaiDay(t: Date): Date {
  const local = t.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - SHANGHAI_OFFSET_MS);
}

export function shanghaiYear(t: Date): number {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();
}

export function ruleTier(rule: DeadlineRule, customerTier: Tier | null): Tier {
  return 'tier' in rule && rule.tier === 'customer' ? customerTier ?? 'standard' : 'standard';
}

export function computeDueAt(
  rule: DeadlineRule,
  c: { now: Date; caseCreatedAt: Date; tier: Tier; calendar: WorkCalendar; previousForm?: Record<string, unknown> },
): Date | null {
  if ('none' in rule) return null;
  if ('endOfDayOfField' in rule) {
    const raw = c.previousForm?.[rule.endOfDayOfField];
    const at = typeof raw === 'string' ? new Date(raw) : null;
    if (!at || Number.isNaN(at.getTime())) return c.calendar.dueAt(c.now, 1, 'standard');
    // the closing of the scheduled working day
    return c.calendar.dueAt(startOfShanghaiDay(at), 1, 'standard');
  }
  const from = rule.from === 'case_created' ? c.caseCreatedAt : c.now;
  const given = rule.daysFromField !== undefined ? Number(c.previousForm?.[rule.daysFromField]) : NaN;
  return c.calendar.dueAt(from, Number.isFinite(given) && given >= 0 ? given : rule.days, c.tier);
}
