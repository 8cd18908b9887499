// Seed chapter 3 in the browser: a complaint taken at the CS console, repaired on site with a
// replaced device (form 6), a dissatisfied follow-up sending it back, then closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, login, newContext, saveLogs, screenshot, startServer, type RunningServer } from './harness';
import { installedCustomer } from './fixtures';

const CUSTOMER = '宁波港湾物流有限公司';

describe('ticket journey (seed chapter 3)', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let phone = '';
  let ticketUrl = '';
  let customerId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ phone, customerId } = await installedCustomer(server.baseUrl, CUSTOMER, ['GW-0001', 'GW-0002']));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function as(role: string, name: string, fn: (page: Page) => Promise<void>) {
    const context: BrowserContext = await newContext(browser, server!.baseUrl);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await login(page, role);
      await fn(page);
      await screenshot(page, `ticket-${name}`);
      expect(errors).toEqual([]);
    } catch (e) {
      await screenshot(page, `ticket-${name}-failed`).catch(() => undefined);
      saveLogs(server, `ticket-${name}`);
      throw e;
    } finally {
      await context.close();
    }
  }

  async function openTicketTask(page: Page, stepZh: string) {
    await page.goto('/inbox');
    const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: stepZh }).first();
    await row.waitFor();
    await row.click();
    await page.waitForURL(/\/tickets\//);
    await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe(stepZh);
  }

  it('the CS agent finds the caller by phone and opens a complaint', async () => {
    await as('cs_agent', '01-console', async (page) => {
      await page.getByTestId('menu-tickets').click();
      await page.getByTestId('ticket-new').click();
      await page.getByTestId('console-search').locator('input').fill(phone);
      await page.getByTestId('console-search').locator('input').press('Enter');
      await page.getByTestId('console-customer').filter({ hasText: CUSTOMER }).waitFor();
      await page.getByText('VIP服务 7×24').first().waitFor();
      await page.getByTestId('ticket-problem').fill('总机无法呼出长途，提示音忙。');
      await screenshot(page, 'ticket-01-console-form');
      await page.getByTestId('ticket-submit').click();
      await page.waitForURL(/\/tickets\/(?!new)[^/]+$/);
      ticketUrl = new URL(page.url()).pathname;
      await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe('故障处理');
    });
  });

  it('the engineer resolves on site and replaces a device; a wrong serial is refused on its field', async () => {
    await as('engineer', '02-resolve', async (page) => {
      await openTicketTask(page, '故障处理');
      await page.locator('#task-resolve_form_cause').fill('网关电源模块损坏');
      await page.locator('#task-resolve_form_resolution').fill('上门更换网关');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await page.getByTestId('replacement-add').click();
      await page.locator('#task-resolve_form_replacements_0_oldSerialNumber').fill('NO-SUCH-SERIAL');
      await page.locator('#task-resolve_form_replacements_0_newBrandModel').fill('华为 AR161');
      await page.locator('#task-resolve_form_replacements_0_newSerialNumber').fill('GW-0101');
      await page.getByTestId('task-submit').click();
      // the server's 400 lands on the old-serial field and everything typed stays
      await page.locator('#task-resolve_form_replacements_0_oldSerialNumber').locator('xpath=ancestor::div[contains(@class,"ant-form-item")][1]').locator('.ant-form-item-explain-error').waitFor();
      await expect(page.locator('#task-resolve_form_cause').inputValue()).resolves.toBe('网关电源模块损坏');
      await screenshot(page, 'ticket-02-resolve-error');
      await page.locator('#task-resolve_form_replacements_0_oldSerialNumber').fill('GW-0001');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '回访确认' }).waitFor();
    });
  });

  it('the CS agent calls back: not satisfied, so it goes back to the engineer', async () => {
    await as('cs_agent', '03-followup-unsatisfied', async (page) => {
      await page.goto(ticketUrl);
      await page.locator('#task-follow_up_outcome').getByText('不满意').click();
      await page.locator('#task-follow_up_form_customerOpinion').fill('偶尔还会掉线');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '故障处理' }).waitFor();
    });
  });

  it('the engineer resolves again and the customer is satisfied; the ticket closes', async () => {
    await as('engineer', '04-resolve-again', async (page) => {
      await openTicketTask(page, '故障处理');
      await page.locator('#task-resolve_form_cause').fill('线路接头松动');
      await page.locator('#task-resolve_form_resolution').fill('重新压接水晶头');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '回访确认' }).waitFor();
    });
    await as('cs_agent', '05-closed', async (page) => {
      await page.goto(ticketUrl);
      await page.locator('#task-follow_up_outcome').getByText('满意', { exact: true }).click();
      await page.getByTestId('task-submit').click();
      await page.getByText('已关闭').first().waitFor();
      await page.getByTestId('document-list').getByText('客户问题反馈单').waitFor();
    });
  });

  it('the asset registry shows the replaced device', async () => {
    await as('cs_manager', '06-assets', async (page) => {
      await page.goto(`/customers/${customerId}`);
      await page.getByRole('tab', { name: /设备资产/ }).click();
      await page.getByTestId('asset-table').getByText('GW-0101').waitFor();
      await page.getByTestId('asset-table').getByText(/已更换/).waitFor();
    });
  });
});
