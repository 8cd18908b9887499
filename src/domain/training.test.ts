import { describe, expect, it } from 'vitest';
import { createWorkCalendar, officialCalendarData } from './calendar/index.js';
import { nextInRotation, trainingDays, workingDaysBefore } from './training.js';

const calendar = createWorkCalendar({ data: officialCalendarData() });

describe('training days (PROCESS §6.1)', () => {
  it('from 2026-09-21 for 3 weeks: 24 Sep (25th is 中秋), 30 Sep (1–2 Oct are 国庆), 9 Oct', () => {
    expect(trainingDays({ from: '2026-09-21', weeks: 3, weekday: 5, calendar })).toEqual(['2026-09-24', '2026-09-30', '2026-10-09']);
  });
  it('no session in a week without a working day up to the weekday', () => {
    // the week of 2026-10-05: Mon–Wed are 国庆 rest days; a Tuesday setting finds none
    expect(trainingDays({ from: '2026-10-05', weeks: 1, weekday: 2, calendar })).toEqual([]);
  });
  it('skips days before from', () => {
    expect(trainingDays({ from: '2026-09-26', weeks: 1, weekday: 5, calendar })).toEqual([]);
  });
  it('prepare 2 working days before', () => {
    expect(workingDaysBefore('2026-10-09', 2, calendar)).toBe('2026-09-30');
    expect(workingDaysBefore('2026-09-24', 2, calendar)).toBe('2026-09-22');
  });
  it('rotation wraps', () => {
    expect(nextInRotation(['a', 'b', 'c'], 'c')).toBe('a');
    expect(nextInRotation(['a', 'b'], undefined)).toBe('a');
  });
});
