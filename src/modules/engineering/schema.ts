// Request and reply shapes of pre-sales engineering (issue 17; API.md "Pre-sales engineering").
import { z } from 'zod';
import { CODECS, PACKET_INTERVALS_MS } from '../../domain/engineering/bandwidth.js';
import { RATINGS } from '../../domain/engineering/emodel.js';
import { MAX_CHANNELS, MAX_TRAFFIC_ERLANGS } from '../../domain/engineering/erlang.js';

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const blocking = z.coerce.number().gt(0, 'must be above 0').lt(1, 'must be below 1 (a probability)');
const codec = z.enum(CODECS, { error: `must be one of ${CODECS.join(', ')}` });
const packetMs = z.coerce.number().refine((n) => (PACKET_INTERVALS_MS as readonly number[]).includes(n), `must be one of ${PACKET_INTERVALS_MS.join(', ')}`)
  .transform((n) => n as (typeof PACKET_INTERVALS_MS)[number]);

export const erlangQuery = z.object({
  channels: z.coerce.number().int('must be a whole number').min(1).max(MAX_CHANNELS).optional(),
  trafficErlangs: z.coerce.number().min(0, 'must not be negative').max(MAX_TRAFFIC_ERLANGS).optional(),
  blocking: blocking.optional(),
}).superRefine((q, ctx) => {
  const given = [q.channels, q.trafficErlangs, q.blocking].filter((v) => v !== undefined).length;
  if (given !== 2) ctx.addIssue({ code: 'custom', path: [q.blocking === undefined ? 'blocking' : 'channels'], message: 'give exactly two of channels, trafficErlangs and blocking' });
});
export const erlangReply = z.object({
  channels: z.number().int(), trafficErlangs: z.number(), blocking: z.number(),
  /** what was computed: the traffic the lines carry, the fewest lines, or the blocking */
  solvedFor: z.enum(['trafficErlangs', 'channels', 'blocking']),
}).meta({ id: 'ErlangB' });

export const bandwidthQuery = z.object({
  codec,
  packetMs: packetMs.default(20),
  calls: z.coerce.number().int('must be a whole number').min(0).max(MAX_CHANNELS).default(1),
  layer: z.enum(['ip', 'ethernet']).default('ip'),
  vad: bool.default(false),
  extraHeaderBytes: z.coerce.number().int().min(0).max(200).default(0),
  opusKbps: z.coerce.number().min(6).max(510).optional(),
});
export const bandwidthReply = z.object({ perCallKbps: z.number(), totalKbps: z.number() }).meta({ id: 'Bandwidth' });

export const emodelQuery = z.object({
  codec,
  oneWayDelayMs: z.coerce.number().min(0, 'must not be negative').max(5000).default(0),
  lossPct: z.coerce.number().min(0, 'must not be negative').max(100).default(0),
  burstR: z.coerce.number().min(1, 'must be at least 1 (1 = random loss)').max(100).default(1),
});
export const emodelReply = z.object({ R: z.number(), mos: z.number(), rating: z.enum(RATINGS) }).meta({ id: 'EModel' });

export const savingQuery = z.object({
  monthlyBillFen: z.coerce.number().int('must be integer fen').min(0, 'must not be negative').max(1e13),
  discountPct: z.coerce.number().min(0).lt(100).default(0),
  channels: z.coerce.number().int().min(0).max(MAX_CHANNELS).default(0),
  currentFenPerMinute: z.coerce.number().gt(0).max(10000).optional(),
  voipFenPerMinute: z.coerce.number().min(0).max(10000).optional(),
  channelMonthlyFen: z.coerce.number().int().min(0).max(1e9).optional(),
  busyHourFraction: z.coerce.number().gt(0).max(1).optional(),
  workingDaysPerMonth: z.coerce.number().min(1).max(31).optional(),
});
export const savingReply = z.object({
  monthlyMinutes: z.number(), busyHourErlangs: z.number(), currentMonthlyFen: z.number().int(), voipMonthlyFen: z.number().int(), monthlySavingFen: z.number().int(),
}).meta({ id: 'Saving' });

export const measurementQuery = z.object({
  rttMs: z.coerce.number().min(0, 'must not be negative').max(5000).optional(),
  jitterMs: z.coerce.number().min(0, 'must not be negative').max(1000).optional(),
  lossPct: z.coerce.number().min(0, 'must not be negative').max(100).optional(),
  burstR: z.coerce.number().min(1).max(100).optional(),
});

const codecSizing = z.object({
  codec, perCallKbps: z.number(), totalKbps: z.number(), shareOfSpare: z.number().nullable(), status: z.enum(['green', 'amber', 'red']),
  oneWayDelayMs: z.number(), R: z.number(), mos: z.number(), rating: z.enum(RATINGS),
});

export const dealEngineeringReply = z.object({
  dealId: z.string(),
  survey: z.object({
    broadbandAvailable: z.boolean().nullable(), bandwidthMbps: z.number().nullable(), utilisationPct: z.number(), utilisationAssumed: z.boolean(),
    extensions: z.number().nullable(), trunkLines: z.number().nullable(), directLines: z.number().nullable(),
    /** withheld (null) for readers of the assessment who do not read the survey */
    monthlyLdBillFen: z.number().nullable(), ldDiscountPct: z.number().nullable(),
  }),
  settings: z.object({
    targetBlocking: z.number(), busyHourFraction: z.number(), workingDaysPerMonth: z.number(), codecPreference: z.array(codec),
    packetMs: z.number(), layer: z.enum(['ip', 'ethernet']), vad: z.boolean(), greenShare: z.number(),
    tariffs: z.object({ currentFenPerMinute: z.number(), voipFenPerMinute: z.number(), channelMonthlyFen: z.number() }).nullable(),
  }),
  traffic: z.object({ monthlyMinutes: z.number().nullable(), busyHourErlangs: z.number() }),
  trunks: z.object({
    targetBlocking: z.number(), channels: z.number().int(), channelBlocking: z.number(), cappedByExtensions: z.boolean(),
    trunkLines: z.number().nullable(), trunkBlocking: z.number().nullable(), gatewayPorts: z.number().int(),
  }),
  spareKbps: z.number(),
  network: z.object({ rttMs: z.number(), jitterMs: z.number(), lossPct: z.number(), burstR: z.number(), measured: z.boolean() }),
  codecs: z.array(codecSizing),
  suggestedCodec: codec,
  saving: z.object({ currentMonthlyFen: z.number().int(), voipMonthlyFen: z.number().int(), monthlySavingFen: z.number().int() }).nullable(),
  suggestions: z.object({
    assessment: z.object({ codec, channels: z.number().int(), gatewayPorts: z.number().int() }),
    proposal: z.object({ investmentFen: z.number().int().nullable(), proposedMonthlyCostFen: z.number().int().nullable() }).nullable(),
  }),
  /** true: the money (bill, tariffs, minutes, saving) is withheld from this reader */
  withheld: z.boolean(),
}).meta({ id: 'DealEngineering' });
