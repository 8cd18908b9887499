// The shared input building blocks for dates and times. Every ISO date or datetime the API
// accepts is built from these, so the accepted years (2000–2100) are decided in one place.
import { z } from 'zod';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
const yearOk = (s: string) => {
  const y = Number(s.slice(0, 4));
  return y >= MIN_YEAR && y <= MAX_YEAR;
};
const yearMessage = `year must be between ${MIN_YEAR} and ${MAX_YEAR}`;

/** An instant: ISO 8601 with an offset (`2026-03-02T09:00:00+08:00`), years 2000–2100. */
export const isoTime = z.string()
  .datetime({ offset: true, message: 'must be an ISO 8601 time with offset', abort: true })
  .refine(yearOk, yearMessage);

/** A calendar day `YYYY-MM-DD` that exists, years 2000–2100. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be YYYY-MM-DD', abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: 'not a real date', abort: true })
  .refine(yearOk, yearMessage);

/** China has one time zone and no daylight saving: Asia/Shanghai is UTC+8 all year. */
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** The instant a Shanghai wall-clock time (`HH:mm`, 00:00 by default) of a day `YYYY-MM-DD` names. */
export const shanghaiAt = (date: string, hhmm = '00:00'): Date => new Date(`${date}T${hhmm}:00+08:00`);

/** The instant a Shanghai day `YYYY-MM-DD` begins. */
export const shanghaiMidnight = (date: string): Date => shanghaiAt(date);

/** YYYY-MM-DD of an instant in Asia/Shanghai. */
export const shanghaiDate = (t: Date): string => new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/** YYYY-MM-DD HH:mm of an instant in Asia/Shanghai, for people to read. */
export const shanghaiTime = (t: Date): string => new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
