// The sizing of a customer's VoIP migration from the survey (form 1): busy-hour traffic from the
// monthly long-distance minutes, channels at the target blocking, the blocking of the trunks the
// customer has now, gateway ports, bandwidth per codec against the spare broadband, the expected
// voice quality per codec and the monthly saving. Pure: the settings come from the definition.
import { channelsFor, erlangB } from './erlang.js';
import { CODECS, perCallKbps, type Codec, type Layer, type PacketMs } from './bandwidth.js';
import { mouthToEarMs, voiceQuality, RATINGS, type Rating } from './emodel.js';
import { monthlySaving, type Tariffs } from './saving.js';

export interface SizingSettings {
  /** target blocking probability of the VoIP channels (0.01 = 1 %) */
  targetBlocking: number;
  /** share of a working day's long-distance minutes in its busiest hour */
  busyHourFraction: number;
  workingDaysPerMonth: number;
  /** codecs in the order the company prefers them; the first that fits (green, at least `minRating`) is suggested */
  codecPreference: Codec[];
  minRating: Rating;
  packetMs: PacketMs;
  layer: Layer;
  vad: boolean;
  opusKbps: number;
  /** voice up to this share of the spare bandwidth is green; up to all of it amber; beyond, red */
  greenShare: number;
  /** the broadband's utilisation when the survey does not give it (%) */
  assumedUtilisationPct: number;
  /** the network when nothing is measured: round trip, jitter (ms) and loss (%) to our gateway */
  assumedNetwork: { rttMs: number; jitterMs: number; lossPct: number };
  jitterBufferFactor: number;
  /** gateway sizes on offer (ports) */
  gatewayPortSizes: number[];
}

export const DEFAULT_SIZING: SizingSettings = {
  targetBlocking: 0.01,
  busyHourFraction: 0.15,
  workingDaysPerMonth: 22,
  codecPreference: ['g711', 'g729', 'g722', 'opus'],
  minRating: 'medium',
  packetMs: 20,
  layer: 'ethernet',
  vad: false,
  opusKbps: 24,
  greenShare: 0.5,
  assumedUtilisationPct: 50,
  assumedNetwork: { rttMs: 60, jitterMs: 10, lossPct: 0.5 },
  jitterBufferFactor: 2,
  gatewayPortSizes: [4, 8, 16, 24, 32],
};

export const DEFAULT_TARIFFS: Tariffs = { currentFenPerMinute: 30, voipFenPerMinute: 10, channelMonthlyFen: 5000 };

/** What the survey says (every figure optional: a survey may leave it blank). */
export interface SurveyFigures {
  broadbandAvailable?: boolean;
  bandwidthMbps?: number;
  utilisationPct?: number;
  trunkLines?: number;
  directLines?: number;
  extensions?: number;
  monthlyLdBillFen?: number;
  ldDiscountPct?: number;
}

/** A measurement, e.g. a ping to our gateway; missing parts come from the settings' assumptions. */
export interface Measurement { rttMs?: number; jitterMs?: number; lossPct?: number; burstR?: number }

export type BandwidthStatus = 'green' | 'amber' | 'red';

export interface CodecSizing {
  codec: Codec;
  perCallKbps: number;
  totalKbps: number;
  /** share of the spare bandwidth the channels take (null without broadband) */
  shareOfSpare: number | null;
  status: BandwidthStatus;
  oneWayDelayMs: number;
  R: number;
  mos: number;
  rating: Rating;
}

export interface Sizing {
  monthlyMinutes: number;
  busyHourErlangs: number;
  targetBlocking: number;
  channels: number;
  channelBlocking: number;
  /** channels are capped by the extensions: never more calls at once than phones */
  cappedByExtensions: boolean;
  trunkLines: number | null;
  trunkBlocking: number | null;
  gatewayPorts: number;
  bandwidthMbps: number | null;
  utilisationPct: number;
  utilisationAssumed: boolean;
  spareKbps: number;
  network: Required<Measurement> & { measured: boolean };
  codecs: CodecSizing[];
  suggestedCodec: Codec;
  saving: { currentMonthlyFen: number; voipMonthlyFen: number; monthlySavingFen: number };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** The smallest gateway on offer with enough ports, else enough of the largest. */
export function gatewayPortsFor(channels: number, sizes: number[]): number {
  if (channels <= 0) return 0;
  const sorted = [...sizes].sort((a, b) => a - b);
  const fit = sorted.find((s) => s >= channels);
  if (fit !== undefined) return fit;
  const largest = sorted.at(-1) ?? 1;
  return Math.ceil(channels / largest) * largest;
}

export function sizeDeal(survey: SurveyFigures, s: SizingSettings, tariffs: Tariffs, measured: Measurement = {}): Sizing {
  const bill = survey.monthlyLdBillFen ?? 0;
  const discount = survey.ldDiscountPct ?? 0;
  const traffic = { busyHourFraction: s.busyHourFraction, workingDaysPerMonth: s.workingDaysPerMonth };
  // channels first from the traffic; the saving then counts the channels' rent
  const draft = monthlySaving({ monthlyBillFen: bill, discountPct: discount, channels: 0, tariffs, traffic });
  const erlangs = draft.busyHourErlangs;
  const needed = channelsFor(erlangs, s.targetBlocking);
  const ext = survey.extensions && survey.extensions > 0 ? survey.extensions : undefined;
  const capped = ext !== undefined && needed.channels > ext;
  const channels = capped ? ext : needed.channels;
  const trunkLines = survey.trunkLines && survey.trunkLines > 0 ? survey.trunkLines : null;
  const saving = monthlySaving({ monthlyBillFen: bill, discountPct: discount, channels, tariffs, traffic });

  const hasBroadband = survey.broadbandAvailable !== false && !!survey.bandwidthMbps;
  const utilisationAssumed = survey.utilisationPct === undefined;
  const utilisationPct = survey.utilisationPct ?? s.assumedUtilisationPct;
  const spareKbps = hasBroadband ? survey.bandwidthMbps! * 1000 * (1 - utilisationPct / 100) : 0;
  const network = {
    rttMs: measured.rttMs ?? s.assumedNetwork.rttMs,
    jitterMs: measured.jitterMs ?? s.assumedNetwork.jitterMs,
    lossPct: measured.lossPct ?? s.assumedNetwork.lossPct,
    burstR: measured.burstR ?? 1,
    measured: measured.rttMs !== undefined || measured.jitterMs !== undefined || measured.lossPct !== undefined,
  };

  const codecs = CODECS.map((codec): CodecSizing => {
    const per = perCallKbps({ codec, packetMs: s.packetMs, layer: s.layer, vad: s.vad, opusKbps: s.opusKbps });
    const total = per * channels;
    const share = spareKbps > 0 ? total / spareKbps : null;
    const status: BandwidthStatus = total === 0 ? 'green' : share === null || share > 1 ? 'red' : share > s.greenShare ? 'amber' : 'green';
    const delay = mouthToEarMs({ codec, packetMs: s.packetMs, rttMs: network.rttMs, jitterMs: network.jitterMs, jitterBufferFactor: s.jitterBufferFactor });
    const q = voiceQuality({ codec, oneWayDelayMs: delay, lossPct: network.lossPct, burstR: network.burstR });
    return { codec, perCallKbps: round(per, 1), totalKbps: round(total, 1), shareOfSpare: share === null ? null : round(share, 4), status, oneWayDelayMs: round(delay, 1), ...q };
  });
  const good = (c: CodecSizing) => RATINGS.indexOf(c.rating) <= RATINGS.indexOf(s.minRating);
  const byPreference = s.codecPreference.map((k) => codecs.find((c) => c.codec === k)!).filter(Boolean);
  const suggested = byPreference.find((c) => c.status === 'green' && good(c))
    ?? byPreference.find((c) => c.status !== 'red' && good(c))
    ?? byPreference.find((c) => c.status !== 'red')
    ?? [...codecs].sort((a, b) => a.perCallKbps - b.perCallKbps)[0];

  return {
    monthlyMinutes: saving.monthlyMinutes,
    busyHourErlangs: erlangs,
    targetBlocking: s.targetBlocking,
    channels,
    channelBlocking: round(channels === needed.channels ? needed.blocking : erlangB(channels, erlangs), 6),
    cappedByExtensions: capped,
    trunkLines,
    trunkBlocking: trunkLines === null ? null : round(erlangB(trunkLines, erlangs), 6),
    gatewayPorts: gatewayPortsFor(channels, s.gatewayPortSizes),
    bandwidthMbps: hasBroadband ? survey.bandwidthMbps! : null,
    utilisationPct,
    utilisationAssumed,
    spareKbps: round(spareKbps, 1),
    network,
    codecs,
    suggestedCodec: suggested.codec,
    saving: { currentMonthlyFen: saving.currentMonthlyFen, voipMonthlyFen: saving.voipMonthlyFen, monthlySavingFen: saving.monthlySavingFen },
  };
}
