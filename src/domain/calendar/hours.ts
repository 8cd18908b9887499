import type { BusinessHours } from './types.js';
import { MS_PER_MINUTE } from './time.js';

/** 09:00–12:00 and 13:00–18:00: an 8-hour business day. */
export const DEFAULT_HOURS: BusinessHours = Object.freeze({
  periods: Object.freeze([
    Object.freeze({ start: '09:00', end: '12:00' }),
    Object.freeze({ start: '13:00', end: '18:00' }),
  ]) as BusinessHours['periods'],
});

const HHMM_RE = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of 'HH:MM'; '24:00' only where `allow24` (a period end). */
function parseClock(s: unknown, allow24: boolean, what: string): number {
  const m = typeof s === 'string' ? HHMM_RE.exec(s) : null;
  if (!m) throw new RangeError(`Invalid ${what} ${JSON.stringify(s)}: expected HH:MM`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && (min !== 0 || !allow24))) {
    throw new RangeError(`Invalid ${what} ${JSON.stringify(s)}: outside 00:00–${allow24 ? '24:00' : '23:59'}`);
  }
  return h * 60 + min;
}

function formatClock(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Business hours in the form the hot path wants: ms offsets within a local day. */
export interface CompiledHours {
  readonly hours: BusinessHours;
  readonly starts: readonly number[];
  readonly ends: readonly number[];
  /** Working ms elapsed in the day before each period opens. */
  readonly before: readonly number[];
  /** Working ms in one working day (the length of a business day). */
  readonly dayMs: number;
}

/**
 * Checks business hours (at least one period, each start < end, sorted,
 * non-overlapping, within one day) and returns them compiled.
 * Periods may touch (12:00–12:00 adjacency), which is equivalent to merging them.
 */
export function compileHours(input: BusinessHours): CompiledHours {
  if (!input || !Array.isArray(input.periods) || input.periods.length === 0) {
    throw new RangeError('Invalid business hours: at least one period is required');
  }
  const starts: number[] = [];
  const ends: number[] = [];
  const before: number[] = [];
  const periods: { start: string; end: string }[] = [];
  let acc = 0;
  input.periods.forEach((p, i) => {
    const s = parseClock(p?.start, false, `start of period ${i + 1}`);
    const e = parseClock(p?.end, true, `end of period ${i + 1}`);
    if (e <= s) {
      throw new RangeError(`Invalid business hours: period ${i + 1} (${formatClock(s)}–${formatClock(e)}) must end after it starts`);
    }
    if (i > 0 && s < ends[i - 1] / MS_PER_MINUTE) {
      throw new RangeError(
        `Invalid business hours: period ${i + 1} starts at ${formatClock(s)}, before period ${i} ends at ${formatClock(ends[i - 1] / MS_PER_MINUTE)} (periods must be sorted and non-overlapping)`,
      );
    }
    starts.push(s * MS_PER_MINUTE);
    ends.push(e * MS_PER_MINUTE);
    before.push(acc);
    acc += (e - s) * MS_PER_MINUTE;
    periods.push({ start: formatClock(s), end: formatClock(e) });
  });
  // Frozen so a calendar's `hours` cannot be edited behind its precomputed tables.
  const hours: BusinessHours = Object.freeze({ periods: Object.freeze(periods.map((p) => Object.freeze(p))) as BusinessHours['periods'] });
  return { hours, starts, ends, before, dayMs: acc };
}

/** Validates business hours and returns a normalized copy; throws RangeError if invalid. */
export function validateHours(input: BusinessHours): BusinessHours {
  return compileHours(input).hours;
}

/** Parses '09:00-12:00, 13:00-18:00' (',' or ';' between periods, '-' or '–' within). */
export function parseHours(s: string): BusinessHours {
  if (typeof s !== 'string' || s.trim() === '') {
    throw new RangeError('Invalid business hours: empty string');
  }
  const periods = s.split(/[,;]/).map((part) => {
    const m = /^\s*(\S+?)\s*[-–]\s*(\S+)\s*$/.exec(part);
    if (!m) throw new RangeError(`Invalid business hours period ${JSON.stringify(part.trim())}: expected HH:MM-HH:MM`);
    return { start: m[1], end: m[2] };
  });
  return validateHours({ periods });
}

/** Inverse of parseHours: '09:00-12:00,13:00-18:00'. */
export function formatHours(h: BusinessHours): string {
  return h.periods.map((p) => `${p.start}-${p.end}`).join(',');
}
