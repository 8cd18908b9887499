import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, formatHours, parseHours, validateHours } from './index.js';

describe('parseHours / validateHours', () => {
  it('parses the default and round-trips', () => {
    expect(parseHours('09:00-12:00,13:00-18:00')).toEqual(DEFAULT_HOURS);
    expect(parseHours(' 09:00 – 12:00 ; 13:00-18:00 ')).toEqual(DEFAULT_HOURS);
    expect(formatHours(DEFAULT_HOURS)).toBe('09:00-12:00,13:00-18:00');
    expect(parseHours('00:00-24:00')).toEqual({ periods: [{ start: '00:00', end: '24:00' }] });
    // Touching periods are allowed (no overlap).
    expect(parseHours('09:00-12:00,12:00-18:00').periods).toHaveLength(2);
  });

  it.each([
    ['', /empty/],
    ['9:00-12:00', /HH:MM/],
    ['09:00', /HH:MM-HH:MM/],
    ['09:00-25:00', /outside/],
    ['24:00-24:00', /outside/],
    ['09:60-12:00', /outside/],
    ['12:00-09:00', /end after it starts/],
    ['09:00-09:00', /end after it starts/],
    ['13:00-18:00,09:00-12:00', /sorted and non-overlapping/],
    ['09:00-13:00,12:00-18:00', /sorted and non-overlapping/],
  ])('rejects %j', (s, msg) => {
    expect(() => parseHours(s)).toThrow(RangeError);
    expect(() => parseHours(s)).toThrow(msg);
  });

  it('validates structured input', () => {
    expect(() => validateHours({ periods: [] })).toThrow(RangeError);
    expect(() => validateHours({} as never)).toThrow(RangeError);
    expect(() => validateHours({ periods: [{ start: 9 as never, end: '12:00' }] })).toThrow(RangeError);
    expect(validateHours({ periods: [{ start: '08:00', end: '17:00' }] })).toEqual({ periods: [{ start: '08:00', end: '17:00' }] });
  });

  it('DEFAULT_HOURS is frozen', () => {
    expect(Object.isFrozen(DEFAULT_HOURS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_HOURS.periods)).toBe(true);
  });
});
