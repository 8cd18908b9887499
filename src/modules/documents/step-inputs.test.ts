// Issue 15 §2: a step's owner reads what the step works on. The survey (DC) is copied to business
// and administration only, but the technical assessment `reads: ['survey']`: once a deal reaches
// it, engineers read the survey — audited once per reader — while customer service still may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../../../test/support/app.js';
import { createDeal, dealAt } from '../../../test/support/factories.js';

let t: TestApp;
beforeAll(async () => { t = await testApp(); });
afterAll(async () => { await t?.close(); });

const surveyOf = (deal: { documents: { id: string; form: string }[] }) => deal.documents.find((d) => d.form === 'survey')!;

describe('step inputs', () => {
  it('lets the assessing engineer read the survey once the deal reaches the assessment, and audits it', async () => {
    const { deal } = await dealAt(t, 'assessment');
    const sales = await t.login('sales');
    const survey = surveyOf((await t.call('GET', `/deals/${deal.id}`, { token: sales })).body);
    const engineer = await t.login('engineer');

    const read = await t.call('GET', `/documents/${survey.id}`, { token: engineer });
    expect(read.status).toBe(200);
    expect(read.body.fields.extensions).toBeDefined();
    expect((await t.call('GET', `/documents/${survey.id}/print`, { token: engineer })).status).toBe(200);
    const view = await t.call('GET', `/deals/${deal.id}`, { token: engineer });
    expect(view.body.documents.map((d: { form: string }) => d.form)).toContain('survey');

    expect((await t.call('GET', `/documents/${survey.id}`, { token: await t.login('cs_agent') })).status).toBe(404);

    const audit = await t.call('GET', `/audit?caseId=${deal.id}`, { token: await t.login('gm') });
    const reads = audit.body.items.filter((e: { action: string }) => e.action === 'document.read_as_input');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ entity: 'document', entityId: survey.id });
  });

  it('does not open the survey to engineers before the deal reaches the assessment', async () => {
    const { deal } = await createDeal(t);
    const survey = surveyOf((await t.call('GET', `/deals/${deal.id}`, { token: await t.login('sales') })).body);
    expect((await t.call('GET', `/documents/${survey.id}`, { token: await t.login('engineer') })).status).toBe(404);
  });

  it('refuses a definition whose step reads an unknown form', async () => {
    const { validateDefinition } = await import('../process/service.js');
    const { DEFAULT_PROCESS } = await import('../../domain/process/default-process.js');
    const def = structuredClone(DEFAULT_PROCESS);
    def.steps.tech_assessment.reads = ['no_such_form'];
    expect(() => validateDefinition(def)).toThrow(/steps\.tech_assessment\.reads\.0: step tech_assessment reads unknown form no_such_form/);
  });
});
