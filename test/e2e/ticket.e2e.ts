// Seed chapter 3 in the browser: a complaint taken at the CS console, repaired on site with a
// replaced device (form 6), a dissatisfied follow-up sending it back, then closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, openFromInbox, type RunningServer, screenshot, startServer, clickUntil } from './harness';
import { installedCustomer } from './fixtures';

const CUSTOMER = '宁波港湾物流有限公司';

describe('ticket journey (seed chapter 3)', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let phone = '';
  let ticketUrl = '';
  let customerId = '';
  let revisitTicketUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ phone, customerId } = await installedCustomer(server.baseUrl, CUSTOMER, ['GW-0001', 'GW-0002']));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) =>
    asRole({ browser, server, prefix: 'ticket' }, role, name, fn);

  const openTicketTask = (page: Page, stepZh: string) => openFromInbox(page, stepZh, /\/tickets\//);

  it('the CS agent finds the caller by phone and opens a complaint', async () => {
    await as('cs_agent', '01-console', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-tickets').click();
      await page.getByTestId('ticket-new').click();
      await page.getByTestId('console-search').locator('input').fill(phone);
      await page.getByTestId('console-search').locator('input').press('Enter');
      await page.getByTestId('console-customer').filter({ hasText: CUSTOMER }).waitFor();
      await page.getByText(/VIP(服务)? 7×24/).first().waitFor();
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
      // form 5: the customer-service part (the problem) is shown, read-only, to the engineer
      await page.getByTestId('readonly-problem').getByText('总机无法呼出长途，提示音忙。').waitFor();
      await expect(page.locator('#task-resolve_form_problem').count()).resolves.toBe(0);
      await page.locator('#task-resolve_form_cause').fill('网关电源模块损坏');
      await page.locator('#task-resolve_form_resolution').fill('上门更换网关');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await page.getByTestId('lines-replacements-add').click();
      await page.locator('#task-resolve_form_replacements_0_oldSerialNumber').fill('NO-SUCH-SERIAL');
      await page.locator('#task-resolve_form_replacements_0_newBrandModel').fill('华为 AR161');
      await page.locator('#task-resolve_form_replacements_0_newSerialNumber').fill('GW-0101');
      await page.getByTestId('task-submit').click();
      // the server's 400 lands on the old-serial field and everything typed stays
      await page.getByTestId('lines-replacements').locator('.ant-form-item-explain-error').waitFor();
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
      // form 5: the technical part is shown, read-only, to customer service
      await page.getByTestId('readonly-cause').getByText('网关电源模块损坏').waitFor();
      await page.getByTestId('readonly-qualityComplaint').getByText('否', { exact: true }).waitFor();
      await page.locator('#task-follow_up_form_customerOpinion').fill('偶尔还会掉线');
      await screenshot(page, 'ticket-03-follow-up-form');
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
      // the printable A4 page opens in a new tab, signed in by the session cookie
      const row = page.getByTestId('document-list').locator('tr', { hasText: '客户问题反馈单' });
      const [popup] = await Promise.all([page.waitForEvent('popup'), row.getByTestId('document-print').click()]);
      await popup.waitForLoadState();
      expect(await popup.content()).toContain('客户问题反馈单');
      await screenshot(popup, 'ticket-05-print-feedback');
      await popup.close();
      await row.getByRole('button', { name: /查\s*看/ }).click();
      await page.getByRole('dialog').getByText('GW-0101', { exact: true }).waitFor();
      await screenshot(page, 'ticket-05-document-view');
      await page.keyboard.press('Escape');
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

  it('a periodic revisit that finds a problem opens a new ticket', async () => {
    // VIP customers are revisited every 14 days: move the training clock past that
    const admin = await apiToken(server!.baseUrl, 'sysadmin');
    const moved = await apiCall(server!.baseUrl, 'POST', '/clock', { now: '2026-03-17T10:00:00+08:00' }, admin);
    expect(moved.status).toBe(200);
    await as('cs_agent', '07-revisit', async (page) => {
      await page.goto('/inbox'); // staff land on the cockpit
      const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: '定期回访' }).first();
      await row.waitFor();
      await row.click();
      await page.waitForURL(new RegExp(`/customers/${customerId}$`));
      await page.getByTestId('open-task-step').filter({ hasText: '定期回访' }).waitFor();
      await page.locator('#task-revisit_form_opinion').fill('会议室分机偶尔无声');
      await page.locator('#task-revisit_form_problemFound').getByText('是').click();
      await page.getByText('提交后完成回访并按客户意见开出工单').waitFor();
      await screenshot(page, 'ticket-07-revisit-form');
      await page.getByTestId('task-submit').click();
      await page.waitForURL(/\/tickets\/[^/]+$/);
      await page.getByTestId('open-task-step').filter({ hasText: '故障处理' }).waitFor();
      await page.getByTestId('ticket-problem-text').filter({ hasText: '会议室分机偶尔无声' }).waitFor();
      revisitTicketUrl = new URL(page.url()).pathname;
    });
  });

  it('the tech manager gives the repair to the partner company, whose engineer resolves it', async () => {
    await as('tech_manager', '08-assign-partner', async (page) => {
      await page.goto(revisitTicketUrl);
      await page.getByTestId('task-assign').click();
      await page.getByRole('dialog').getByText('外包服务商').first().click();
      await page.locator('#assign_partnerId').click();
      await page.locator('.ant-select-item-option').first().click();
      await clickUntil(page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }), page.getByText('已分派'));
    });
    await as('partner_engineer', '09-partner-resolve', async (page) => {
      await page.goto('/inbox');
      const row = page.locator('[data-testid="inbox-table"] tbody tr', { hasText: '故障处理' }).first();
      await row.waitFor();
      await row.click();
      await page.waitForURL(new RegExp(`${revisitTicketUrl}$`));
      await page.locator('#task-resolve_form_cause').fill('分机线路老化');
      await page.locator('#task-resolve_form_resolution').fill('更换分机线');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '回访确认' }).waitFor();
    });
  });
});
