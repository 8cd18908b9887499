// Field work on a phone (issue 15 §5), at 390×844: the engineer's inbox as cards with a drawer
// menu and a header that does not wrap; the installation form with scanned serials and a
// signature; a repair with a photo from the camera button and the customer's signature. Nothing
// scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, launchBrowser, login, type RunningServer, saveLogs, screenshot, startServer } from './harness';
import { installedCustomer } from './fixtures';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

describe('field work on a phone', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let ticketId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await installedCustomer(server.baseUrl, '温州瓯江电子有限公司', ['PH-0001', 'PH-0002'], { stopAtInstallation: true });
    await installedCustomer(server.baseUrl, '嘉兴南湖纺织有限公司', ['RP-0001']);
    const cs = await apiToken(server.baseUrl, 'cs_agent');
    const customers = await apiCall<{ items: { id: string; name: string }[] }>(server.baseUrl, 'GET', '/customers', undefined, cs);
    const customer = customers.data.items.find((c) => c.name === '嘉兴南湖纺织有限公司')!;
    const t = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/tickets', { customerId: customer.id, kind: 'complaint', problem: '分机全部无拨号音' }, cs);
    expect(t.status).toBe(201);
    ticketId = t.data.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** one part of the journey on a 390×844 touch screen, signed in as the engineer */
  async function onPhone(name: string, fn: (page: Page) => Promise<void>) {
    const context = await browser.newContext({
      baseURL: server!.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
      viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await login(page, 'engineer');
      await fn(page);
      await screenshot(page, `phone-${name}`);
      expect(errors).toEqual([]);
    } catch (e) {
      await screenshot(page, `phone-${name}-failed`).catch(() => undefined);
      saveLogs(server, `phone-${name}`);
      throw e;
    } finally {
      await context.close();
    }
  }

  const noSidewaysScroll = async (page: Page) =>
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  /** draws a stroke on the signature pad with a finger */
  async function sign(page: Page) {
    const pad = page.getByTestId('signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('no signature pad');
    expect(box.width).toBeGreaterThan(300); // wide enough for a thumb
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (const [dx, dy] of [[60, -20], [120, 15], [180, -25], [260, 10]]) await page.mouse.move(box.x + dx, box.y + box.height / 2 + dy, { steps: 4 });
    await page.mouse.up();
  }

  it("shows the engineer's inbox as cards, with a drawer menu and a one-line header", async () => {
    await onPhone('inbox', async (page) => {
      await page.goto('/inbox');
      const card = page.getByTestId('inbox-card').filter({ hasText: '装机' }).first();
      await card.waitFor();
      await expect(page.getByTestId('sider').count()).resolves.toBe(0);
      const header = await page.getByTestId('app-header').boundingBox();
      expect(header!.height).toBeLessThanOrEqual(64);
      await noSidewaysScroll(page);
      await screenshot(page, 'phone-inbox-cards');
      await page.getByTestId('menu-open').click();
      await page.getByTestId('menu-drawer').getByTestId('menu-inbox').waitFor();
      await screenshot(page, 'phone-inbox-drawer');
      await page.getByTestId('menu-drawer').getByTestId('menu-inbox').click();
      await card.click();
      await page.waitForURL(/\/deals\//);
      await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe('装机');
    });
  });

  it('fills the installation form with a scanner and a signature', async () => {
    await onPhone('installation', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('inbox-card').filter({ hasText: '装机' }).first().click();
      await page.waitForURL(/\/deals\//);
      await page.locator('#task-installation_form_devices_0_serialNumber').click();
      // the same serial scanned twice is flagged on its line at once
      await page.keyboard.type('PH-0001');
      await page.keyboard.press('Enter');
      await page.keyboard.type('PH-0001');
      await page.getByText('序列号重复：与第 1 行相同').waitFor();
      await page.locator('#task-installation_form_devices_1_serialNumber').fill('PH-0002');
      await page.getByText('序列号重复：与第 1 行相同').waitFor({ state: 'detached' });
      for (const i of [0, 1]) await page.locator(`#task-installation_form_devices_${i}_configDocNumber`).fill(`PZ-P-${i + 1}`);
      await page.locator('#task-installation_form_remarks').fill('机房在一楼');
      await sign(page);
      await noSidewaysScroll(page);
      await screenshot(page, 'phone-installation-form');
      await page.getByTestId('task-submit').click();
      await page.getByText('已装机').first().waitFor();
    });
  });

  it('records a repair with a photo from the camera and the customer signature', async () => {
    await onPhone('repair', async (page) => {
      await page.goto(`/tickets/${ticketId}`);
      await page.locator('#task-resolve_form_cause').fill('交换机电源故障');
      await page.locator('#task-resolve_form_resolution').fill('更换电源');
      await page.locator('#task-resolve_form_qualityComplaint').getByText('否').click();
      await sign(page);
      // a photo straight from the camera
      await page.getByTestId('file-camera').waitFor();
      await expect(page.getByTestId('file-camera-input').getAttribute('capture')).resolves.toBe('environment');
      await page.getByTestId('file-camera-input').setInputFiles({ name: '机房照片.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('file-thumb').first().waitFor();
      await noSidewaysScroll(page);
      await screenshot(page, 'phone-repair-form');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '回访确认' }).waitFor();
    });
  });
});
