// Issue 10 in the browser: the sysadmin changes the process on 流程设置 — manager review due in
// 2 working days, a required select 竞争对手 (华为/中兴/其他) on the survey — and publishes. A new
// deal asks for the field, prints it and is due 2 working days at manager review; a deal opened
// before keeps 1 day and shows the version it runs on.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, clickUntil, launchBrowser, RESULTS_DIR, type RunningServer, startServer } from './harness';

const SURVEY = { broadbandAvailable: true, hasPbx: true, monthlyLdBillFen: 500000, acceptsSplitMode: true };

interface Task { id: string; step: string; status: string; dueAt: string | null }

async function toManagerReview(baseUrl: string, name: string, survey: Record<string, unknown>) {
  const sales = await apiToken(baseUrl, 'sales');
  const c = await apiCall<{ id: string }>(baseUrl, 'POST', '/customers', { name, address: '苏州市工业园区 1 号', contactPerson: '孙经理', phone: `0512-${String(Date.now()).slice(-8)}` }, sales);
  expect(c.status).toBe(201);
  const d = await apiCall<{ id: string; definitionVersion: number }>(baseUrl, 'POST', '/deals', { customerId: c.data.id, survey }, sales);
  expect(d.status, JSON.stringify(d.data)).toBe(201);
  await advance(baseUrl, d.data.id);
  return { customerId: c.data.id, dealId: d.data.id, version: d.data.definitionVersion };
}

async function openTask(baseUrl: string, dealId: string): Promise<Task> {
  const gm = await apiToken(baseUrl, 'gm');
  const r = await apiCall<{ tasks: Task[] }>(baseUrl, 'GET', `/deals/${dealId}`, undefined, gm);
  return r.data.tasks.find((x) => x.status === 'open')!;
}

/** From qualify to manager review through the API (not what this journey tests). */
async function advance(baseUrl: string, dealId: string) {
  const steps: [string, Record<string, unknown>][] = [
    ['sales', { outcome: 'develop', form: { customerType: '中小企业' } }],
    ['engineer', { form: { implementationDetails: 'VoIP 网关', equipment: [{ brand: '华为', model: 'AR161', quantity: 1, unitPriceFen: 100000 }], estimatedDurationDays: 2 } }],
    ['sales', { form: { content: '方案', investmentFen: 100000, monthlyGrossProfitFen: 50000 } }],
  ];
  for (const [role, body] of steps) {
    const task = await openTask(baseUrl, dealId);
    const r = await apiCall(baseUrl, 'POST', `/tasks/${task.id}/complete`, body, await apiToken(baseUrl, role));
    expect(r.status, `${task.step}: ${JSON.stringify(r.data)}`).toBe(200);
  }
  expect((await openTask(baseUrl, dealId)).step).toBe('manager_review');
}

describe('the process editor in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let old: { dealId: string; version: number };
  let fresh = { dealId: '', url: '' };
  let newCustomerId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    old = await toManagerReview(server.baseUrl, '老版本客户有限公司', SURVEY);
    const sales = await apiToken(server.baseUrl, 'sales');
    const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', { name: '新版本客户有限公司', address: '苏州市工业园区 2 号', contactPerson: '周经理', phone: '0512-6666 0001' }, sales);
    newCustomerId = c.data.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'editor' }, role, name, fn);

  it('the sysadmin sets manager review to 2 working days, adds a required select to the survey, sees the changes as sentences and publishes', async () => {
    await as('sysadmin', '01-publish', async (page) => {
      await page.goto('/process');
      await page.getByTestId('pe-diagram').waitFor();
      await page.getByTestId('pe-node-manager_review').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'editor-01a-diagram.png'), fullPage: true });
      // a click on a node the diagram is still placing is lost: click until its editor opens
      await clickUntil(page.getByTestId('pe-node-manager_review'), page.locator('#pe-step-due-days'));
      const days = page.locator('#pe-step-due-days');
      await days.fill('2');
      await days.blur();
      await page.locator('.ant-drawer-close').click();
      await expect(page.getByTestId('pe-node-manager_review').textContent()).resolves.toContain('2 工作日');

      await page.getByRole('tab', { name: '表单' }).click();
      await page.getByTestId('pe-form-survey').click();
      await page.getByTestId('pe-field-add').click();
      const row = page.getByTestId('pe-fields').locator('tbody tr').last();
      await row.getByLabel('字段编码').fill('competitor');
      await row.getByLabel('名称（中文）').fill('竞争对手');
      await row.getByLabel('名称（英文）').fill('Competitor');
      await row.getByLabel('类型').click();
      await page.locator('.ant-select-dropdown:visible').getByText('下拉选择', { exact: true }).click();
      await row.getByLabel('必填').check();
      const options = row.getByLabel('选项');
      for (const o of ['华为', '中兴', '其他']) {
        await options.click();
        await options.pressSequentially(o);
        await options.press('Enter');
      }
      await page.keyboard.press('Escape');
      await page.screenshot({ path: path.join(RESULTS_DIR, 'editor-01b-form.png'), fullPage: true });
      await page.locator('.ant-drawer-close').click();

      await page.getByTestId('pe-validate').click();
      await page.getByText('校验通过').waitFor();
      await page.getByTestId('pe-save').click();
      const changes = page.getByTestId('pe-changes');
      await changes.getByText('经理审核: 截止 1 → 2 个工作日').waitFor();
      await changes.getByText('客户通讯状况调查表: 新增字段 竞争对手').waitFor();
      await page.screenshot({ path: path.join(RESULTS_DIR, 'editor-01c-diff.png'), fullPage: true });
      await page.getByTestId('pe-publish').click();
      await page.locator('.ant-popconfirm .ant-btn-primary').click();
      await page.getByText(/已发布，新案件将使用此版本/).waitFor();
      await page.getByRole('tab', { name: '版本' }).click();
      await page.getByTestId('pe-versions').getByText('当前').waitFor();
    });
    const sys = await apiToken(server!.baseUrl, 'sysadmin');
    const def = await apiCall<{ version: number; steps: Record<string, { due: { days: number } }> }>(server!.baseUrl, 'GET', '/process', undefined, sys);
    expect(def.data.version).toBeGreaterThan(old.version);
    expect(def.data.steps.manager_review.due.days).toBe(2);
  });

  it('a new deal asks for 竞争对手 and runs on the new version', async () => {
    await as('sales', '02-new-deal', async (page) => {
      await page.goto(`/deals/new?customerId=${newCustomerId}`);
      await page.locator('[data-testid="customer-select"]', { hasText: '新版本客户有限公司' }).waitFor();
      await page.locator('#new-deal_survey_broadbandAvailable').getByText('是').click();
      await page.locator('#new-deal_survey_hasPbx').getByText('否').click();
      await page.locator('#new-deal_survey_monthlyLdBillFen').fill('3000');
      await page.locator('#new-deal_survey_acceptsSplitMode').getByText('是').click();
      await page.getByText('竞争对手').first().waitFor();
      await page.getByTestId('deal-submit').click();
      await page.locator('.ant-form-item-explain-error').first().waitFor();
      // a select of three options shows as radio buttons
      await page.locator('#new-deal_survey_competitor').getByText('华为', { exact: true }).click();
      await page.getByTestId('deal-submit').click();
      await page.waitForURL(/\/deals\/(?!new)[^/]+$/);
      fresh.url = new URL(page.url()).pathname;
      fresh.dealId = fresh.url.split('/').pop()!;
      await page.getByTestId('case-version').waitFor();
    });
  });

  it('the new deal is due 2 working days at manager review, the older one keeps 1 and shows its version', async () => {
    await advance(server!.baseUrl, fresh.dealId);
    const oldTask = await openTask(server!.baseUrl, old.dealId);
    const newTask = await openTask(server!.baseUrl, fresh.dealId);
    // the manual clock stands at Monday 09:00: 1 working day closes Monday 18:00, 2 close Tuesday 18:00
    expect(new Date(oldTask.dueAt!).toISOString()).toBe('2026-03-02T10:00:00.000Z');
    expect(new Date(newTask.dueAt!).toISOString()).toBe('2026-03-03T10:00:00.000Z');
    await as('sales_manager', '03-old-deal-version', async (page) => {
      await page.goto(`/deals/${old.dealId}`);
      await expect(page.getByTestId('case-version').textContent()).resolves.toBe(`流程版本 ${old.version}`);
      await page.goto(fresh.url);
      await expect(page.getByTestId('case-version').textContent()).resolves.not.toBe(`流程版本 ${old.version}`);
    });
  });

  it('the survey of the new deal prints 竞争对手', async () => {
    await as('sales', '04-print', async (page) => {
      await page.goto(fresh.url);
      const row = page.getByTestId('document-list').locator('tr', { hasText: '客户通讯状况调查表' });
      const [popup] = await Promise.all([page.waitForEvent('popup'), row.getByTestId('document-print').click()]);
      await popup.getByText('竞争对手').first().waitFor();
      await popup.getByText('华为').first().waitFor();
      await popup.screenshot({ path: path.join(RESULTS_DIR, 'editor-04-print.png'), fullPage: true });
      await popup.close();
    });
  });
});
