// Pre-sales engineering of a deal (issue 17): the sizing from its survey (form 1), the
// assessment's measurements and the settings of the definition; what it suggests for the
// assessment (codec) and the proposal (investment, VoIP cost); the deal's engineering view.
import type { Tx } from '../../db/client.js';
import type { Actor, AppContext } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { authorize, can } from '../../policies/index.js';
import { copiesOf } from '../../policies/form.js';
import { stepsOfKind, type ProcessDefinition } from '../../domain/process/definition.js';
import { DEFAULT_SIZING, DEFAULT_TARIFFS, sizeDeal, type Measurement, type SizingSettings, type SurveyFigures } from '../../domain/engineering/sizing.js';
import type { Tariffs } from '../../domain/engineering/saving.js';
import { CODECS, type Codec } from '../../domain/engineering/bandwidth.js';
import { documentOfCaseByForm } from '../documents/repo.js';
import { findDeal } from '../deals/repo.js';

/** The form keys whose documents the sizing reads: the steps tagged assessment / proposal name them. */
export function formOfKind(def: ProcessDefinition, kind: 'assessment' | 'proposal'): string | undefined {
  for (const k of stepsOfKind(def, kind)) for (const t of Object.values(def.steps[k].outcomes)) if (t.form) return t.form;
  return undefined;
}

/** The sizing settings of the definition's assessment step (the built-in defaults when it has none). */
export function sizingSettingsOf(def: ProcessDefinition): SizingSettings {
  return stepsOfKind(def, 'assessment').map((k) => def.steps[k].sizing).find(Boolean) ?? DEFAULT_SIZING;
}
/** The tariffs of the definition's proposal step. */
export function tariffsOf(def: ProcessDefinition): Tariffs {
  return stepsOfKind(def, 'proposal').map((k) => def.steps[k].saving).find(Boolean) ?? DEFAULT_TARIFFS;
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function surveyFigures(fields: Record<string, unknown> | undefined): SurveyFigures {
  const f = fields ?? {};
  return {
    broadbandAvailable: typeof f.broadbandAvailable === 'boolean' ? f.broadbandAvailable : undefined,
    bandwidthMbps: num(f.bandwidthMbps), utilisationPct: num(f.utilisationPct),
    trunkLines: num(f.trunkLines), directLines: num(f.directLines), extensions: num(f.extensions),
    monthlyLdBillFen: num(f.monthlyLdBillFen), ldDiscountPct: num(f.ldDiscountPct),
  };
}

/** A measurement stored on the assessment (measuredRttMs …), overridden by one given now. */
function measurementOf(assessment: Record<string, unknown> | undefined, given: Measurement = {}): Measurement {
  const a = assessment ?? {};
  const m: Measurement = {
    rttMs: given.rttMs ?? num(a.measuredRttMs), jitterMs: given.jitterMs ?? num(a.measuredJitterMs),
    lossPct: given.lossPct ?? num(a.measuredLossPct), burstR: given.burstR,
  };
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined));
}

/** The deal's sizing from its stored documents. */
export async function sizingOfCase(tx: Tx, caseId: string, def: ProcessDefinition, given?: Measurement) {
  const survey = await documentOfCaseByForm(tx, caseId, def.openingForms.deal);
  const assessmentForm = formOfKind(def, 'assessment');
  const assessment = assessmentForm ? await documentOfCaseByForm(tx, caseId, assessmentForm) : undefined;
  const figures = surveyFigures(survey?.fields);
  const sizing = sizeDeal(figures, sizingSettingsOf(def), tariffsOf(def), measurementOf(assessment?.fields, given));
  return { figures, sizing, survey, assessment };
}

export type DealSizing = Awaited<ReturnType<typeof sizingOfCase>>;

/** The block the assessment (form 2) stores and prints for its chosen codec. */
export function assessmentSizingFields(s: DealSizing['sizing'], codec: Codec) {
  const c = s.codecs.find((x) => x.codec === codec)!;
  return {
    busyHourErlangs: s.busyHourErlangs, suggestedChannels: s.channels,
    trunkBlockingPct: s.trunkBlocking === null ? null : Math.round(s.trunkBlocking * 10000) / 100,
    gatewayPorts: s.gatewayPorts, requiredKbps: c.totalKbps, spareKbps: s.spareKbps, bandwidthStatus: c.status,
    expectedMos: c.mos, qualityRating: c.rating,
  };
}

/** What the proposal suggests: the assessment's equipment total as the investment, the VoIP cost
 *  of the channels the engineer settled on as the proposed monthly cost. */
export async function proposalSuggestions(tx: Tx, caseId: string, def: ProcessDefinition) {
  const { sizing, assessment } = await sizingOfCase(tx, caseId, def);
  const a = assessment?.fields ?? {};
  const channels = num(a.suggestedChannels) ?? sizing.channels;
  const t = tariffsOf(def);
  const rentDelta = (channels - sizing.channels) * t.channelMonthlyFen;
  return {
    investmentFen: num(a.totalFen),
    proposedMonthlyCostFen: sizing.saving.currentMonthlyFen > 0 ? sizing.saving.voipMonthlyFen + rentDelta : undefined,
    sizing: {
      suggestedChannels: channels,
      codec: (typeof a.codec === 'string' && (CODECS as readonly string[]).includes(a.codec) ? a.codec : sizing.suggestedCodec) as Codec,
      gatewayPorts: num(a.gatewayPorts) ?? sizing.gatewayPorts,
      expectedMos: num(a.expectedMos) ?? sizing.codecs.find((c) => c.codec === sizing.suggestedCodec)!.mos,
    },
  };
}

/** GET /deals/{id}/engineering: the sizing as the actor may see it (money only for the survey's readers). */
export async function dealEngineering(opts: { id: string; actor: Actor; measured: Measurement }, tx: Tx, ctx: AppContext) {
  const deal = await findDeal(tx, opts.id);
  if (!deal) throw notFound('deal');
  const def = await ctx.processes.get(deal.definitionVersion, tx);
  const target = { surveyCopies: copiesOf(def, def.openingForms.deal), assessmentCopies: copiesOf(def, formOfKind(def, 'assessment') ?? '') };
  authorize(opts.actor, 'engineering.read', target, 'deal');
  const money = can(opts.actor, 'engineering.readSaving', target);
  const { figures, sizing } = await sizingOfCase(tx, deal.id, def, opts.measured);
  const settings = sizingSettingsOf(def);
  const proposal = money ? await proposalSuggestions(tx, deal.id, def) : undefined;
  return {
    dealId: deal.id,
    survey: {
      broadbandAvailable: figures.broadbandAvailable ?? null, bandwidthMbps: sizing.bandwidthMbps, utilisationPct: sizing.utilisationPct,
      utilisationAssumed: sizing.utilisationAssumed, extensions: figures.extensions ?? null, trunkLines: figures.trunkLines ?? null,
      directLines: figures.directLines ?? null, monthlyLdBillFen: money ? figures.monthlyLdBillFen ?? null : null, ldDiscountPct: money ? figures.ldDiscountPct ?? null : null,
    },
    settings: {
      targetBlocking: settings.targetBlocking, busyHourFraction: settings.busyHourFraction, workingDaysPerMonth: settings.workingDaysPerMonth,
      codecPreference: settings.codecPreference, packetMs: settings.packetMs, layer: settings.layer, vad: settings.vad, greenShare: settings.greenShare,
      tariffs: money ? tariffsOf(def) : null,
    },
    traffic: { monthlyMinutes: money ? sizing.monthlyMinutes : null, busyHourErlangs: sizing.busyHourErlangs },
    trunks: {
      targetBlocking: sizing.targetBlocking, channels: sizing.channels, channelBlocking: sizing.channelBlocking, cappedByExtensions: sizing.cappedByExtensions,
      trunkLines: sizing.trunkLines, trunkBlocking: sizing.trunkBlocking, gatewayPorts: sizing.gatewayPorts,
    },
    spareKbps: sizing.spareKbps,
    network: sizing.network,
    codecs: sizing.codecs,
    suggestedCodec: sizing.suggestedCodec,
    saving: money ? sizing.saving : null,
    suggestions: {
      assessment: {
        codec: sizing.suggestedCodec, channels: sizing.channels, gatewayPorts: sizing.gatewayPorts,
      },
      proposal: proposal ? { investmentFen: proposal.investmentFen ?? null, proposedMonthlyCostFen: proposal.proposedMonthlyCostFen ?? null } : null,
    },
    withheld: !money,
  };
}
