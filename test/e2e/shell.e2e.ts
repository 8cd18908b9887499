// The web shell: every demo role signs in, sees its own menu and its inbox; language switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, launchBrowser, login, newContext, saveLogs, screenshot, startServer, type RunningServer } from './harness';
import { EXPECTED_MENUS, type Menu } from '../support/menus';

// Stated in test/support on purpose (not imported from the web app): the test is the spec.
const ROLE_ZH: Record<string, string> = {
  sales: '业务员',
  sales_manager: '业务经理',
  engineer: '技术工程师',
  tech_manager: '技术经理',
  cs_agent: '客服人员',
  cs_manager: '客服经理',
  admin_clerk: '行政人员',
  gm: '总经理',
  partner_engineer: '外包服务商工程师',
  sysadmin: '系统管理员',
};

const MENU_ZH: Record<Menu, string> = {
  home: '工作台',
  inbox: '我的待办',
  deals: '商机',
  tickets: '工单',
  customers: '客户',
  archive: '档案',
  partners: '外包服务商',
  reports: '报表',
  people: '人事与薪酬',
  settings: '设置',
  process: '流程设置',
};

async function visibleMenus(page: Page): Promise<Menu[]> {
  const ids = await page.locator('[data-testid^="menu-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('menu-', '') as Menu);
}

describe('web shell', () => {
  let server: RunningServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [role, menus] of Object.entries(EXPECTED_MENUS)) {
    it(`${role} signs in, lands on its cockpit and sees its menu and inbox`, async () => {
      const context = await newContext(browser, server!.baseUrl);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      try {
        await login(page, role);
        // staff land on their cockpit (工作台); a partner engineer on the inbox
        expect(page.url()).toMatch(menus.includes('home') ? /\/home$/ : /\/inbox$/);
        expect(await visibleMenus(page)).toEqual(menus);
        if (menus.includes('home')) {
          await page.getByTestId('cockpit').waitFor();
          await page.getByTestId('menu-inbox').click();
        }
        for (const m of menus) await expect(page.getByTestId(`menu-${m}`).textContent()).resolves.toBe(MENU_ZH[m]);
        await expect(page.getByTestId('user-roles').textContent()).resolves.toContain(ROLE_ZH[role]);
        await page.getByTestId('inbox-table').waitFor();
        await page.locator('[data-testid="inbox-table"] .ant-spin-spinning').waitFor({ state: 'detached' }).catch(() => undefined);
        await expect(page.locator('.ant-card-head-title').first().textContent()).resolves.toBe('我的待办');
        await page.getByTestId('notification-bell').waitFor();
        // due times are shown as Shanghai wall-clock time, YYYY-MM-DD HH:mm
        for (const due of await page.getByTestId('task-due').allTextContents()) expect(due).toMatch(/^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}|—)$/);
        await screenshot(page, `shell-${role}`);
        expect(errors).toEqual([]);
      } catch (e) {
        await screenshot(page, `shell-${role}-failed`).catch(() => undefined);
        saveLogs(server, `shell-${role}`);
        throw e;
      } finally {
        await context.close();
      }
    });
  }

  it('rejects a wrong password with a message and keeps the typed username', async () => {
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/login');
      await page.locator('#login-username').fill('sales');
      await page.locator('#login-password').fill('wrong-password');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-error').waitFor();
      await expect(page.locator('#login-username').inputValue()).resolves.toBe('sales');
    } finally {
      await context.close();
    }
  });

  it('switches to English, remembers it, and logs out', async () => {
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    try {
      await login(page, 'gm');
      await page.getByTestId('lang-switch').click();
      await expect(page.getByTestId('menu-inbox').textContent()).resolves.toBe('My tasks');
      await expect(page.getByTestId('user-roles').textContent()).resolves.toContain('General manager');
      await page.reload();
      await page.getByTestId('main-menu').waitFor();
      await expect(page.getByTestId('menu-deals').textContent()).resolves.toBe('Deals');
      await screenshot(page, 'shell-english');
      await page.getByTestId('lang-switch').click();
      await expect(page.getByTestId('menu-inbox').textContent()).resolves.toBe('我的待办');
      await page.getByTestId('logout').click();
      await page.waitForURL(/\/login$/);
      // the session is gone: a protected page sends us back to login
      await page.goto('/inbox');
      await page.waitForURL(/\/login$/);
    } finally {
      await context.close();
    }
  });

  it('keeps the session across a reload and deep-links after login', async () => {
    const context = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    try {
      await page.goto('/customers');
      await page.waitForURL(/\/login$/);
      await page.locator('#login-username').fill('cs_agent');
      await page.locator('#login-password').fill('demo1234');
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/customers$/);
      await page.reload();
      await page.getByTestId('main-menu').waitFor();
      expect(page.url()).toMatch(/\/customers$/);
    } finally {
      await context.close();
    }
  });

  // last: it moves the (manual) server clock forward, which never goes back
  it('shows overdue work in the inbox and tells the manager through the bell', async () => {
    const base = server!.baseUrl;
    const sales = await apiToken(base, 'sales');
    const c = await apiCall<{ id: string }>(base, 'POST', '/customers', { name: '苏州逾期测试有限公司', address: '苏州市工业园区 1 号', contactPerson: '周先生', phone: '0512-6666 0001' }, sales);
    const d = await apiCall<{ id: string; number: string }>(base, 'POST', '/deals', {
      customerId: c.data.id,
      survey: { broadbandAvailable: true, hasPbx: false, monthlyLdBillFen: 100000, acceptsSplitMode: false },
    }, sales);
    expect(d.status).toBe(201);
    const admin = await apiToken(base, 'sysadmin');
    // qualify is due ½ working day after 09:00 → 14:00; at 15:00 it is overdue
    const moved = await apiCall(base, 'POST', '/clock', { now: '2026-03-02T15:00:00+08:00' }, admin);
    expect(moved.status).toBe(200);

    const context = await newContext(browser, base);
    const page = await context.newPage();
    try {
      await login(page, 'sales');
      await page.goto('/inbox'); // staff land on the cockpit
      const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: '苏州逾期测试有限公司' });
      await row.waitFor();
      await row.locator('.ant-tag', { hasText: '逾期' }).waitFor();
      await expect(row.getByTestId('task-due').textContent()).resolves.toBe('2026-03-02 14:00');
      await screenshot(page, 'shell-overdue-inbox');
      // search and step filter narrow the list; the row opens the deal
      await page.getByTestId('inbox-search').locator('input').fill('苏州');
      await page.getByTestId('inbox-search').locator('input').press('Enter');
      await row.waitFor();
      await row.click();
      await page.waitForURL(new RegExp(`/deals/${d.data.id}$`));
      await page.getByTestId('open-task-step').filter({ hasText: '客户定性' }).waitFor();
      await page.getByText('逾期特殊原因').waitFor();
      await page.getByTestId('logout').click();

      await login(page, 'sales_manager');
      await page.locator('[data-testid="notification-bell"]').locator('xpath=..').locator('.ant-badge-count').waitFor();
      await page.getByTestId('notification-bell').click();
      const item = page.getByTestId('notification-list').locator('[role="button"]').first();
      await item.waitFor();
      await screenshot(page, 'shell-overdue-bell');
      await item.click();
      await page.waitForURL(/\/(deals|cases)\//);
    } catch (e) {
      await screenshot(page, 'shell-overdue-failed').catch(() => undefined);
      saveLogs(server, 'shell-overdue');
      throw e;
    } finally {
      await context.close();
    }
  });
});
