// Management (issue 13): the tech manager opens an engineer's score down to the tickets behind it;
// the GM reads the sales review with its Pareto of lost reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, startServer } from './harness';
import { repairedComplaint } from './fixtures';

describe('management reports', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let ticketNumber = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ticketNumber = (await repairedComplaint(server.baseUrl, { name: '考评测试客户有限公司', address: '上海市徐汇区漕溪北路 1 号', contactPerson: '王经理', phone: '021-6400 1000' }, '外线打不出去')).number;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'management' }, role, name, fn);

  it('the tech manager opens an engineer\'s score down to the tickets', async () => {
    await as('tech_manager', 'engineer-drill', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('link-engineer-scores').click();
      await page.getByTestId('engineer-scores').waitFor();
      await page.getByText('40 · 一次修复 30').waitFor();
      await page.getByTestId('drill-repairs').filter({ hasText: /^1$/ }).first().click();
      await page.getByTestId('drill-cases').getByText(ticketNumber).waitFor();
    });
  });

  it('the CS manager compiles the week\'s feedback and the GM reviews it, ordering an adjustment', async () => {
    const base = server!.baseUrl;
    // the week ends: the sweep opens its feedback report
    expect((await apiCall(base, 'POST', '/clock', { now: '2026-03-09T08:30:00+08:00' }, await apiToken(base, 'sysadmin'))).status).toBe(200);
    const gm = await apiToken(base, 'gm');
    const list = await apiCall<{ items: { caseId: string; number: string }[] }>(base, 'GET', '/feedback-reports', undefined, gm);
    expect(list.data.items.map((r) => r.number)).toEqual(['FR-2026-W10']);
    const id = list.data.items[0].caseId;
    await as('cs_manager', 'feedback-compile', async (page) => {
      await page.goto(`${base}/feedback/${id}`);
      await page.getByTestId('feedback-opinions').getByText('外线打不出去').waitFor();
      await page.getByTestId('task-panel').getByLabel('汇总意见').fill('本周投诉一起，当天修复，客户满意');
      await page.getByTestId('task-submit').click();
      await expect.poll(async () => (await apiCall<{ state: string }>(base, 'GET', `/feedback-reports/${id}`, undefined, gm)).data.state, { timeout: 10_000 }).toBe('gm_review');
    });
    await as('gm', 'feedback-review', async (page) => {
      await page.goto(`${base}/feedback/${id}`);
      await page.getByText('本周投诉一起，当天修复，客户满意').waitFor();
      const panel = page.getByTestId('task-panel');
      await panel.getByLabel('发现的问题').fill('网关配置易丢失');
      await panel.getByTestId('lines-adjustments-add').click();
      await panel.getByTestId('lines-adjustments').getByText('技术部').click();
      await panel.getByTestId('lines-adjustments').locator('textarea').first().fill('每台网关备份配置');
      await panel.getByTestId('lines-adjustments').locator('input.ant-input-number-input').first().fill('2');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('feedback-adjustments').getByText('每台网关备份配置').waitFor({ timeout: 15_000 });
    });
  });

  it('the GM reads the sales review with the Pareto of lost reasons', async () => {
    await as('gm', 'sales-review', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('link-sales-review').click();
      await page.getByTestId('sales-review').waitFor();
      await page.getByTestId('lost-reasons').locator('canvas').first().waitFor();
      const xlsx = await page.getByText('导出 Excel').locator('xpath=ancestor::a').getAttribute('href');
      const res = await page.request.get(xlsx!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('spreadsheetml');
    });
  });
});
