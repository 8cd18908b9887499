// Report periods in Asia/Shanghai: ISO weeks (Monday 00:00 – next Monday 00:00) and months. Pure.
import { z } from 'zod';
import { SHANGHAI_OFFSET_MS, shanghaiTime } from '../../domain/iso.js';

const DAY_MS = 86_400_000;

export interface Period { key: string; from: Date; to: Date }

/** Monday (UTC date arithmetic) of ISO week 1 of an ISO week-year. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - dow * DAY_MS;
}

/** The ISO week (`2026-W10`) containing the instant, in Shanghai local time. */
export function isoWeekOf(t: Date): string {
  const local = new Date(t.getTime() + SHANGHAI_OFFSET_MS);
  const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const thursday = day + (3 - (new Date(day).getUTCDay() + 6) % 7) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - week1Monday(year)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function parseIsoWeek(key: string): Period | null {
  const m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 2000 || year > 2100 || week < 1 || week > 53) return null;
  const monday = week1Monday(year) + (week - 1) * 7 * DAY_MS;
  // week 53 exists only in long years
  if (isoWeekOf(new Date(monday - SHANGHAI_OFFSET_MS)) !== key) return null;
  return { key, from: new Date(monday - SHANGHAI_OFFSET_MS), to: new Date(monday + 7 * DAY_MS - SHANGHAI_OFFSET_MS) };
}

export function parseMonth(key: string): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 2000 || year > 2100 || month < 1 || month > 12) return null;
  return { key, from: new Date(Date.UTC(year, month - 1, 1) - SHANGHAI_OFFSET_MS), to: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS) };
}

export const monthOf = (t: Date) => new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7);

export const weekParam = z.string().regex(/^\d{4}-W\d{2}$/, 'must be an ISO week like 2026-W10')
  .refine((s) => parseIsoWeek(s) !== null, 'no such week');
export const monthParam = z.string().regex(/^\d{4}-\d{2}$/, 'must be YYYY-MM')
  .refine((s) => parseMonth(s) !== null, 'no such month');

/** YYYY-MM-DD HH:mm in Shanghai, for printed and exported reports. */
export const shanghaiText = (t: Date | string | null | undefined) =>
  t ? shanghaiTime(new Date(t)) : '';
