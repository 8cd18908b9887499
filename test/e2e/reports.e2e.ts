// Management and back-office pages: the weekly summary (GM), the archive (admin clerk),
// the outsourced partners and their settlement (tech manager).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, screenshot, startServer, clickUntil } from './harness';

describe('weekly summary, archive and partners', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // two deals → two survey forms (copies: business, admin) waiting to be filed
    const sales = await apiToken(server.baseUrl, 'sales');
    for (const i of [1, 2]) {
      const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', {
        name: `档案测试客户${i}有限公司`,
        address: `上海市静安区南京西路 ${i} 号`,
        contactPerson: `联系人${i}`,
        phone: `021-6200 ${1000 + i}`,
      }, sales);
      expect(c.status).toBe(201);
      const d = await apiCall(server.baseUrl, 'POST', '/deals', {
        customerId: c.data.id,
        survey: { broadbandAvailable: false, hasPbx: false, monthlyLdBillFen: 100000 * i, acceptsSplitMode: true },
      }, sales);
      expect(d.status).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) =>
    asRole({ browser, server, prefix: 'reports' }, role, name, fn);

  it('the GM opens the weekly summary from the reports page', async () => {
    await as('gm', 'weekly', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-weekly-link').getByText('周总结').click();
      await page.getByTestId('weekly-tickets').waitFor();
      // the server's (manual) week: Monday 2026-03-02
      await expect.poll(() => page.locator('#weekly-week').inputValue(), { timeout: 10_000 }).toBe('2026-W10');
      await page.getByText('2026-03-02 ~ 2026-03-08').waitFor();
      await page.getByText('本周没有客户意见').waitFor();
      const print = await page.getByTestId('weekly-print').getAttribute('href');
      expect(print).toBe('/api/v1/reports/weekly/print?week=2026-W10');
      expect((await page.request.get(print!)).status()).toBe(200); // the session cookie authenticates
      const xlsx = await page.getByTestId('weekly-xlsx').getAttribute('href');
      expect(xlsx).toBe('/api/v1/reports/weekly.xlsx?week=2026-W10');
      const res = await page.request.get(xlsx!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('spreadsheetml');
      // another week
      await page.locator('#weekly-week').click();
      await page.locator('.ant-picker-dropdown .ant-picker-header-prev-btn').waitFor();
      await page.locator('.ant-picker-dropdown .ant-picker-header-prev-btn').click();
      await page.locator('.ant-picker-dropdown td[title="2026-02-10"]').click();
      await page.getByText('2026-02-09 ~ 2026-02-15').waitFor();
      await expect.poll(() => page.getByTestId('weekly-print').getAttribute('href'), { timeout: 10_000 }).toBe('/api/v1/reports/weekly/print?week=2026-W07');
    });
  });

  it('the admin clerk searches the archive and files a form', async () => {
    await as('admin_clerk', 'archive', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-archive').click();
      // awaiting archiving first
      await page.getByText('共 2 条').waitFor();
      await page.getByTestId('archive-table').getByText('客户通讯状况调查表').first().waitFor();
      await page.locator('#archive-filter_customer').fill('档案测试客户2');
      await page.getByTestId('archive-search').click();
      await page.getByText('共 1 条').waitFor();
      const exportHref = await page.getByTestId('archive-export').getAttribute('href');
      expect(exportHref).toContain('customer=');
      expect(exportHref).toContain('archived=false');
      expect((await page.request.get(exportHref!)).status()).toBe(200);
      await page.getByTestId('archive-file').click();
      await page.getByText('已归档').first().waitFor();
      await page.getByText('没有符合条件的单据').waitFor(); // it left the awaiting list
      await page.getByTestId('archive-state').getByText('已归档').click();
      await page.getByText('共 1 条').waitFor();
      await page.getByTestId('archive-table').getByText(/已归档 2026-03-02/).waitFor();
      await screenshot(page, 'reports-archive-filed');
      // the asset registry by serial number
      await page.getByRole('tab', { name: '设备序列号' }).click();
      await page.getByTestId('asset-search').locator('input').fill('SN-NONE');
      await page.getByTestId('asset-search').locator('input').press('Enter');
      await page.getByText('没有序列号包含“SN-NONE”的设备').waitFor();
    });
  });

  it('the tech manager creates a partner and opens its settlement', async () => {
    await as('tech_manager', 'partners', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-partners').click();
      await page.getByTestId('partner-table').getByText('鑫通外包技术服务有限公司（演示）').waitFor();
      await page.getByTestId('partner-new').click();
      await page.locator('#partner_name').fill('华信维修服务有限公司');
      await page.locator('#partner_certifiedUntil').click();
      await page.locator('#partner_certifiedUntil').fill('2026-01-31'); // already expired on 2026-03-02
      await page.locator('#partner_certifiedUntil').press('Enter');
      await page.locator('#partner_ratePerRepairFen').fill('150');
      await clickUntil(page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }), page.getByText('服务商已创建'));
      const row = page.locator('tr', { hasText: '华信维修服务有限公司' });
      await row.getByTestId('partner-expired').waitFor();
      await row.getByText('¥150.00').waitFor();
      const token = await apiToken(server!.baseUrl, 'tech_manager');
      const list = await apiCall<{ items: { name: string; ratePerRepairFen: number; certified: boolean }[] }>(server!.baseUrl, 'GET', '/partners', undefined, token);
      expect(list.data.items.find((p) => p.name === '华信维修服务有限公司')).toMatchObject({ ratePerRepairFen: 15000, certified: false });
      await screenshot(page, 'reports-partners-list');
      await row.getByTestId('partner-settlement').click();
      const drawer = page.getByTestId('settlement-drawer');
      await drawer.getByText('华信维修服务有限公司 · 月度结算').waitFor();
      await drawer.getByText('本月没有维修记录').waitFor();
      await drawer.getByText('0 次 × ¥150.00 = ¥0.00').waitFor();
      await expect.poll(() => drawer.locator('#settlement-month').inputValue(), { timeout: 10_000 }).toBe('2026-03');
    });
  });
});
