// What the pre-sales and installation steps do beyond opening the next step.
import type { Effect } from '../process/effects.js';
import { fieldError } from '../../server/errors.js';
import { computePayback } from '../../domain/payback.js';
import { CODECS, type Codec } from '../../domain/engineering/bandwidth.js';
import { assessmentSizingFields, formOfKind, proposalSuggestions, sizingOfCase } from '../engineering/service.js';
import { documentOfCaseByForm, markArchived } from '../documents/repo.js';
import { dispatchEffect, installedEffect } from '../installation/effects.js';
import { tierOfPaymentModel } from '../installation/service.js';

export const DEAL_EFFECTS: Record<string, Effect> = {
  // qualify may fix the second meeting (seed step B) agreed at the first visit
  'deal.secondMeeting': {
    reads: ['secondMeetingAt'],
    async run({ c, form }) {
      if (!form.secondMeetingAt) return;
      const at = new Date(String(form.secondMeetingAt));
      if (at < c.createdAt) throw fieldError('form.secondMeetingAt', 'field.not_before', { other: 'firstVisit' });
      return { casePatch: { secondMeetingAt: at } };
    },
  },
  // the reason a deal ended: `reason`/`competitor` or `comments` when the form has them
  'deal.endReason': {
    reads: [],
    async run({ form, outcome, task }) {
      const reason = (form.reason ?? form.comments ?? `${task.step}: ${outcome}`) as string;
      return { casePatch: { endReason: reason, competitor: (form.competitor as string | undefined) ?? null } };
    },
  },
  // form 2: every equipment line totals itself, and the form totals the lines
  'deal.equipmentTotals': {
    reads: ['equipment', 'equipment.quantity', 'equipment.unitPriceFen'],
    // the purchase list keeps the prices
    exposes: ['unitPriceFen', 'lineTotalFen', 'totalFen'],
    async run(e) {
      const lines = e.form.equipment as { quantity: number; unitPriceFen: number }[];
      const equipment = lines.map((l) => ({ ...l, lineTotalFen: l.quantity * l.unitPriceFen }));
      const totalFen = equipment.reduce((sum, l) => sum + l.lineTotalFen, 0);
      if (!Number.isSafeInteger(totalFen)) throw fieldError('form.equipment', 'field.total_too_large');
      return { documentFields: { equipment, totalFen } };
    },
  },
  // form 2's VoIP sizing block (issue 17): from the survey, the measured network and the chosen
  // codec (suggested: the first of the preference the broadband carries at an acceptable quality)
  'deal.sizing': {
    reads: ['codec', 'measuredRttMs', 'measuredJitterMs', 'measuredLossPct'],
    async suggest(e) {
      const { sizing } = await sizingOfCase(e.tx, e.c.id, e.def);
      return { codec: sizing.suggestedCodec };
    },
    async run(e) {
      const num = (k: string) => (typeof e.form[k] === 'number' ? (e.form[k] as number) : undefined);
      const { sizing } = await sizingOfCase(e.tx, e.c.id, e.def, { rttMs: num('measuredRttMs'), jitterMs: num('measuredJitterMs'), lossPct: num('measuredLossPct') });
      const codec = (CODECS as readonly string[]).includes(String(e.form.codec)) ? (e.form.codec as Codec) : sizing.suggestedCodec;
      return { documentFields: { codec, ...assessmentSizingFields(sizing, codec) } };
    },
  },
  // the proposal shows the customer's current monthly long-distance bill (form 1) beside the proposed
  // cost, and the assessment's sizing; investment and VoIP cost are suggested (issue 17)
  'deal.proposalFigures': {
    reads: ['proposedMonthlyCostFen'],
    async suggest(e) {
      const s = await proposalSuggestions(e.tx, e.c.id, e.def);
      return { investmentFen: s.investmentFen, proposedMonthlyCostFen: s.proposedMonthlyCostFen };
    },
    async run(e) {
      const survey = await documentOfCaseByForm(e.tx, e.c.id, 'survey');
      const bill = survey?.fields.monthlyLdBillFen;
      const currentMonthlyLdBillFen = typeof bill === 'number' ? bill : null;
      const proposed = e.form.proposedMonthlyCostFen as number | undefined;
      const { sizing } = await proposalSuggestions(e.tx, e.c.id, e.def);
      return {
        documentFields: {
          currentMonthlyLdBillFen,
          ...(proposed !== undefined && currentMonthlyLdBillFen !== null ? { monthlySavingFen: currentMonthlyLdBillFen - proposed } : {}),
          ...sizing,
        },
      };
    },
  },
  // form 3: the payback period with its best and worst case, and beside it the customer's saving
  // (the proposal's) with the months the saving takes to repay the investment
  'deal.payback': {
    reads: ['feasibility.equipmentInvestmentFen', 'feasibility.avgMonthlyGrossProfitFen', 'feasibility.maxFluctuationPct'],
    async run(e) {
      const f = e.form.feasibility as { equipmentInvestmentFen: number; avgMonthlyGrossProfitFen: number; maxFluctuationPct: number };
      const proposalForm = formOfKind(e.def, 'proposal');
      const proposal = proposalForm ? await documentOfCaseByForm(e.tx, e.c.id, proposalForm) : undefined;
      const saving = proposal?.fields.monthlySavingFen;
      const monthlySavingFen = typeof saving === 'number' ? saving : null;
      return {
        documentFields: {
          ...computePayback(f.equipmentInvestmentFen, f.avgMonthlyGrossProfitFen, f.maxFluctuationPct),
          monthlySavingFen,
          savingPaybackMonths: monthlySavingFen && monthlySavingFen > 0 ? Math.round((f.equipmentInvestmentFen / monthlySavingFen) * 100) / 100 : null,
        },
      };
    },
  },
  'deal.contract': {
    reads: ['paymentModel', 'amountFen'],
    // the deal keeps the contract's payment model and amount (reports: the amount won)
    exposes: ['paymentModel', 'amountFen', 'wonAmountFen'],
    async run({ form, def }) {
      return {
        documentFields: { serviceTier: tierOfPaymentModel(def, String(form.paymentModel)) },
        casePatch: { paymentModel: String(form.paymentModel), amountFen: Number(form.amountFen) },
      };
    },
  },
  'deal.archive': {
    reads: [],
    async run({ tx, c, now }) {
      await markArchived(tx, c.id, now);
    },
  },
  // seed chapter 2: dispatch and installation live in the installation module
  'deal.dispatch': dispatchEffect,
  'deal.installed': installedEffect,
};
