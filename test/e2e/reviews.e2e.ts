// Rewards and penalties (issue 13): the tech manager records a penalty for the engineer on 奖惩记录 and opens
// the engineer's record page; the engineer sees their own score's trend and their own record page.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, screenshot, type RunningServer, startServer } from './harness';
import { repairedComplaint } from './fixtures';

const REASON = '维修超时且无特殊原因（电子流测试）';

describe('rewards and penalties, and an engineer\'s trend', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let engineer = { id: '', displayName: '' };
  let ticket = { ticketId: '', number: '' };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    engineer = (await apiCall<{ user: typeof engineer }>(server.baseUrl, 'GET', '/auth/me', undefined, await apiToken(server.baseUrl, 'engineer'))).data.user;
    // one repair this month, so that the engineer's trend has a point
    ticket = await repairedComplaint(server.baseUrl, { customerName: '奖惩测试客户有限公司', problem: '分机无拨号音' });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'reviews' }, role, name, fn);

  it('the tech manager records a penalty for the engineer and opens the engineer\'s record page', async () => {
    await as('tech_manager', 'record', async (page) => {
      await page.goto('/reports');
      await page.getByTestId('link-reviews').click();
      await page.getByTestId('reviews-table').waitFor();
      await page.getByTestId('record-review').click();
      const dialog = page.getByRole('dialog');
      const pick = async () => {
        await page.locator('#record-review_subjectId').click();
        await page.locator('#record-review_subjectId').fill(engineer.displayName);
        await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: engineer.displayName }).first().click();
      };
      await pick();
      if (!(await dialog.locator('.ant-select-content, .ant-select-selection-item', { hasText: engineer.displayName }).count())) await pick();
      await page.locator('#record-review_points').fill('-2');
      await page.locator('#record-review_amountYuan').fill('50');
      await page.locator('#record-review_reason').fill(REASON);
      await page.locator('#record-review_caseId').fill(ticket.number);
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: ticket.number }).first().click();
      await page.locator('#review-save').click();
      const row = page.getByTestId('reviews-table').locator('tr', { hasText: REASON });
      await row.waitFor();
      await row.getByText('处罚').waitFor();
      await row.getByText('¥50.00').waitFor();
      await screenshot(page, 'reviews-list');
      await row.getByTestId('review-subject-link').click();
      await page.waitForURL(`**/reviews/user/${engineer.id}`);
      await page.getByTestId('review-record-name').getByText(engineer.displayName, { exact: false }).waitFor();
      await page.getByTestId('review-record').getByText(REASON).waitFor();
      await page.getByTestId('review-totals').getByText('-2').waitFor();
      await screenshot(page, 'reviews-record-page');
      await page.getByTestId('review-record').getByRole('link', { name: ticket.number }).click();
      await page.waitForURL(`**/tickets/${ticket.ticketId}`);
      // the ticket's own page, not the moment before it renders, is the journey's last picture
      await page.getByText(ticket.number).first().waitFor();
    });
  });

  it('the list is searched and filtered by the server; the record form offers only the manager\'s own people', async () => {
    const gm = await apiToken(server!.baseUrl, 'gm');
    const reward = await apiCall(server!.baseUrl, 'POST', '/reviews', { userId: engineer.id, kind: 'reward', points: 5, reason: '客户书面表扬' }, gm);
    if (reward.status !== 201) throw new Error(`reward: ${reward.status}`);
    const sales = (await apiCall<{ user: { displayName: string } }>(server!.baseUrl, 'GET', '/auth/me', undefined, await apiToken(server!.baseUrl, 'sales'))).data.user;
    await as('tech_manager', 'filter', async (page) => {
      await page.goto('/reports/reviews');
      const table = page.getByTestId('reviews-table');
      await table.getByText('客户书面表扬').waitFor();
      await page.locator('#reviews-filter_q').fill('电子流');
      await page.locator('#reviews-filter_q').press('Enter');
      await page.waitForURL(/q=/);
      await table.getByText(REASON).waitFor();
      await table.getByText('客户书面表扬').waitFor({ state: 'detached' });
      await page.locator('#reviews-filter_q').fill('');
      await table.getByText('客户书面表扬').waitFor();
      await page.locator('#reviews-filter_kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '奖励' }).click();
      await page.waitForURL(/kind=reward/);
      await table.getByText(REASON).waitFor({ state: 'detached' });
      await table.getByText('客户书面表扬').waitFor();
      // the engineer's record page with only the rewards: the totals follow the filter
      await table.getByTestId('review-subject-link').first().click();
      await page.waitForURL(`**/reviews/user/${engineer.id}`);
      await page.getByTestId('review-record').getByText('客户书面表扬').waitFor();
      await page.locator('#review-record-user-' + engineer.id + '-filter_kind').click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '奖励' }).click();
      await page.getByTestId('review-record').getByText(REASON).waitFor({ state: 'detached' });
      await page.getByTestId('review-totals').getByText('5', { exact: true }).waitFor();
      // 登记奖惩 lists the technical department, not the salesperson
      await page.goto('/reports/reviews');
      await page.getByTestId('record-review').click();
      await page.locator('#record-review_subjectId').click();
      const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.filter({ hasText: engineer.displayName }).first().waitFor();
      if (await options.filter({ hasText: sales.displayName }).count()) throw new Error('the salesperson is offered to the tech manager');
    });
  });

  it('the tech manager opens a row\'s trend on 工程师考评', async () => {
    await as('tech_manager', 'row-trend', async (page) => {
      await page.goto('/reports/engineers');
      await page.getByTestId('engineer-scores').locator('tr', { hasText: engineer.displayName }).getByTestId('open-trend').click();
      await page.locator('.ant-drawer').getByTestId('engineer-trend').locator('canvas').first().waitFor();
    });
  });

  it('the engineer sees their trend under their row on 工程师考评, and their own record page', async () => {
    await as('engineer', 'trend', async (page) => {
      await page.goto('/reports');
      await page.getByTestId('link-engineer-scores').click();
      await page.getByTestId('engineer-scores').waitFor();
      await page.getByTestId('engineer-trend').locator('canvas').first().waitFor();
      await page.getByTestId('engineer-trend').getByText('近 6 个月趋势').waitFor();
    });
    await as('engineer', 'own-record', async (page) => {
      await page.goto('/reports/engineers');
      await page.getByTestId('engineer-record-link').filter({ hasText: engineer.displayName }).click();
      await page.waitForURL(`**/reviews/user/${engineer.id}`);
      await page.getByTestId('review-record').getByText(REASON).waitFor();
      // the same page from 我的账户
      await page.goto('/account');
      await page.getByTestId('account-own-reviews').click();
      await page.waitForURL(`**/reviews/user/${engineer.id}`);
      await page.getByTestId('review-record').getByText(REASON).waitFor();
    });
  });
});
