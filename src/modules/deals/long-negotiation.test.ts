// The pipeline and the sales review test long negotiations in SQL against a cutoff instant; the
// cutoff must agree with the per-deal test (isLongNegotiation) for every start, across holidays
// and 调休 make-up days.
import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData } from '../../domain/calendar/index.js';
import { DEFAULT_PROCESS } from '../../domain/process/default-process.js';
import { validateDefinition } from '../process/service.js';
import { isLongNegotiation, longNegotiationCutoff } from './service.js';

const calendar = createWorkCalendar({ data: officialCalendarData() });
const def = validateDefinition(DEFAULT_PROCESS);

describe('the long-negotiation cutoff', () => {
  it('splits every start into long (at or before it) and not long (after it), as the per-deal test does', () => {
    // around the 2026 Spring Festival and National Day, and an ordinary week
    for (const now of ['2026-02-25T03:00:00Z', '2026-10-09T09:30:00Z', '2026-05-20T07:15:00Z']) {
      const at = new Date(now);
      const cutoff = longNegotiationCutoff(def, calendar, at)!;
      expect(isLongNegotiation(def, calendar, cutoff, at), now).toBe(true);
      expect(isLongNegotiation(def, calendar, new Date(cutoff.getTime() + 1), at), now).toBe(false);
      let seed = 7;
      for (let i = 0; i < 300; i++) {
        seed = (seed * 48_271) % 2_147_483_647;
        const since = new Date(at.getTime() - (seed % (40 * 86_400_000)));
        expect(since <= cutoff, `${now} since ${since.toISOString()}`).toBe(isLongNegotiation(def, calendar, since, at));
      }
    }
  });

  it('is absent when the definition sets no limit', () => {
    const steps = Object.fromEntries(Object.entries(def.steps).map(([k, s]) => [k, { ...s, longAfterDays: undefined }]));
    expect(longNegotiationCutoff({ ...def, steps }, calendar, new Date('2026-05-20T07:15:00Z'))).toBeUndefined();
  });
});
