// ITU-T G.107 (06/2015) E-model: the transmission rating R from the default parameters of its
// Table 3, the one-way delay and the codec's impairment under packet loss, MOS from R (Annex B)
// and the G.109 quality band. With every default, R = 93.2.
import type { Codec } from './bandwidth.js';

export interface EModelParams {
  /** send / receive loudness rating (dB) */ SLR: number; RLR: number;
  /** sidetone masking, listener sidetone ratings (dB) */ STMR: number; LSTR: number;
  /** D-values of the telephone, send and receive side */ Ds: number; Dr: number;
  /** talker echo loudness, weighted echo path loss (dB) */ TELR: number; WEPL: number;
  /** mean one-way delay of the echo path, round trip in a 4-wire loop, absolute delay (ms) */ T: number; Tr: number; Ta: number;
  /** quantizing distortion units */ qdu: number;
  /** equipment impairment factor and packet-loss robustness factor */ Ie: number; Bpl: number;
  /** random packet-loss probability (%) and burst ratio (1 = random loss) */ Ppl: number; BurstR: number;
  /** circuit noise at the 0 dBr point, noise floor at the receive side (dBm0p / dBmp) */ Nc: number; Nfor: number;
  /** room noise at the send and receive side (dB(A)) */ Ps: number; Pr: number;
  /** advantage factor */ A: number;
}

/** G.107 Table 3: the default values (recommended when a parameter is not known). */
export const G107_DEFAULTS: Readonly<EModelParams> = Object.freeze({
  SLR: 8, RLR: 2, STMR: 15, LSTR: 18, Ds: 3, Dr: 3, TELR: 65, WEPL: 110, T: 0, Tr: 0, Ta: 0,
  qdu: 1, Ie: 0, Bpl: 1, Ppl: 0, BurstR: 1, Nc: -70, Nfor: -64, Ps: 35, Pr: 35, A: 0,
});

const lg = Math.log10;
const p10 = (x: number) => 10 ** x;

/** The rating R of a connection (G.107 §7): R = Ro − Is − Id − Ie,eff + A. */
export function rFactor(partial: Partial<EModelParams> = {}): number {
  const p = { ...G107_DEFAULTS, ...partial };
  const { SLR, RLR, STMR, LSTR, Ds, TELR, WEPL, T, Tr, Ta, qdu, Ie, Bpl, Ppl, BurstR, Nc, Nfor, Ps, Pr, A } = p;

  // 7.2 basic signal-to-noise ratio
  const OLR = SLR + RLR;
  const Nfo = Nfor + RLR;
  const Pre = Pr + 10 * lg(1 + p10((10 - LSTR) / 10));
  const Nor = RLR - 121 + Pre + 0.008 * (Pre - 35) ** 2;
  const Nos = Ps - SLR - Ds - 100 + 0.004 * (Ps - OLR - Ds - 14) ** 2;
  const No = 10 * lg(p10(Nc / 10) + p10(Nos / 10) + p10(Nor / 10) + p10(Nfo / 10));
  const Ro = 15 - 1.5 * (SLR + No);

  // 7.3 simultaneous impairment factor Is = Iolr + Ist + Iq
  const Xolr = OLR + 0.2 * (64 + No - RLR);
  const Iolr = 20 * ((1 + (Xolr / 8) ** 8) ** (1 / 8) - Xolr / 8);
  const STMRo = -10 * lg(p10(-STMR / 10) + Math.exp(-T / 4) * p10(-TELR / 10));
  const Ist = 12 * (1 + ((STMRo - 13) / 6) ** 8) ** (1 / 8)
    - 28 * (1 + ((STMRo + 1) / 19.4) ** 35) ** (1 / 35)
    - 13 * (1 + ((STMRo - 3) / 33) ** 13) ** (1 / 13) + 29;
  const Q = 37 - 15 * lg(qdu);
  const G = 1.07 + 0.258 * Q + 0.0602 * Q ** 2;
  const Z = 46 / 30 - G / 40;
  const Y = (Ro - 100) / 15 + 46 / 8.4 - G / 9;
  const Iq = 15 * lg(1 + p10(Y) + p10(Z));
  const Is = Iolr + Ist + Iq;

  // 7.4 delay impairment factor Id = Idte + Idle + Idd
  const TERV = TELR - 40 * lg((1 + T / 10) / (1 + T / 150)) + 6 * Math.exp(-0.3 * T ** 2);
  const TERVs = STMR < 9 ? TERV + Ist / 2 : TERV;
  const Roe = -1.5 * (No - RLR);
  const Re = 80 + 2.5 * (TERVs - 14);
  const Idte = ((Roe - Re) / 2 + Math.sqrt((Roe - Re) ** 2 / 4 + 100) - 1) * (1 - Math.exp(-T));
  const IdteS = STMR > 20 ? Math.sqrt(Idte ** 2 + Ist ** 2) : Idte;
  const Rle = 10.5 * (WEPL + 7) * (Tr + 1) ** -0.25;
  const Idle = (Ro - Rle) / 2 + Math.sqrt((Ro - Rle) ** 2 / 4 + 169);
  let Idd = 0;
  if (Ta > 100) {
    const X = lg(Ta / 100) / lg(2);
    Idd = 25 * ((1 + X ** 6) ** (1 / 6) - 3 * (1 + (X / 3) ** 6) ** (1 / 6) + 2);
  }
  const Id = IdteS + Idle + Idd;

  // 7.5 effective equipment impairment factor under (bursty) packet loss
  const IeEff = Ie + (95 - Ie) * (Ppl / (Ppl / BurstR + Bpl));

  return Ro - Is - Id - IeEff + A;
}

/** MOS (conversational quality, G.107 Annex B) from R. */
export function mosFromR(R: number): number {
  if (R <= 0) return 1;
  if (R >= 100) return 4.5;
  // the polynomial dips a little under 1 for R < 6.5; a MOS is never below 1
  return Math.max(1, 1 + 0.035 * R + R * (R - 60) * (100 - R) * 7e-6);
}

export const RATINGS = ['best', 'high', 'medium', 'low', 'poor'] as const;
export type Rating = (typeof RATINGS)[number];

/** G.109 Table 1: the user-satisfaction band of R (below 50 is "not recommended": poor here). */
export function ratingOf(R: number): Rating {
  if (R >= 90) return 'best';
  if (R >= 80) return 'high';
  if (R >= 70) return 'medium';
  if (R >= 60) return 'low';
  return 'poor';
}

/** Planning values per codec: Ie and Bpl from G.113 Appendix I (G.711 with the PLC of G.711
 *  Appendix I; G.729A with VAD, 2 frames a packet). G.722 and Opus have no narrow-band G.113
 *  value; they are rated at least as well as G.711 in this narrow-band model (provisional, see
 *  docs/decisions.md). `lookaheadMs` is the codec's delay beyond one packet of speech. */
export const CODEC_IMPAIRMENT: Record<Codec, { Ie: number; Bpl: number; lookaheadMs: number }> = {
  g711: { Ie: 0, Bpl: 25.1, lookaheadMs: 0 },
  g729: { Ie: 11, Bpl: 19, lookaheadMs: 5 },
  g722: { Ie: 0, Bpl: 25.1, lookaheadMs: 1.5 },
  opus: { Ie: 0, Bpl: 25.1, lookaheadMs: 6.5 },
};

export interface CallQuality { R: number; mos: number; rating: Rating }

/** R, MOS and band of a VoIP call: one-way mouth-to-ear delay (echo path T = Ta, Tr = 2T, echo
 *  cancelled at the default TELR), the codec's Ie/Bpl, the loss (%) and its burst ratio. */
export function voiceQuality(i: { codec: Codec; oneWayDelayMs: number; lossPct: number; burstR?: number }): CallQuality {
  const c = CODEC_IMPAIRMENT[i.codec];
  const R = rFactor({ T: i.oneWayDelayMs, Ta: i.oneWayDelayMs, Tr: 2 * i.oneWayDelayMs, Ie: c.Ie, Bpl: c.Bpl, Ppl: i.lossPct, BurstR: i.burstR ?? 1 });
  return { R: round(R, 1), mos: round(mosFromR(R), 2), rating: ratingOf(R) };
}

/** Mouth-to-ear delay of a call from a network measurement: half the round trip, one packet of
 *  speech, the codec's look-ahead and a jitter buffer of `jitterBufferFactor` × jitter (at least one packet). */
export function mouthToEarMs(i: { codec: Codec; packetMs: number; rttMs: number; jitterMs: number; jitterBufferFactor?: number }): number {
  const buffer = Math.max(i.packetMs, (i.jitterBufferFactor ?? 2) * i.jitterMs);
  return i.rttMs / 2 + i.packetMs + CODEC_IMPAIRMENT[i.codec].lookaheadMs + buffer;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
