// Seed chapters 1–2 in the browser: a deal from the first survey to the installed devices,
// each step done by its role through the task forms (Chinese UI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { asRole, launchBrowser, openFromInbox, type RunningServer, screenshot, startServer } from './harness';

const CUSTOMER = '杭州西湖贸易有限公司';

describe('deal journey (seed chapters 1–2)', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let dealUrl = '';
  let customerUrl = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) =>
    asRole({ browser, server, prefix: 'deal' }, role, name, fn);

  const openDealTask = (page: Page, stepZh: string) => openFromInbox(page, stepZh, /\/deals\//);

  async function submitTask(page: Page, nextStepZh: string | null) {
    await page.getByTestId('task-submit').click();
    if (nextStepZh) await page.getByTestId('open-task-step').filter({ hasText: nextStepZh }).waitFor();
    else await page.getByText('流程已结束').waitFor();
  }

  async function pickDateTime(page: Page, id: string, value: string) {
    const input = page.locator(`#${id}`);
    await input.click();
    await input.fill(value);
    await input.press('Enter');
    await page.keyboard.press('Escape');
  }

  it('sales creates the customer and the deal with survey form 1', async () => {
    await as('sales', '01-survey', async (page) => {
      await page.goto('/inbox');
      await page.getByTestId('menu-customers').click();
      await page.getByTestId('customer-new').click();
      await page.locator('#customer_name').fill(CUSTOMER);
      await page.locator('#customer_address').fill('杭州市西湖区文三路 90 号');
      await page.locator('#customer_contactPerson').fill('李经理');
      await page.locator('#customer_phone').fill('0571-8888 6666');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/customers\/[^/]+$/);
      customerUrl = new URL(page.url()).pathname;
      await page.getByRole('button', { name: /新建商机/ }).click();
      await page.waitForURL(/\/deals\/new/);
      await page.locator('[data-testid="customer-select"]', { hasText: CUSTOMER }).waitFor();
      await page.locator('#new-deal_survey_broadbandAvailable').getByText('是').click();
      await page.locator('#new-deal_survey_broadbandType').fill('光纤');
      await page.locator('#new-deal_survey_bandwidthMbps').fill('100');
      await page.locator('#new-deal_survey_hasPbx').getByText('是').click();
      await page.locator('#new-deal_survey_pbxModel').fill('松下 KX-TDA100');
      await page.locator('#new-deal_survey_directLines').fill('4');
      await page.locator('#new-deal_survey_trunkLines').fill('8');
      await page.locator('#new-deal_survey_extensions').fill('60');
      await page.locator('#new-deal_survey_ldSavingMethod').fill('IP 卡，后付费');
      await page.locator('#new-deal_survey_ldDiscountPct').fill('85');
      await page.locator('#new-deal_survey_acceptsSplitMode').getByText('是').click();
      // validation as the user types: the required bill shows its message on submit
      await page.getByTestId('deal-submit').click();
      await page.getByText('请填写实际月长途话费').waitFor();
      await page.locator('#new-deal_survey_monthlyLdBillFen').fill('3500.50');
      await screenshot(page, 'deal-01-survey-form');
      await page.getByTestId('deal-submit').click();
      await page.waitForURL(/\/deals\/(?!new)[^/]+$/);
      dealUrl = new URL(page.url()).pathname;
      await expect(page.getByTestId('open-task-step').textContent()).resolves.toBe('客户定性');
      await page.getByTestId('document-list').getByText('客户通讯状况调查表').waitFor();
    });
  });

  it('sales qualifies the customer (develop)', async () => {
    await as('sales', '02-qualify', async (page) => {
      await openDealTask(page, '客户定性');
      await page.locator('#task-qualify_outcome').getByText('开发').click();
      await page.locator('#task-qualify_form_customerType').fill('中小企业');
      await submitTask(page, '技术鉴定');
    });
  });

  it('the engineer submits the technical assessment (form 2) with a live total', async () => {
    await as('engineer', '03-assessment', async (page) => {
      await openDealTask(page, '技术鉴定');
      await page.locator('#task-tech_assessment_form_implementationDetails').fill('利用现有光纤宽带，增加 VoIP 网关接入集团电话中继。');
      await page.locator('#task-tech_assessment_form_equipment_0_brand').fill('华为');
      await page.locator('#task-tech_assessment_form_equipment_0_model').fill('AR161');
      await page.locator('#task-tech_assessment_form_equipment_0_quantity').fill('2');
      await page.locator('#task-tech_assessment_form_equipment_0_unitPriceFen').fill('1250.00');
      await page.getByTestId('lines-equipment-add').click();
      await page.locator('#task-tech_assessment_form_equipment_1_brand').fill('鼎信通达');
      await page.locator('#task-tech_assessment_form_equipment_1_model').fill('MX8-8FXO');
      await page.locator('#task-tech_assessment_form_equipment_1_quantity').fill('1');
      await page.locator('#task-tech_assessment_form_equipment_1_unitPriceFen').fill('2000');
      await page.getByTestId('lines-total').filter({ hasText: '¥4,500.00' }).waitFor();
      await page.locator('#task-tech_assessment_form_estimatedDurationDays').fill('3');
      await screenshot(page, 'deal-03-assessment-form');
      await submitTask(page, '方案草拟');
    });
  });

  it('sales drafts the proposal (investment carried over from form 2)', async () => {
    await as('sales', '04-proposal', async (page) => {
      await openDealTask(page, '方案草拟');
      await expect(page.locator('#task-proposal_draft_form_investmentFen').inputValue()).resolves.toBe('4500.00');
      await page.locator('#task-proposal_draft_form_content').fill('方案：VoIP 分流长途话费，预计每月节省 30%。');
      await page.locator('#task-proposal_draft_form_monthlyGrossProfitFen').fill('900');
      await submitTask(page, '经理审核');
    });
  });

  it('the sales manager approves with the feasibility form 3 and sees the payback', async () => {
    await as('sales_manager', '05-review', async (page) => {
      await openDealTask(page, '经理审核');
      await page.locator('#task-manager_review_outcome').getByText('批准').click();
      await page.locator('#task-manager_review_form_feasibility_operatingMode').fill('客户自购设备，我方运营');
      await page.locator('#task-manager_review_form_feasibility_maxFluctuationPct').fill('20');
      await page.getByTestId('computed-paybackMonths').filter({ hasText: '5.0' }).waitFor();
      await screenshot(page, 'deal-05-review-form');
      await submitTask(page, '总经理审批');
    });
  });

  it('the GM approves', async () => {
    await as('gm', '06-gm', async (page) => {
      await openDealTask(page, '总经理审批');
      await page.locator('#task-gm_approval_outcome').getByText('批准').click();
      await submitTask(page, '方案递交');
    });
  });

  it('sales delivers, logs a price cut, and signs a one-time contract', async () => {
    await as('sales', '07-negotiation', async (page) => {
      await openDealTask(page, '方案递交');
      await submitTask(page, '商务谈判');
      await page.locator('#negotiation-log_kind').click();
      await page.locator('.ant-select-item-option', { hasText: '客户压价' }).click();
      await page.locator('#negotiation-log_note').fill('客户要求设备款优惠 5%');
      await page.getByRole('button', { name: '添加谈判记录' }).click();
      await page.getByTestId('negotiation-log').getByText('客户要求设备款优惠 5%').waitFor();
      await page.locator('#task-negotiation_outcome').getByText('签约').click();
      await page.locator('#task-negotiation_form_paymentModel').getByText(/一次性买断/).click();
      await page.locator('#task-negotiation_form_amountFen').fill('4275');
      await submitTask(page, '合同归档');
    });
  });

  it('administration archives the contract and completes procurement', async () => {
    await as('admin_clerk', '08-admin', async (page) => {
      await openDealTask(page, '合同归档');
      await submitTask(page, '采购');
      // every purchase line planned from form 2 is received before procurement closes
      const received = page.getByTestId('purchase-received');
      await received.first().waitFor();
      // the first line: a supplier typed, then 已下单 at once (the field's save and the click must both land)
      const list = page.getByTestId('purchase-list');
      const firstRow = list.locator('tbody tr').first();
      await firstRow.locator('input').fill('杭州某设备供应商');
      await firstRow.getByRole('button', { name: '已下单' }).click();
      await firstRow.locator('.ant-tag', { hasText: '已下单' }).waitFor();
      await expect.poll(async () => firstRow.locator('input').inputValue()).toBe('杭州某设备供应商');
      await screenshot(page, 'deal-08-ordered');
      while ((await received.count()) > 0) {
        const before = await received.count();
        await received.first().click();
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid="purchase-received"]').length < n, before);
      }
      await page.locator('#task-procurement_form_note').fill('设备已到货');
      await submitTask(page, '派工');
    });
  });

  it('the tech manager dispatches the installation to an engineer', async () => {
    await as('tech_manager', '09-dispatch', async (page) => {
      await openDealTask(page, '派工');
      await page.getByTestId('user-select-engineer').click();
      await page.locator('.ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
      await pickDateTime(page, 'task-installation_dispatch_form_scheduledAt', '2026-03-10 10:00');
      await submitTask(page, '装机');
    });
  });

  it('the engineer records the devices with a barcode scanner (form 4)', async () => {
    await as('engineer', '10-install', async (page) => {
      await openDealTask(page, '装机');
      // lines come from the assessment (2 + 1 units); the scanner types each serial number and
      // presses Enter, which moves to the next line's serial instead of submitting
      await page.locator('#task-installation_form_devices_0_serialNumber').click();
      for (const serial of ['SN-AR161-0001 ', 'SN-AR161-0002', 'SN-MX8-0001']) {
        await page.keyboard.type(serial);
        await page.keyboard.press('Enter');
      }
      await expect(page.locator('#task-installation_form_devices_0_serialNumber').inputValue()).resolves.toBe('SN-AR161-0001');
      await expect(page.locator('#task-installation_form_devices_1_brandModel').inputValue()).resolves.toBe('华为 AR161');
      await expect(page.locator('#task-installation_form_devices_2_serialNumber').inputValue()).resolves.toBe('SN-MX8-0001');
      for (const i of [0, 1, 2]) await page.locator(`#task-installation_form_devices_${i}_configDocNumber`).fill(`PZ-2026-00${i + 1}`);
      // remarks are required: the form refuses without them and keeps what was typed
      await page.getByTestId('task-submit').click();
      await page.getByText('请填写客户特殊情况备注').waitFor();
      await page.locator('#task-installation_form_remarks').fill('机房在 3 楼，需提前联系物业。');
      // the customer signs on screen
      const pad = await page.getByTestId('signature-pad').boundingBox();
      if (!pad) throw new Error('no signature pad');
      await page.mouse.move(pad.x + 40, pad.y + 100);
      await page.mouse.down();
      for (const [dx, dy] of [[80, -60], [140, 20], [220, -50], [300, 30]]) await page.mouse.move(pad.x + dx, pad.y + 100 + dy, { steps: 5 });
      await page.mouse.up();
      await screenshot(page, 'deal-10-install-form');
      await submitTask(page, null);
      await page.getByText('已装机').first().waitFor();
      const signature = await page.evaluate(async (url) => {
        const deal = await (await fetch(`/api/v1${url}`, { credentials: 'include' })).json();
        const zj = deal.documents.find((d: { form: string }) => d.form === 'installation_order');
        return String(zj?.fields?.customerSignature ?? '');
      }, dealUrl);
      expect(signature.startsWith('data:image/png;base64,')).toBe(true);
    });
  });

  it('the customer is in VIP service with the installed devices in its asset registry', async () => {
    await as('cs_agent', '11-customer', async (page) => {
      await page.goto(customerUrl);
      await page.getByText(/VIP(服务)? 7×24/).first().waitFor();
      await page.getByRole('tab', { name: /设备资产/ }).click();
      await page.getByTestId('asset-table').getByText('SN-MX8-0001').waitFor();
      expect(dealUrl).toMatch(/^\/deals\//);
    });
  });
});
