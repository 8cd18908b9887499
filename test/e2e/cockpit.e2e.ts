// The cockpit (工作台, issue 13 item 6): staff land on it after sign-in. The GM sees the pipeline
// funnel, signed amounts by month, work by department, the satisfaction trend, the feedback report
// and the approvals waiting; the tech manager sees the department against its targets, the
// overdue work and the engineer scores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, startServer } from './harness';

describe('cockpit', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const base = server.baseUrl;
    const [sales, cs, engineer, gm] = [await apiToken(base, 'sales'), await apiToken(base, 'cs_agent'), await apiToken(base, 'engineer'), await apiToken(base, 'gm')];
    // the tech department's targets for the demo clock's month
    expect((await apiCall(base, 'PUT', '/targets/2026-03', { repairsOnTimeRate: 0.9, satisfactionRate: 0.95, installationsOnTimeRate: 0.9 }, gm)).status).toBe(200);
    for (let i = 1; i <= 3; i++) {
      const c = await apiCall<{ id: string }>(base, 'POST', '/customers', { name: `工作台客户${i}有限公司`, address: `上海市徐汇区漕溪北路 ${i} 号`, contactPerson: '王经理', phone: `021-6400 100${i}` }, sales);
      expect(c.status).toBe(201);
      expect((await apiCall(base, 'POST', '/deals', { customerId: c.data.id, survey: { broadbandAvailable: true, hasPbx: false, monthlyLdBillFen: 100000 * i, acceptsSplitMode: true } }, sales)).status).toBe(201);
      if (i === 1) {
        const tk = await apiCall<{ id: string }>(base, 'POST', '/tickets', { customerId: c.data.id, kind: 'complaint', problem: '外线打不出去' }, cs);
        expect(tk.status).toBe(201);
        const open = async () => (await apiCall<{ items: { id: string }[] }>(base, 'GET', `/tasks?status=open&mine=false&caseId=${tk.data.id}`, undefined, gm)).data.items[0].id;
        expect((await apiCall(base, 'POST', `/tasks/${await open()}/complete`, { form: { cause: '网关配置丢失', resolution: '重新下发配置', qualityComplaint: false } }, engineer)).status).toBe(200);
        expect((await apiCall(base, 'POST', `/tasks/${await open()}/complete`, { outcome: 'satisfied', form: { customerOpinion: '很满意' } }, cs)).status).toBe(200);
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'cockpit' }, role, name, fn);
  const canvas = (page: Page, card: string) => page.locator(`[data-testid="${card}"] canvas`).first().waitFor();

  it('the GM lands on the cockpit with its charts and lists', async () => {
    await as('gm', 'gm', async (page) => {
      await page.goto('/');
      await page.waitForURL(/\/home$/);
      await page.getByTestId('cockpit').waitFor();
      for (const card of ['home-funnel', 'home-signed', 'home-work', 'home-satisfaction']) await canvas(page, card);
      await page.getByTestId('home-feedback').waitFor();
      await page.getByTestId('home-approvals').waitFor();
      await expect(page.getByTestId('menu-home').textContent()).resolves.toBe('工作台');
      // the funnel counts the three new deals in their first step
      await page.waitForTimeout(800);
    });
  });

  it('the tech manager sees the department against targets, overdue work and the engineer scores', async () => {
    await as('tech_manager', 'tech-manager', async (page) => {
      await page.goto('/');
      await page.waitForURL(/\/home$/);
      await canvas(page, 'home-targets');
      await page.getByTestId('home-overdue').waitFor();
      await canvas(page, 'home-engineers');
      await expect(page.getByTestId('home-funnel').count()).resolves.toBe(0);
      await page.waitForTimeout(800);
    });
  });
});
