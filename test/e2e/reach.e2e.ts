// Reaching people (issue 16) in the browser: the sysadmin sets up the DingTalk robot and sends a
// test message (a local robot checks the signature); a customer rates the repair on a 390 px
// phone page without signing in; the CS agent sees the customer's rating on the follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, saveLogs, type RunningServer, screenshot, startServer } from './harness';
import { startRobots } from '../support/receivers';

const SECRET = 'SECe2e0123456789abcdef';

describe('reaching people', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let robots: Awaited<ReturnType<typeof startRobots>>;
  let ticket: { id: string; number: string };
  let ratingUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    robots = await startRobots({ secret: SECRET });
    const cs = await apiToken(server.baseUrl, 'cs_agent');
    const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', {
      name: '上海星河贸易有限公司', address: '上海市静安区南京西路 1266 号', contactPerson: '王经理', phone: '021-6288 1234',
    }, cs);
    const t = await apiCall<{ id: string; number: string; task: { id: string } }>(server.baseUrl, 'POST', '/tickets', {
      customerId: c.data.id, kind: 'complaint', problem: '前台电话外线打不出去',
    }, cs);
    ticket = t.data;
    const eng = await apiToken(server.baseUrl, 'engineer');
    const done = await apiCall(server.baseUrl, 'POST', `/tasks/${t.data.task.id}/complete`, {
      form: { cause: '网关配置丢失', resolution: '重新下发网关配置并测试外线呼出正常', qualityComplaint: false },
    }, eng);
    expect(done.status).toBe(200);
    const page = await apiCall<{ ratingUrl: string }>(server.baseUrl, 'GET', `/tickets/${ticket.id}`, undefined, cs);
    ratingUrl = page.data.ratingUrl;
    expect(ratingUrl).toMatch(/^\/r\//);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await robots?.close();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'reach' }, role, name, fn);

  it('the sysadmin sets up the DingTalk robot and sends a signed test message', async () => {
    await as('sysadmin', 'dingtalk-settings', async (page) => {
      await page.goto('/settings/notifications');
      await page.getByTestId('notify-channels').waitFor();
      await page.getByTestId('notify-dingtalk-url').fill(robots.dingtalkUrl);
      await page.getByTestId('notify-dingtalk-secret').fill(SECRET);
      await page.getByTestId('notify-save').click();
      await page.getByText('已加签').waitFor();
      await page.getByTestId('notify-test-dingtalk').click();
      await page.getByText('测试消息已送达').waitFor();
      // the secret is never shown again
      expect(await page.content()).not.toContain(SECRET);
      await page.locator('[data-testid="outbox-table"] tbody tr', { hasText: '测试消息' }).first().waitFor();
    });
    expect(robots.calls.filter((c) => c.robot === 'dingtalk' && c.signed)).toHaveLength(1);
    expect(robots.rejected).toEqual([]);
  });

  it('a customer rates the repair on a 390 px phone page without signing in', async () => {
    const context = await browser.newContext({
      baseURL: server!.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      // the public page's first request has been seen to stall in the full CI run (not reproduced
      // alone; see the closing note): a customer would reload, so the journey does too, at most twice
      for (let i = 0; ; i++) {
        await (i === 0 ? page.goto(ratingUrl) : page.reload());
        await page.getByTestId('rating-page').waitFor();
        try {
          await page.getByText('重新下发网关配置并测试外线呼出正常').waitFor({ timeout: 10_000 });
          break;
        } catch (e) {
          if (i >= 2) throw e;
        }
      }
      await page.getByText(ticket.number).waitFor();
      // nothing wider than the phone
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, 'reach-rating-phone');
      await page.getByTestId('rating-comment').fill('工程师上门很快，问题解决了');
      await page.getByTestId('rating-satisfied').click();
      await page.getByText('感谢您的评价').waitFor();
      await screenshot(page, 'reach-rating-phone-done');
      // the link is single-use
      await page.goto(ratingUrl);
      await page.getByText('该评价链接已使用或已过期').waitFor();
      expect(errors).toEqual([]);
    } catch (e) {
      await screenshot(page, 'reach-rating-phone-failed').catch(() => undefined);
      saveLogs(server, 'reach-rating-phone');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('the CS agent sees the customer\'s rating on the follow-up', async () => {
    await as('cs_agent', 'follow-up-rating', async (page) => {
      await page.goto(`/tickets/${ticket.id}`);
      const rating = page.getByTestId('customer-rating');
      await rating.waitFor();
      await rating.getByText('满意', { exact: true }).waitFor();
      await rating.getByText('工程师上门很快，问题解决了', { exact: false }).waitFor();
      await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe('回访确认');
    });
  });
});
