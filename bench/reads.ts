// Reports and list searches on the seeded bench database (PostgreSQL): each report timed one
// request at a time (the GM's), each list search under 32 connections with autocannon.
import os from 'node:os';
import { BENCH_NOW, type Scale, type Seeded } from './seed.js';
import { cannon, prepare, startServer } from './http.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const REPEAT = Number(process.env.BENCH_REPORT_RUNS ?? 10);

export interface ReportFigure { call: string; url: string; p50: number; max: number; runs: number; bytes: number }
export interface SearchFigure { call: string; url: string; rps: number; p50: number; p90: number; p97_5: number; p99: number; errors: number; load: number; one: { p50: number; p99: number } }
export interface ReadsRun { seeded: Seeded; reports: ReportFigure[]; searches: SearchFigure[] }

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchReads(adminUrl: string, scale: Scale): Promise<ReadsRun> {
  const { env, seeded } = await prepare('postgres', adminUrl, scale);
  const { child, port } = await startServer(env);
  const base = `http://127.0.0.1:${port}/api/v1`;
  try {
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'gm', password: 'demo1234' }) });
    const { token } = (await login.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}` };
    // the month and week before the data's "now": the seeded history is spread over 1,000 days
    const now = new Date(BENCH_NOW);
    const month = new Date(now.getTime() - 20 * 86_400_000).toISOString().slice(0, 7);
    const [y, m] = month.split('-').map(Number);
    const from = `${month}-01`;
    const to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
    const reports: [string, string][] = [
      ['weekly summary', `/reports/weekly?week=2026-W08`],
      ['pipeline report', `/reports/pipeline`],
      ['engineer scores (a month)', `/reports/engineers?from=${from}&to=${to}`],
      ['sales review (a month)', `/reports/sales?from=${from}&to=${to}`],
      ['department results (a month)', `/reports/departments?month=${month}`],
    ];
    const reportFigures: ReportFigure[] = [];
    for (const [call, url] of reports) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i <= REPEAT; i++) {
        const t = performance.now();
        const r = await fetch(base + url, { headers });
        const text = await r.text();
        if (r.status !== 200) throw new Error(`${url}: ${r.status} ${text.slice(0, 200)}`);
        bytes = text.length;
        if (i > 0) times.push(performance.now() - t); // the first is the warm-up
      }
      reportFigures.push({ call, url, p50: Math.round(median(times)), max: Math.round(Math.max(...times)), runs: times.length, bytes });
      console.log(reportFigures.at(-1));
    }
    const searches: [string, string][] = [
      ['deal list, customer name 华星', `/deals?q=${encodeURIComponent('华星')}`],
      ['deal list, part of a number', `/deals?q=${encodeURIComponent('0012345')}`],
      ['ticket list, customer name 华星', `/tickets?q=${encodeURIComponent('华星')}`],
      ['ticket list, part of a number', `/tickets?q=${encodeURIComponent('0012345')}`],
      ['archive, customer name 华星', `/documents?customer=${encodeURIComponent('华星')}`],
      ['archive, part of a number', `/documents?number=${encodeURIComponent('0012345')}`],
    ];
    const searchFigures: SearchFigure[] = [];
    for (const [call, url] of searches) {
      const check = await fetch(base + url, { headers });
      if (check.status !== 200) throw new Error(`${url}: ${check.status} ${(await check.text()).slice(0, 200)}`);
      // one request at a time first: what one search costs, before 32 share the two cores
      const alone = await cannon({ url: base + url, connections: 1, duration: Math.max(2, SECONDS / 2), headers });
      const load = Math.round(os.loadavg()[0] * 100) / 100;
      const r = await cannon({ url: base + url, connections: 32, duration: SECONDS, headers });
      searchFigures.push({ call, url, rps: Math.round(r.requests.average), p50: r.latency.p50, p90: r.latency.p90, p97_5: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx + alone.errors + alone.non2xx, load, one: { p50: alone.latency.p50, p99: alone.latency.p99 } });
      console.log(searchFigures.at(-1));
    }
    return { seeded, reports: reportFigures, searches: searchFigures };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
