// Settings and management pages: users, working calendar, reports, kanban, lists in English.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, screenshot, startServer, clickUntil } from './harness';

describe('settings, reports and lists', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // a few customers and deals so lists, kanban and charts have something to show
    const sales = await apiToken(server.baseUrl, 'sales');
    for (let i = 1; i <= 12; i++) {
      const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', {
        name: `测试客户${String(i).padStart(2, '0')}有限公司`,
        address: `上海市徐汇区漕溪北路 ${i} 号`,
        contactPerson: `联系人${i}`,
        phone: `021-6400 ${String(1000 + i)}`,
      }, sales);
      if (i <= 4) {
        await apiCall(server.baseUrl, 'POST', '/deals', {
          customerId: c.data.id,
          survey: { broadbandAvailable: false, hasPbx: false, monthlyLdBillFen: 120000 * i, acceptsSplitMode: i % 2 === 0 },
        }, sales);
      }
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>, password?: string) =>
    asRole({ browser, server, prefix: 'admin' }, role, name, fn, password);

  it('the sysadmin creates a user, validated as typed', async () => {
    await as('sysadmin', 'users', async (page) => {
      await page.goto('/settings/users');
      await page.getByText('sales_manager', { exact: true }).waitFor();
      await page.getByTestId('user-new').click();
      await page.locator('#new-user_username').fill('xiaowang');
      await page.locator('#new-user_displayName').fill('小王');
      await page.locator('#new-user_password').fill('short');
      await page.locator('.ant-form-item-explain-error', { hasText: '密码至少 10 位' }).waitFor();
      await page.locator('#new-user_password').fill('xiaowang-2026');
      // pick the role from the open dropdown; an option clicked while the dropdown still animates can be lost, so check and retry once
      const pickRole = async () => {
        await page.locator('#new-user_roles').click();
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '业务员' }).first().click();
        await page.keyboard.press('Escape');
      };
      await pickRole();
      if (!(await page.getByRole('dialog').locator('.ant-select-selection-item', { hasText: '业务员' }).count())) await pickRole();
      await clickUntil(page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }), page.getByText('用户已创建'));
      await page.locator('input[placeholder="关键字"]').fill('xiaowang');
      await page.locator('input[placeholder="关键字"]').press('Enter');
      await page.getByText('共 1 条').waitFor();
      await page.getByText('xiaowang', { exact: true }).waitFor();
    });
    await as('xiaowang', 'new-user-login', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-deals').waitFor();
      await expect(page.getByTestId('user-name').textContent()).resolves.toBe('小王');
    }, 'xiaowang-2026');
  });

  it('the sysadmin sees the working calendar', async () => {
    await as('sysadmin', 'calendar', async (page) => {
      await page.goto('/settings/calendar');
      await page.getByText('所选日期所在的一周').waitFor();
      await page.getByText('2026-03-02 周一').waitFor(); // the server's (manual) today
      await page.locator('#calendar-date').click();
      await page.locator('#calendar-date').fill('2026-10-01');
      await page.locator('#calendar-date').press('Enter');
      await page.getByText('法定节假日').first().waitFor();
    });
  });

  it('customers: search and paging', async () => {
    await as('cs_agent', 'customers', async (page) => {
      await page.goto('/customers');
      await page.getByText('共 12 条').waitFor();
      await page.getByTestId('customer-search').locator('input').fill('测试客户03');
      await page.getByTestId('customer-search').locator('input').press('Enter');
      await page.getByText('共 1 条').waitFor();
      // the list state lives in the URL: a reload and the back button keep it
      expect(new URL(page.url()).searchParams.get('q')).toBe('测试客户03');
      await page.reload();
      await page.getByText('共 1 条').waitFor();
      await expect(page.getByTestId('customer-search').locator('input').inputValue()).resolves.toBe('测试客户03');
      await page.goBack();
      await page.getByText('共 12 条').waitFor();
    });
  });

  it('the sales manager sees the deal board and the reports', async () => {
    await as('sales_manager', 'reports', async (page) => {
      await page.goto('/deals');
      await page.getByTestId('deal-kanban').waitFor();
      // four stages of work, the ended deals apart (issue 15 §8)
      const presales = page.getByTestId('kanban-presales');
      await presales.getByText('测试客户01有限公司').waitFor();
      await presales.getByTestId('kanban-card-qualify').first().getByText('客户定性').waitFor();
      for (const stage of ['approval', 'commerce', 'implementation']) await page.getByTestId(`kanban-${stage}`).waitFor();
      await page.getByTestId('kanban-ended').getByText('已结束').waitFor();
      await screenshot(page, 'admin-kanban');
      await page.getByTestId('menu-reports').click();
      await page.getByTestId('report-deals').locator('canvas').waitFor();
      await page.getByTestId('report-pipeline').waitFor();
    });
  });

  it('business pages work in English too', async () => {
    await as('sales', 'english-deals', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('lang-switch').click();
      await page.getByTestId('menu-deals').click();
      await page.getByRole('columnheader', { name: 'Deal number' }).first().waitFor();
      // a state shown in the list's cells (not a hidden option or measuring row)
      await page.locator('tbody td', { hasText: 'Qualify' }).first().waitFor();
      await page.getByTestId('deal-new').click();
      await page.getByText('Broadband available').waitFor();
    });
  });
});
