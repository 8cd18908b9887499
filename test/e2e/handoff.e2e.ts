// Hand-offs in the browser (issue 15 §1): the engineer's answer to an inquiry stays on the ticket
// for customer service, in the one thread with the comments; a comment mentions a colleague
// (picked after @), who finds it in the bell; a site photo is uploaded and shown as a thumbnail.
// The manager's revise comments reach the salesperson; the TS and ZJ views and prints show
// people's words (issue 15 §6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, type RunningServer, screenshot, startServer } from './harness';
import { installedCustomer } from './fixtures';

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

  it("the salesperson reads the manager's revise comments on the redraft, in the thread and in the bell", async () => {
    const { dealId } = await installedCustomer(server!.baseUrl, '宁波海曙商贸有限公司', ['SN-R-1'], { stopAtReview: true });
    const manager = await apiToken(server!.baseUrl, 'sales_manager');
    const deal = await apiCall<{ tasks: { id: string; step: string; status: string }[] }>(server!.baseUrl, 'GET', `/deals/${dealId}`, undefined, manager);
    const review = deal.data.tasks.find((x) => x.step === 'manager_review' && x.status === 'open')!;
    const words = '月毛利偏低，请按 30 条中继线重新测算投资回收期';
    expect((await apiCall(server!.baseUrl, 'POST', `/tasks/${review.id}/complete`, { outcome: 'revise', form: { comments: words } }, manager)).status).toBe(200);
    await as('sales', 'revise', async (page) => {
      await page.goto(`/deals/${dealId}`);
      const step = page.getByTestId('case-activity').getByTestId('activity-step').first();
      await step.getByText('退回修改', { exact: false }).waitFor();
      await step.getByText(words, { exact: false }).waitFor();
      await page.getByTestId('notification-bell').click();
      await page.getByText(words, { exact: false }).first().waitFor();
    });
  });

  it('the complaint record (TS) and the installation order (ZJ) show labels, Shanghai time and the drawn signature', async () => {
    const base = server!.baseUrl;
    const { customerId, dealId } = await installedCustomer(base, '温州瓯江电子有限公司', ['SN-TS-1'], { customerSignature: `data:image/png;base64,${PNG.toString('base64')}` });
    const cs = await apiToken(base, 'cs_agent');
    const eng = await apiToken(base, 'engineer');
    const tk = await apiCall<{ id: string; task: { id: string } }>(base, 'POST', '/tickets', { customerId, kind: 'complaint', problem: '外线呼出有回声' }, cs);
    const resolved = await apiCall<{ next: { id: string }[] }>(base, 'POST', `/tasks/${tk.data.task.id}/complete`, { form: { cause: '网关回声抑制未开启', resolution: '开启回声抑制并重启', qualityComplaint: false } }, eng);
    expect(resolved.status).toBe(200);
    expect((await apiCall(base, 'POST', `/tasks/${resolved.data.next[0].id}/complete`, { outcome: 'satisfied', form: { customerOpinion: '回声消失了' } }, cs)).status).toBe(200);
    await as('cs_agent', 'ts-view', async (page) => {
      await page.goto(`/tickets/${tk.data.id}`);
      const row = page.locator('tr', { hasText: '客户技术质量投诉记录单' });
      await row.getByRole('button', { name: /查\s*看/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('回声消失了').first().waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('处理时间');
      expect(text).not.toMatch(/resolvedAt|resolvedBy|followedUpAt|followUpTaskId|\d{4}-\d{2}-\d{2}T\d{2}/);
      expect(text).toContain('回声消失了');
      await screenshot(page, 'handoff-ts-view');
      // the dialog's 打印 opens the A4 page in a new tab: open the same address
      const href = await dialog.locator('a[href*="/print"]').first().getAttribute('href');
      const print = await page.context().newPage();
      await print.goto(href!);
      const printed = await print.locator('body').innerText();
      expect(printed).toContain('处理时间');
      expect(printed).not.toMatch(/resolvedAt|followUpTaskId|\d{4}-\d{2}-\d{2}T\d{2}/);
      await screenshot(print, 'handoff-ts-print');
      await print.close();
    });
    await as('engineer', 'zj-view', async (page) => {
      await page.goto(`/deals/${dealId}`);
      const row = page.locator('tr', { hasText: '装机单' });
      await row.getByRole('button', { name: /查\s*看/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.locator('img[src^="data:image/png"]').waitFor();
      expect(await dialog.innerText()).not.toContain('data:image');
      await screenshot(page, 'handoff-zj-view');
    });
  });
});
