// Issue 9's proof in the browser: a server started with a different process definition
// (PROCESS_FILE: a renamed step, an extra required survey field, …) works with no code change —
// the new-deal form asks for the extra field, the print page shows it, and the renamed step
// is shown, opened and completed from the inbox with a form rendered from the definition.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CUSTOM, customProcess } from '../support/custom-process';
import { apiCall, apiToken, asRole, launchBrowser, openFromInbox, type RunningServer, startServer } from './harness';

const CUSTOMER = '定制流程测试有限公司';
const RENAMED_ZH = '现场勘查';

describe('a custom process definition in the browser', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let dir = '';
  let customerId = '';
  let dealUrl = '';

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'fangyuan-process-'));
    const file = path.join(dir, 'process.json');
    writeFileSync(file, JSON.stringify(customProcess()));
    server = await startServer({ PROCESS_FILE: file });
    browser = await launchBrowser();
    const sales = await apiToken(server.baseUrl, 'sales');
    const c = await apiCall<{ id: string }>(server.baseUrl, 'POST', '/customers', { name: CUSTOMER, address: '宁波市鄞州区 8 号', contactPerson: '钱经理', phone: '0574-8765 4321' }, sales);
    expect(c.status).toBe(201);
    customerId = c.data.id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'custom' }, role, name, fn);

  it('the new-deal form asks for the extra required survey field, keeping what was typed', async () => {
    await as('sales', '01-survey-extra-field', async (page) => {
      await page.goto(`/deals/new?customerId=${customerId}`);
      await page.locator('[data-testid="customer-select"]', { hasText: CUSTOMER }).waitFor();
      await page.locator('#new-deal_survey_broadbandAvailable').getByText('是').click();
      await page.locator('#new-deal_survey_hasPbx').getByText('否').click();
      await page.locator('#new-deal_survey_monthlyLdBillFen').fill('2800');
      await page.locator('#new-deal_survey_acceptsSplitMode').getByText('是').click();
      await page.getByText(CUSTOM.extraLabel.zh).waitFor();
      await page.getByTestId('deal-submit').click();
      await page.getByText(`请填写${CUSTOM.extraLabel.zh}`).waitFor();
      await expect(page.locator('#new-deal_survey_monthlyLdBillFen').inputValue()).resolves.toBe('2800.00');
      await page.locator(`#new-deal_survey_${CUSTOM.extraField}`).fill('中国电信');
      await page.getByTestId('deal-submit').click();
      await page.waitForURL(/\/deals\/(?!new)[^/]+$/);
      dealUrl = new URL(page.url()).pathname;
      await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe('客户定性');
    });
  });

  it('the print page of form 1 shows the extra field', async () => {
    await as('sales', '02-print-extra-field', async (page) => {
      await page.goto(dealUrl);
      const row = page.getByTestId('document-list').locator('tr', { hasText: '客户通讯状况调查表' });
      const [popup] = await Promise.all([page.waitForEvent('popup'), row.getByTestId('document-print').click()]);
      await popup.getByText(CUSTOM.extraLabel.zh).first().waitFor();
      await popup.getByText('中国电信').first().waitFor();
      await popup.screenshot({ path: path.join('test-results', 'custom-02-print.png'), fullPage: true });
      await popup.close();
    });
  });

  it('the renamed step shows in the inbox and on the case page, and its form comes from the definition', async () => {
    await as('sales', '03-qualify', async (page) => {
      await page.goto(dealUrl);
      await page.locator('#task-qualify_outcome').getByText('开发').click();
      await page.locator('#task-qualify_form_customerType').fill('中小企业');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: RENAMED_ZH }).waitFor();
      await page.getByTestId('timeline-item').filter({ hasText: RENAMED_ZH }).waitFor();
    });
    await as('engineer', '04-renamed-step', async (page) => {
      await openFromInbox(page, RENAMED_ZH, new RegExp(`${dealUrl}$`));
      await page.locator('#task-site_assessment_form_implementationDetails').fill('现场勘查：机房在 2 楼，光纤已到位。');
      // a required line list starts with one empty row
      await page.locator('#task-site_assessment_form_equipment_0_brand').fill('华为');
      await page.locator('#task-site_assessment_form_equipment_0_model').fill('AR161');
      await page.locator('#task-site_assessment_form_equipment_0_quantity').fill('2');
      await page.locator('#task-site_assessment_form_equipment_0_unitPriceFen').fill('1250');
      await page.getByTestId('lines-total').filter({ hasText: '¥2,500.00' }).waitFor();
      await page.locator('#task-site_assessment_form_estimatedDurationDays').fill('2');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '方案草拟' }).waitFor();
      await page.getByTestId('document-list').getByText('技术鉴定回执单').waitFor();
    });
  });
});
