// Issue 17 in the browser: an engineer sizes a customer's VoIP migration on the deal page from
// the survey (20 Mbps at 40 % use, 48 extensions, 8 trunk lines), measures the line, takes the
// suggestion into the equipment list; the salesperson's proposal shows the saving (Chinese UI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiCall, apiToken, asRole, launchBrowser, openFromInbox, type RunningServer, screenshot, startServer } from './harness';

const CUSTOMER = '苏州工业园区精密制造有限公司';

describe('pre-sales engineering journey (issue 17)', () => {
  let server: RunningServer | undefined;
  let browser: Browser;
  let dealId = '';

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // set-up through the API (the survey and qualification are the deal journey's subject)
    const base = server.baseUrl;
    const sales = await apiToken(base, 'sales');
    const c = await apiCall<{ id: string }>(base, 'POST', '/customers', { name: CUSTOMER, address: '苏州工业园区星湖街 328 号', contactPerson: '周经理', phone: '0512-6288 1234' }, sales);
    const survey = {
      broadbandAvailable: true, broadbandType: '光纤专线', bandwidthMbps: 20, utilisationPct: 40, hasPbx: true, pbxModel: '松下 KX-TDA200',
      trunkLines: 8, extensions: 48, ldSavingMethod: '后付费', ldDiscountPct: 0, monthlyLdBillFen: 800_000, acceptsSplitMode: true,
    };
    const d = await apiCall<{ id: string }>(base, 'POST', '/deals', { customerId: c.data.id, survey }, sales);
    expect(d.status).toBe(201);
    dealId = d.data.id;
    const tasks = await apiCall<{ items: { id: string }[] }>(base, 'GET', `/tasks?status=open&caseId=${dealId}&mine=false`, undefined, sales);
    const q = await apiCall(base, 'POST', `/tasks/${tasks.data.items[0].id}/complete`, { outcome: 'develop', form: { customerType: '制造业，长途话费高' } }, sales);
    expect(q.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const as = (role: string, name: string, fn: (page: Page) => Promise<void>) => asRole({ browser, server, prefix: 'engineering' }, role, name, fn);
  const panel = (page: Page) => page.getByTestId('engineering-panel');

  it('the engineer sees the channels and codec the survey implies, measures the line, and takes the suggestion into the equipment list', async () => {
    await as('engineer', '01-assessment', async (page) => {
      await openFromInbox(page, '技术鉴定', /\/deals\//);
      await panel(page).getByText('VoIP 工程测算').waitFor();
      // 8 000 元 at 0.30 元/min → 26 667 min; 15 % of a working day's minutes in the busy hour → 3.03 Erl → 8 channels at 1 %
      await expect(panel(page).getByTestId('eng-channels').textContent()).resolves.toBe('8');
      await expect(panel(page).getByTestId('eng-codec').textContent()).resolves.toBe('G711');
      await panel(page).getByText('3.03 Erl').waitFor();
      await panel(page).getByText('20 Mbps × (1 − 40%) = 12000 kbit/s').waitFor();
      await panel(page).getByText('8 条中继线：0.85%').waitFor();
      expect(await panel(page).getByTestId('eng-status').allTextContents()).toEqual(['充足', '充足', '充足', '充足']);
      expect(await panel(page).getByTestId('eng-saving').count()).toBe(0); // money is the business side's
      await panel(page).getByText('话费、资费与节省仅调查表的阅读部门可见').waitFor();
      await screenshot(page, 'engineering-01a-panel');

      // a ping to our gateway: 180 ms round trip, 30 ms jitter, 2 % loss → the estimate drops
      const mosBefore = await page.locator('[data-testid="eng-codecs"] tr[data-row-key="g711"] td').nth(7).textContent();
      await panel(page).getByPlaceholder('往返时延').fill('180');
      await panel(page).getByPlaceholder('抖动').fill('30');
      await panel(page).getByPlaceholder('丢包率').fill('2');
      await page.getByTestId('eng-estimate').click();
      await panel(page).getByText('按实测网络估算：').waitFor();
      const mosAfter = await page.locator('[data-testid="eng-codecs"] tr[data-row-key="g711"] td').nth(7).textContent();
      expect(Number(mosAfter)).toBeLessThan(Number(mosBefore));

      await page.getByTestId('eng-take-assessment').click();
      await expect(page.locator('#task-tech_assessment_form_equipment_0_model').inputValue()).resolves.toBe('VoIP 网关 8 口（8 路）');
      await expect(page.locator('#task-tech_assessment_form_equipment_0_quantity').inputValue()).resolves.toBe('1');
      await page.locator('#task-tech_assessment_form_equipment_0_brand').fill('鼎信通达');
      await page.locator('#task-tech_assessment_form_equipment_0_unitPriceFen').fill('6800');
      await page.locator('#task-tech_assessment_form_implementationDetails').fill('机房部署 8 口 VoIP 网关，FXO 接入现有 PBX 中继，长途分流走 VoIP。');
      await page.locator('#task-tech_assessment_form_estimatedDurationDays').fill('2');
      await screenshot(page, 'engineering-01b-assessment-form');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '方案草拟' }).waitFor();
    });
    const gm = await apiToken(server!.baseUrl, 'gm');
    const deal = await apiCall<{ documents: { form: string; fields: Record<string, unknown> }[] }>(server!.baseUrl, 'GET', `/deals/${dealId}`, undefined, gm);
    const jd = deal.data.documents.find((x) => x.form === 'tech_assessment')!;
    expect(jd.fields).toMatchObject({ codec: 'g711', suggestedChannels: 8, gatewayPorts: 8, bandwidthStatus: 'green', totalFen: 680_000 });
  });

  it('the salesperson takes the saving and investment into the proposal, and the proposal shows the saving', async () => {
    await as('sales', '02-proposal', async (page) => {
      await openFromInbox(page, '方案草拟', /\/deals\//);
      await expect(panel(page).getByTestId('eng-saving').textContent()).resolves.toMatch(/4,933\.33/);
      await page.getByTestId('eng-take-proposal').click();
      await expect(page.locator('#task-proposal_draft_form_investmentFen').inputValue()).resolves.toBe('6800.00');
      await page.locator('#task-proposal_draft_form_content').fill('VoIP 长途分流方案：8 路 G.711 通道，预计每月为客户节省长途话费约 4,933 元。');
      await page.locator('#task-proposal_draft_form_monthlyGrossProfitFen').fill('1500');
      await screenshot(page, 'engineering-02a-proposal-form');
      await page.getByTestId('task-submit').click();
      await page.getByTestId('open-task-step').filter({ hasText: '经理审核' }).waitFor();
      await page.getByTestId('document-list').getByText('客户业务详细解决方案').waitFor();
    });
    const sales = await apiToken(server!.baseUrl, 'sales');
    const deal = await apiCall<{ documents: { id: string; form: string; fields: Record<string, unknown> }[] }>(server!.baseUrl, 'GET', `/deals/${dealId}`, undefined, sales);
    const fa = deal.data.documents.find((x) => x.form === 'proposal')!;
    expect(fa.fields).toMatchObject({ investmentFen: 680_000, proposedMonthlyCostFen: 306_667, currentMonthlyLdBillFen: 800_000, monthlySavingFen: 493_333, suggestedChannels: 8, codec: 'g711' });

    // the printed proposal (FA) carries the saving and the sizing block
    await as('sales', '03-proposal-print', async (page) => {
      await page.goto(`/api/v1/documents/${fa.id}/print`);
      await page.getByText('每月节省').first().waitFor();
      await page.getByText('¥4,933.33').first().waitFor();
      await page.getByText('VoIP 容量规划').first().waitFor();
    });
  });
});
