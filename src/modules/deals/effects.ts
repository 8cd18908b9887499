// What the pre-sales and installation steps do beyond opening the next step.
import type { Effect } from '../process/effects.js';
import { fieldError } from '../../server/errors.js';
import { computePayback } from '../../domain/payback.js';
import { documentOfCaseByForm, markArchived } from '../documents/repo.js';
import { dispatchEffect, installedEffect } from '../installation/effects.js';
import { updateDeal } from './repo.js';

export const DEAL_EFFECTS: Record<string, Effect> = {
  // qualify may fix the second meeting (seed step B) agreed at the first visit
  'deal.secondMeeting': async ({ tx, c, form, now }) => {
    if (!form.secondMeetingAt) return;
    const at = new Date(String(form.secondMeetingAt));
    if (at < c.createdAt) throw fieldError('form.secondMeetingAt', 'must not be before the first visit');
    await updateDeal(tx, c.id, { secondMeetingAt: at, updatedAt: now });
  },
  'deal.endReason': async ({ tx, c, form, now, outcome, task }) => {
    const reason = (form.reason ?? form.comments ?? `${task.step}: ${outcome}`) as string;
    await updateDeal(tx, c.id, { endReason: reason, competitor: (form.competitor as string | undefined) ?? null, updatedAt: now });
  },
  // form 2: every equipment line totals itself, and the form totals the lines
  'deal.equipmentTotals': async (e) => {
    const lines = e.form.equipment as { brand: string; model: string; quantity: number; unitPriceFen: number }[];
    const equipment = lines.map((l) => ({ ...l, lineTotalFen: l.quantity * l.unitPriceFen }));
    const totalFen = equipment.reduce((sum, l) => sum + l.lineTotalFen, 0);
    if (!Number.isSafeInteger(totalFen)) throw fieldError('form.equipment', 'the total is too large');
    e.documentFields = { ...e.documentFields, equipment, totalFen };
  },
  // the proposal shows the customer's current monthly long-distance bill (form 1) beside the proposed cost
  'deal.proposalFigures': async (e) => {
    const survey = await documentOfCaseByForm(e.tx, e.c.id, 'survey');
    const bill = survey?.fields.monthlyLdBillFen;
    const currentMonthlyLdBillFen = typeof bill === 'number' ? bill : null;
    const proposed = e.form.proposedMonthlyCostFen as number | undefined;
    e.documentFields = {
      ...e.documentFields,
      currentMonthlyLdBillFen,
      ...(proposed !== undefined && currentMonthlyLdBillFen !== null ? { monthlySavingFen: currentMonthlyLdBillFen - proposed } : {}),
    };
  },
  'deal.payback': async (e) => {
    const f = e.form.feasibility as { equipmentInvestmentFen: number; avgMonthlyGrossProfitFen: number; maxFluctuationPct: number; operatingMode: string };
    const payback = computePayback(f.equipmentInvestmentFen, f.avgMonthlyGrossProfitFen, f.maxFluctuationPct);
    e.documentFields = { ...f, ...payback, ...(e.form.comments ? { comments: e.form.comments } : {}) };
  },
  'deal.contract': async ({ tx, c, form, now, documentFields }) => {
    const serviceTier = form.paymentModel === 'one_time' ? 'vip' : 'standard';
    documentFields.serviceTier = serviceTier;
    await updateDeal(tx, c.id, { paymentModel: String(form.paymentModel), amountFen: Number(form.amountFen), updatedAt: now });
  },
  'deal.archive': async ({ tx, c, now }) => {
    await markArchived(tx, c.id, now);
  },
  // seed chapter 2: dispatch and installation live in the installation module
  'deal.dispatch': dispatchEffect,
  'deal.installed': installedEffect,
};
