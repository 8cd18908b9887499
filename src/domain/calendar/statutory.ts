// Statutory holiday days (法定节假日) under the PRC national holiday rules, and the overtime
// multiplier of a day (×3 statutory, ×2 other rest days; PROCESS §6.1).
// The lunar dates come from ICU's Chinese calendar (Intl), read in UTC so the machine's time
// zone never shifts a day; chinese-days' own lunar helpers read local midnight and drift a day
// west of UTC. 清明 uses the standard 21st-century solar-term formula. Tests check every
// official year against the statutory day counts chinese-days publishes.
import type { DayInfo } from './types.js';

export type Festival = '元旦' | '春节' | '清明' | '劳动节' | '端午' | '中秋' | '国庆节';

const DAY_MS = 86_400_000;
const lunarFormat = new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });

/** Lunar month and day of a civil date; a leap month gives month NaN (never a festival). */
function lunar(ms: number): { month: number; day: number } {
  let month = NaN;
  let day = NaN;
  for (const p of lunarFormat.formatToParts(new Date(ms))) {
    if (p.type === 'month') month = /^\d+$/.test(p.value) ? Number(p.value) : NaN;
    if (p.type === 'day') day = Number(p.value);
  }
  return { month, day };
}

/** 清明: day of April by the 寿星 formula [Y × 0.2422 + C] − [Y / 4], C = 4.81 in 2001–2099. */
function qingmingDay(year: number): number {
  const y = year % 100;
  const c = year >= 2001 ? 4.81 : 5.59;
  return Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The festival a date is a statutory day of, under the rules in force that year:
 * 元旦 1 Jan; 春节 除夕–初三 from 2025 (初一–初三 2014–2024, 除夕–初二 2008–2013, 初一–初三 before);
 * 清明, 端午, 中秋 one day each from 2008; 劳动节 1–2 May from 2025 (1 May 2008–2024, 1–3 May before);
 * 国庆节 1–3 Oct. Undefined for every other date. Throws RangeError on a malformed date.
 */
export function statutoryFestival(date: string): Festival | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Invalid date ${JSON.stringify(date)}`);
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms) || iso(ms) !== date) throw new RangeError(`Invalid date ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m === 1 && d === 1) return '元旦';
  if (m === 10 && d <= 3) return '国庆节';
  if (m === 5) {
    const days = year >= 2025 ? 2 : year >= 2008 ? 1 : 3;
    if (d <= days) return '劳动节';
  }
  if (year >= 2008 && m === 4 && d === qingmingDay(year)) return '清明';
  const l = lunar(ms);
  if (year >= 2008 && l.month === 5 && l.day === 5) return '端午';
  if (year >= 2008 && l.month === 8 && l.day === 15) return '中秋';
  // 春节: days counted from 初一 (0), 除夕 being −1.
  const next = lunar(ms + DAY_MS);
  const offset = l.month === 1 && l.day <= 3 ? l.day - 1 : next.month === 1 && next.day === 1 ? -1 : undefined;
  if (offset !== undefined) {
    const [first, last] = year >= 2025 ? [-1, 2] : year >= 2014 ? [0, 2] : year >= 2008 ? [-1, 1] : [0, 2];
    if (offset >= first && offset <= last) return '春节';
  }
  return undefined;
}

/** Whether a calendar day is a statutory holiday day: a day off that the law names (not a weekend moved into the run). */
export function isStatutory(info: DayInfo): boolean {
  return info.kind === 'holiday' && statutoryFestival(info.date) !== undefined;
}

/** Overtime multiplier for work on a day: 3 on statutory days, 2 on other rest days, 1 on working days. */
export function overtimeMultiplier(info: DayInfo): 1 | 2 | 3 {
  if (info.workday) return 1;
  return isStatutory(info) ? 3 : 2;
}
