// Calendar benchmark: dueAt on the official PRC calendar, the precomputed
// prefix-sum implementation vs. a plain day-by-day loop over the same data.
// Run: npx tsx bench/calendar.ts
import { pathToFileURL } from 'node:url';
import { createWorkCalendar, officialCalendarData, type Tier } from '../src/domain/calendar/index.js';
import { createReferenceCalendar } from '../src/domain/calendar/reference.js';

export interface CalendarBenchResult {
  fastPerSec: number;
  naivePerSec: number;
  ratio: number;
}

const N = 1_000_000;
const ROUNDS = 3;

/** Deterministic PRNG (mulberry32) so runs are comparable. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

type DueAt = (from: Date, days: number, tier: Tier) => Date;

/** Runs all inputs once; returns elapsed ms and a checksum (keeps the work observable). */
function pass(dueAt: DueAt, starts: Date[], days: Float64Array, count: number): { ms: number; sum: number } {
  let sum = 0;
  const t0 = performance.now();
  for (let i = 0; i < count; i++) sum += dueAt(starts[i], days[i], 'standard').getTime() % 1_000_003;
  return { ms: performance.now() - t0, sum };
}

/** One million standard dueAt calls (random start 2024–2026, random 0–10 days) per implementation and round. */
export async function runCalendarBench(): Promise<CalendarBenchResult> {
  const data = officialCalendarData();
  const fast = createWorkCalendar({ data });
  const naive = createReferenceCalendar({ data });

  const rand = rng(20240101);
  const lo = Date.parse('2024-01-01T00:00:00+08:00');
  const hi = Date.parse('2027-01-01T00:00:00+08:00');
  const starts = new Array<Date>(N);
  const days = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    starts[i] = new Date(lo + Math.floor(rand() * (hi - lo)));
    days[i] = rand() * 10;
  }

  const fastDue: DueAt = (f, d, t) => fast.dueAt(f, d, t);
  const naiveDue: DueAt = (f, d, t) => naive.dueAt(f, d, t);

  // Warm up both so the JIT has optimized them before timing.
  pass(fastDue, starts, days, 100_000);
  pass(naiveDue, starts, days, 100_000);

  const fastMs: number[] = [];
  const naiveMs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const f = pass(fastDue, starts, days, N);
    const n = pass(naiveDue, starts, days, N);
    if (f.sum !== n.sum) throw new Error('fast and naive dueAt disagree');
    fastMs.push(f.ms);
    naiveMs.push(n.ms);
  }
  const fastPerSec = N / (median(fastMs) / 1000);
  const naivePerSec = N / (median(naiveMs) / 1000);
  return { fastPerSec, naivePerSec, ratio: fastPerSec / naivePerSec };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runCalendarBench();
  const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M/s`;
  console.log(`Calendar dueAt (standard, ${N.toLocaleString('en')} calls × ${ROUNDS} rounds, median; starts 2024–2026, days 0–10)`);
  console.log(`  fast  (prefix sum + ordinal index):  ${fmt(r.fastPerSec)}`);
  console.log(`  naive (day-by-day loop):            ${fmt(r.naivePerSec)}`);
  console.log(`  ratio: ${r.ratio.toFixed(1)}×`);
}
