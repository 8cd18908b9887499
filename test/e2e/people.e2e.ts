// People and money (issue 14) in the browser: an engineer passes a lead, the sales manager accepts
// it, and after the signature and installation (driven through the API) the commission is on both
// the referrer's and the salesperson's statements; the sales manager finds another lead by searching
// and rejects it with a reason; the CS manager generates and swaps a duty month; the GM reads and
// answers an anonymous letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, clickUntil, launchBrowser, type RunningServer, startServer } from './harness';
import { installedCustomer } from './fixtures';

describe('people and money', () => {
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
  const as = (role: string, name: string, fn: (page: Page) => Promise<void>, password?: string) =>
    asRole({ browser, server, prefix: 'people' }, role, name, fn, password);
  const openTab = async (page: Page, tab: string) => {
    if (page.url() === 'about:blank') await page.goto('/inbox'); // just signed in
    await page.getByTestId('menu-people').click();
    await page.getByRole('tab', { name: tab }).click();
  };

  it('an engineer submits a lead, the sales manager accepts it; after signature and installation the commission is on both statements', async () => {
    await as('engineer', 'lead-submit', async (page) => {
      await openTab(page, '线索');
      await page.getByTestId('lead-customer').fill('杭州浙商物流有限公司');
      await page.getByTestId('lead-need').fill('长途话费高，想了解 VoIP 分流');
      await page.getByTestId('lead-submit').click();
      await page.getByTestId('lead-table').getByText('杭州浙商物流有限公司').waitFor();
    });
    const manager = await apiToken(server!.baseUrl, 'sales_manager');
    const lead = (await apiCall<{ items: { id: string; number: string }[] }>(server!.baseUrl, 'GET', '/leads', undefined, manager)).data.items[0]!;
    await as('sales_manager', 'lead-accept', async (page) => {
      await openTab(page, '线索');
      await page.getByTestId(`lead-accept-${lead.number}`).click();
      await page.getByTestId('lead-salesperson').click();
      await page.locator('.ant-select-item-option').first().click();
      await page.locator('#lead-accept-ok').click();
      await page.getByTestId('lead-table').getByText('已受理').waitFor();
    });
    // the deal from the lead, through signature and installation (another engineer assesses and installs)
    const sys = await apiToken(server!.baseUrl, 'sysadmin');
    const eng = await apiCall<{ id: string }>(server!.baseUrl, 'POST', '/users', { username: 'eng_people', password: 'engineer-pass-1', displayName: '装机工程师', roles: ['engineer'] }, sys);
    expect(eng.status).toBe(201);
    const accepted = (await apiCall<{ items: { id: string; customerId: string }[] }>(server!.baseUrl, 'GET', '/leads', undefined, manager)).data.items.find((l) => l.id === lead.id)!;
    await installedCustomer(server!.baseUrl, '', ['SN-PEOPLE-1'], {
      lead: { leadId: lead.id, customerId: accepted.customerId }, engineer: { id: eng.data.id, username: 'eng_people', password: 'engineer-pass-1' }, amountFen: 5_000_000,
    });
    for (const [role, name] of [['engineer', 'commission-referrer'], ['sales', 'commission-salesperson']] as const) {
      await as(role, name, async (page) => {
        await openTab(page, '提成');
        const cell = page.getByTestId(`commission-${lead.number}`);
        await cell.waitFor();
        await expect.poll(() => cell.textContent()).toBe('¥1,750.00');
        await page.getByTestId('commission-table').getByText('应发放').waitFor();
      });
    }
  });

  it('the sales manager finds a lead by searching and rejects it with a reason, which the table then shows', async () => {
    const engineer = await apiToken(server!.baseUrl, 'engineer');
    const submit = async (customerName: string, need: string) => {
      const r = await apiCall<{ number: string }>(server!.baseUrl, 'POST', '/leads', { customerName, need, claimedClass: 'A' }, engineer);
      expect(r.status).toBe(201);
      return r.data.number;
    };
    const rejected = await submit('宁波港城冷链有限公司', '冷库温度监控');
    await submit('温州瓯江电器厂', '车间网络改造');
    await as('sales_manager', 'lead-reject', async (page) => {
      await openTab(page, '线索');
      const table = page.getByTestId('lead-table');
      await table.getByText('温州瓯江电器厂').waitFor();
      await page.getByPlaceholder('搜索客户、需求或编号').fill('冷链');
      await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBe(1);
      await page.getByTestId(`lead-reject-${rejected}`).click();
      await page.locator('#lead-reject-ok').click(); // nothing typed: the modal stays and says what is missing
      await page.getByRole('dialog').getByText('请填写退回原因').waitFor();
      await page.locator('#lead-reject_reason').fill('  已是现有客户，请走工单  ');
      await page.locator('#lead-reject-ok').click();
      await table.getByText('已是现有客户，请走工单').waitFor();
      await table.getByText('已退回').waitFor();
      await page.getByPlaceholder('搜索客户、需求或编号').fill('');
      await page.getByTestId('lead-state-filter').click();
      await page.locator('.ant-select-item-option', { hasText: '已退回' }).click();
      await expect.poll(() => table.getByText('温州瓯江电器厂').count()).toBe(0);
      await table.getByText('宁波港城冷链有限公司').waitFor();
    });
    const lead = (await apiCall<{ items: { number: string; state: string; rejectReason: string | null }[] }>(server!.baseUrl, 'GET', '/leads', undefined, engineer))
      .data.items.find((l) => l.number === rejected)!;
    expect(lead).toMatchObject({ state: 'rejected', rejectReason: '已是现有客户，请走工单' }); // sent trimmed
  });

  it('the CS manager generates next month\'s duty and swaps two days', async () => {
    await as('cs_manager', 'duty', async (page) => {
      await openTab(page, '值班表');
      const first = page.getByTestId('duty-2026-04-04');
      // a click while the month's rota is still loading is lost: click until the days show
      await clickUntil(page.getByTestId('duty-generate'), first);
      const a = await first.textContent();
      const b = await page.getByTestId('duty-2026-04-05').textContent();
      await page.getByTestId('duty-swap-2026-04-04').click();
      await page.getByTestId('duty-swap-with-2026-04-05').click();
      await expect.poll(() => page.getByTestId('duty-2026-04-04').textContent()).toBe(b);
      expect(await page.getByTestId('duty-2026-04-05').textContent()).toBe(a);
    });
  });

  it('the GM reads and answers an anonymous letter', async () => {
    const token = await apiToken(server!.baseUrl, 'cs_agent');
    const w = await apiCall<{ replyCode: string }>(server!.baseUrl, 'POST', '/mailbox', { subject: '排班建议', body: '节假日值班希望提前一个月公布。', anonymous: true }, token);
    expect(w.status).toBe(201);
    await as('gm', 'mailbox', async (page) => {
      await openTab(page, '领导信箱');
      const table = page.getByTestId('mailbox-table');
      await table.getByText('排班建议').waitFor();
      await table.getByText('匿名').waitFor();
      await table.getByText('2026-03-02').waitFor(); // the day it was written, no time
      await page.getByTestId('mailbox-reply-排班建议').click();
      await page.locator('#letter-reply_body').fill('已要求客服经理每月 20 日前公布下月值班表。');
      await page.locator('#mailbox-reply-ok').click();
      await table.getByText('已要求客服经理每月 20 日前公布下月值班表。').waitFor();
    });
    const r = await apiCall<{ reply: string }>(server!.baseUrl, 'GET', `/mailbox/replies/${w.data.replyCode}`, undefined, token);
    expect(r.data.reply).toBe('已要求客服经理每月 20 日前公布下月值班表。');
  });

  it('the sales manager sets a training topic and records who attended', async () => {
    const gm = await apiToken(server!.baseUrl, 'gm');
    const planned = await apiCall<{ items: { id: string; date: string }[] }>(server!.baseUrl, 'POST', '/training/plan', { from: '2026-03-02', weeks: 1 }, gm);
    expect(planned.status).toBe(201);
    const date = planned.data.items[0].date;
    await as('sales_manager', 'training', async (page) => {
      await openTab(page, '培训');
      await page.getByTestId(`training-${date}`).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('#training-session_topic').fill('VoIP 网关配置要点');
      await dialog.getByTestId('training-attendees').click();
      await page.locator('.ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByTestId(`training-${date}`).getByText('VoIP 网关配置要点', { exact: false }).waitFor();
      await page.getByTestId(`training-${date}`).getByText('出席 1 人').waitFor();
    });
  });
});
