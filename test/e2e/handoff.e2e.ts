// Hand-offs in the browser (issue 15 §1): the engineer's answer to an inquiry stays on the ticket
// for customer service, in the one thread with the comments; a comment mentions a colleague
// (picked after @), who finds it in the bell; a site photo is uploaded and shown as a thumbnail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, startServer } from './harness';

// a 2×2 red PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==', 'base64');

describe('hand-offs on the case page', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let ticket: { id: string; number: string };
  let engineerName = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const cs = await apiToken(server.baseUrl, 'cs_agent');
    const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', {
      name: '杭州云帆科技有限公司', address: '杭州市西湖区文三路 90 号', contactPerson: '李主管', phone: '0571-8888 1234',
    }, cs);
    const t = await apiCall<{ id: string; number: string; task: { id: string } }>(server.baseUrl, 'POST', '/tickets', {
      customerId: c.data.id, kind: 'inquiry', problem: '如何设置呼叫转移？',
    }, cs);
    ticket = t.data;
    const eng = await apiToken(server.baseUrl, 'engineer');
    const done = await apiCall(server.baseUrl, 'POST', `/tasks/${t.data.task.id}/complete`, { form: { answer: '话机上按 *72 加号码即可' } }, eng);
    expect(done.status).toBe(200);
    const me = await apiCall<{ user: { displayName: string } }>(server.baseUrl, 'GET', '/auth/me', undefined, eng);
    engineerName = me.data.user.displayName;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'handoff' }, role, name, fn);

  it("customer service reads the engineer's answer, mentions the engineer and adds a photo", async () => {
    await as('cs_agent', 'ticket-thread', async (page) => {
      await page.goto(`/tickets/${ticket.id}`);
      const activity = page.getByTestId('case-activity');
      await activity.waitFor();
      const step = activity.getByTestId('activity-step').first();
      await step.getByText('话机上按 *72 加号码即可', { exact: false }).waitFor();
      await step.getByText('答复：', { exact: false }).waitFor();
      // a comment that mentions the engineer, picked from the list after @
      const input = page.getByTestId('comment-input').locator('textarea');
      await input.click();
      await input.pressSequentially('客户还问能否远程设置 @');
      await page.locator('.ant-mentions-dropdown-menu-item', { hasText: engineerName }).first().click();
      await page.getByTestId('comment-send').click();
      const comment = activity.getByTestId('activity-comment').first();
      await comment.getByText('客户还问能否远程设置', { exact: false }).waitFor();
      await comment.getByText(`提到：${engineerName}`).waitFor();
      // a photo: shown as a thumbnail
      await page.getByTestId('file-upload-input').setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
      await page.getByTestId('file-thumb').first().waitFor();
      await page.getByText('现场照片.png').first().waitFor();
    });
  });

  it('the engineer finds the mention in the bell', async () => {
    const eng = await apiToken(server!.baseUrl, 'engineer');
    const inbox = await apiCall<{ items: { kind: string; message: string }[] }>(server!.baseUrl, 'GET', '/notifications', undefined, eng);
    expect(inbox.data.items.some((n) => n.kind === 'mentioned' && n.message.includes('客户还问能否远程设置'))).toBe(true);
  });
});
