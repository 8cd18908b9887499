// The VoIP calculators against the published references (Erlang B tables, ITU-T G.107/G.109)
// and their properties (fast-check).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelsFor, erlangB, trafficFor } from './erlang.js';
import { CODECS, PACKET_INTERVALS_MS, bandwidth, perCallKbps } from './bandwidth.js';
import { G107_DEFAULTS, mosFromR, rFactor, ratingOf, voiceQuality } from './emodel.js';
import { busyHourErlangs, monthlyMinutes, monthlySaving } from './saving.js';
import { DEFAULT_SIZING, DEFAULT_TARIFFS, gatewayPortsFor, sizeDeal } from './sizing.js';

const sig4 = (x: number) => Number(x.toPrecision(4));

describe('Erlang B', () => {
  // the traffic N lines carry at a blocking, from the published Erlang B table
  const TABLE: [number, number, number][] = [
    [1, 0.01, 0.01010], [2, 0.01, 0.1526], [5, 0.01, 1.361], [8, 0.01, 3.128], [10, 0.01, 4.461],
    [20, 0.01, 12.03], [30, 0.01, 20.34], [50, 0.01, 37.90], [100, 0.01, 84.06],
    [10, 0.001, 3.092], [10, 0.02, 5.084], [10, 0.05, 6.216], [30, 0.05, 24.80], [24, 0.02, 16.63], [100, 0.001, 75.24],
  ];
  it.each(TABLE)('%i lines at %f blocking carry %f E (4 significant digits)', (n, b, a) => {
    expect(sig4(trafficFor(n, b))).toBe(a);
    expect(erlangB(n, trafficFor(n, b))).toBeCloseTo(b, 12);
  });

  it('gives the fewest lines for a traffic, with their exact blocking', () => {
    expect(channelsFor(3.03, 0.01)).toEqual({ channels: 8, blocking: erlangB(8, 3.03) });
    expect(channelsFor(12.03, 0.01).channels).toBe(20);
    expect(channelsFor(12.04, 0.01).channels).toBe(21);
    expect(channelsFor(0, 0.01)).toEqual({ channels: 0, blocking: 0 });
    expect(erlangB(0, 5)).toBe(1);
  });

  it('is stable at thousands of lines (no factorials)', () => {
    const a = trafficFor(5000, 0.01);
    expect(a).toBeGreaterThan(4900);
    expect(a).toBeLessThan(5000);
    expect(Number.isFinite(erlangB(50_000, 49_000))).toBe(true);
  });

  it('refuses nonsense', () => {
    expect(() => channelsFor(-1, 0.01)).toThrow(RangeError);
    expect(() => channelsFor(5, 1)).toThrow(RangeError);
    expect(() => trafficFor(0, 0.01)).toThrow(RangeError);
    expect(() => trafficFor(2.5, 0.01)).toThrow(RangeError);
  });

  it('is monotone: more traffic blocks more, more lines block less', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0.01, max: 400, noNaN: true }), fc.double({ min: 0.001, max: 50, noNaN: true }), (n, a, d) => {
      expect(erlangB(n, a + d)).toBeGreaterThanOrEqual(erlangB(n, a));
      // strictly fewer losses with one more line, until the value underflows to 0
      expect(erlangB(n + 1, a)).toBeLessThanOrEqual(erlangB(n, a));
      if (erlangB(n, a) > 1e-250) expect(erlangB(n + 1, a)).toBeLessThan(erlangB(n, a));
    }));
  });

  it('round-trips: lines → traffic → lines, and traffic → lines → blocking within the target', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0.0005, max: 0.3, noNaN: true }), (n, b) => {
      const a = trafficFor(n, b);
      expect(erlangB(n, a)).toBeCloseTo(b, 9);
      // at a hair less traffic, n lines are exactly the fewest that meet the target
      expect(channelsFor(a * (1 - 1e-9), b).channels).toBe(n);
    }));
    fc.assert(fc.property(fc.double({ min: 0.001, max: 2000, noNaN: true }), fc.double({ min: 0.0005, max: 0.3, noNaN: true }), (a, b) => {
      const { channels, blocking } = channelsFor(a, b);
      expect(blocking).toBeLessThanOrEqual(b);
      expect(erlangB(channels - 1, a)).toBeGreaterThan(b);
      expect(trafficFor(channels, b)).toBeGreaterThanOrEqual(a * (1 - 1e-9));
    }));
  });
});

describe('bandwidth per call', () => {
  it('matches the usual figures (RTP/UDP/IPv4 40 B, Ethernet 18 B)', () => {
    expect(bandwidth({ codec: 'g711', packetMs: 20, calls: 1 })).toEqual({ perCallKbps: 80, totalKbps: 80 });
    expect(bandwidth({ codec: 'g711', packetMs: 20, layer: 'ethernet', calls: 10 })).toEqual({ perCallKbps: 87.2, totalKbps: 872 });
    expect(bandwidth({ codec: 'g729', packetMs: 20, calls: 1 }).perCallKbps).toBe(24);
    expect(bandwidth({ codec: 'g729', packetMs: 20, layer: 'ethernet', calls: 1 }).perCallKbps).toBe(31.2);
    expect(bandwidth({ codec: 'g729', packetMs: 30, calls: 1 }).perCallKbps).toBeCloseTo(18.667, 3);
    expect(bandwidth({ codec: 'g711', packetMs: 10, calls: 1 }).perCallKbps).toBe(96);
    expect(bandwidth({ codec: 'g711', packetMs: 40, calls: 1 }).perCallKbps).toBe(72);
    expect(bandwidth({ codec: 'g722', packetMs: 20, calls: 1 }).perCallKbps).toBe(80);
    expect(bandwidth({ codec: 'opus', packetMs: 20, calls: 1 }).perCallKbps).toBe(40);
  });

  it('VAD lowers the average by the silent share', () => {
    expect(perCallKbps({ codec: 'g711', packetMs: 20, vad: true })).toBeCloseTo(48, 9);
    expect(perCallKbps({ codec: 'g711', packetMs: 20, vad: true, voiceActivity: 0.5 })).toBeCloseTo(40, 9);
  });

  it('grows with the header overhead and shrinks with a longer packet interval', () => {
    fc.assert(fc.property(fc.constantFrom(...CODECS), fc.constantFrom(...PACKET_INTERVALS_MS), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 100 }), (codec, packetMs, extra, more) => {
      const base = perCallKbps({ codec, packetMs, extraHeaderBytes: extra });
      expect(perCallKbps({ codec, packetMs, extraHeaderBytes: extra + more })).toBeGreaterThan(base);
      expect(perCallKbps({ codec, packetMs, layer: 'ethernet', extraHeaderBytes: extra })).toBeGreaterThan(base);
      if (packetMs < 40) expect(perCallKbps({ codec, packetMs: (packetMs + 10) as 20, extraHeaderBytes: extra })).toBeLessThan(base);
    }));
  });
});

describe('ITU-T G.107 E-model', () => {
  it('gives R = 93.2 with every default (G.107 §7)', () => {
    expect(rFactor().toFixed(1)).toBe('93.2');
    expect(rFactor(G107_DEFAULTS)).toBeCloseTo(93.2, 1);
    expect(voiceQuality({ codec: 'g711', oneWayDelayMs: 0, lossPct: 0 })).toEqual({ R: 93.2, mos: 4.41, rating: 'best' });
  });

  it('maps R to MOS as G.107 Annex B at 0, 50, 70, 80, 90 and 100', () => {
    expect([0, 50, 70, 80, 90, 100].map((r) => Number(mosFromR(r).toFixed(2)))).toEqual([1, 2.58, 3.6, 4.02, 4.34, 4.5]);
    expect(mosFromR(-5)).toBe(1);
    expect(mosFromR(120)).toBe(4.5);
    expect(mosFromR(3)).toBe(1);
  });

  it('rates R in the G.109 bands', () => {
    expect([95, 90, 85, 80, 75, 70, 65, 60, 55, 40].map(ratingOf)).toEqual(['best', 'best', 'high', 'high', 'medium', 'medium', 'low', 'low', 'poor', 'poor']);
  });

  it('applies Ie and Bpl: G.729A at 0 loss loses 11, loss hurts more in bursts', () => {
    expect(rFactor({ Ie: 11, Bpl: 19 })).toBeCloseTo(rFactor() - 11, 9);
    // Ie,eff = Ie + (95 − Ie)·Ppl/(Ppl/BurstR + Bpl): G.711 with PLC at 1 % random loss ≈ 3.63
    expect(rFactor() - rFactor({ Ie: 0, Bpl: 25.1, Ppl: 1 })).toBeCloseTo(95 / 26.1, 9);
    expect(rFactor({ Ie: 0, Bpl: 25.1, Ppl: 2, BurstR: 2 })).toBeLessThan(rFactor({ Ie: 0, Bpl: 25.1, Ppl: 2, BurstR: 1 }));
  });

  // G.107's talker-echo term Idte is slightly negative for T under 1.5 ms (R peaks at 93.26 at
  // 0.5 ms); a VoIP call is never that fast (one packet is 10 ms or more), so delays start at 2 ms
  it('falls as delay or loss rise', () => {
    fc.assert(fc.property(fc.constantFrom(...CODECS), fc.double({ min: 2, max: 600, noNaN: true }), fc.double({ min: 1, max: 200, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (codec, d, dd, loss, dl) => {
      const at = (oneWayDelayMs: number, lossPct: number) => rFactor({ T: oneWayDelayMs, Ta: oneWayDelayMs, Tr: 2 * oneWayDelayMs, Ie: codec === 'g729' ? 11 : 0, Bpl: codec === 'g729' ? 19 : 25.1, Ppl: lossPct });
      expect(at(d + dd, loss)).toBeLessThanOrEqual(at(d, loss) + 1e-9);
      expect(at(d, loss + dl)).toBeLessThan(at(d, loss));
    }));
  });
});

describe('saving', () => {
  it('derives minutes from the bill at the discounted price, and busy-hour Erlangs from the minutes', () => {
    expect(monthlyMinutes(600_000, 0, { currentFenPerMinute: 30 })).toBe(20_000);
    expect(monthlyMinutes(600_000, 50, { currentFenPerMinute: 30 })).toBe(40_000);
    expect(busyHourErlangs(22 * 3600, { busyHourFraction: 0.1, workingDaysPerMonth: 22 })).toBe(6);
  });

  it('counts VoIP minutes and channel rent against the current bill', () => {
    const s = monthlySaving({ monthlyBillFen: 600_000, discountPct: 0, channels: 4, tariffs: { currentFenPerMinute: 30, voipFenPerMinute: 10, channelMonthlyFen: 5000 }, traffic: { busyHourFraction: 0.15, workingDaysPerMonth: 22 } });
    expect(s).toEqual({ monthlyMinutes: 20_000, busyHourErlangs: 2.273, currentMonthlyFen: 600_000, voipMonthlyFen: 220_000, monthlySavingFen: 380_000 });
  });
});

describe('sizing a deal', () => {
  const survey = { broadbandAvailable: true, bandwidthMbps: 20, utilisationPct: 40, trunkLines: 8, extensions: 48, monthlyLdBillFen: 800_000, ldDiscountPct: 0 };

  it('sizes the 20 Mbps / 40 % / 48 extensions / 8 trunks customer', () => {
    const s = sizeDeal(survey, DEFAULT_SIZING, DEFAULT_TARIFFS);
    expect(s.busyHourErlangs).toBe(3.03);
    expect(s.channels).toBe(8);
    expect(s.gatewayPorts).toBe(8);
    expect(s.spareKbps).toBe(12_000);
    expect(s.trunkBlocking).toBeCloseTo(erlangB(8, 3.03), 6);
    expect(s.codecs.map((c) => c.status)).toEqual(['green', 'green', 'green', 'green']);
    expect(s.suggestedCodec).toBe('g711');
    expect(s.saving).toEqual({ currentMonthlyFen: 800_000, voipMonthlyFen: 306_667, monthlySavingFen: 493_333 });
  });

  it('turns amber and red as the spare bandwidth shrinks, and suggests the codec that fits', () => {
    const tight = sizeDeal({ ...survey, bandwidthMbps: 1, utilisationPct: 40 }, DEFAULT_SIZING, DEFAULT_TARIFFS);
    expect(tight.spareKbps).toBe(600);
    expect(tight.codecs.find((c) => c.codec === 'g711')!.status).toBe('red');
    expect(tight.codecs.find((c) => c.codec === 'g729')!.status).toBe('green');
    expect(tight.suggestedCodec).toBe('g729');
    const none = sizeDeal({ ...survey, broadbandAvailable: false }, DEFAULT_SIZING, DEFAULT_TARIFFS);
    expect(none.codecs.every((c) => c.status === 'red')).toBe(true);
  });

  it('updates the voice quality from a measurement', () => {
    const good = sizeDeal(survey, DEFAULT_SIZING, DEFAULT_TARIFFS, { rttMs: 20, jitterMs: 2, lossPct: 0 });
    const bad = sizeDeal(survey, DEFAULT_SIZING, DEFAULT_TARIFFS, { rttMs: 400, jitterMs: 60, lossPct: 5 });
    expect(good.network.measured).toBe(true);
    const g711 = (s: typeof good) => s.codecs.find((c) => c.codec === 'g711')!;
    expect(g711(good).R).toBeGreaterThan(g711(bad).R);
    expect(g711(bad).rating).toBe('poor');
  });

  it('never suggests more channels than extensions; gateways come in the sizes on offer', () => {
    const s = sizeDeal({ ...survey, extensions: 4, monthlyLdBillFen: 5_000_000 }, DEFAULT_SIZING, DEFAULT_TARIFFS);
    expect(s.channels).toBe(4);
    expect(s.cappedByExtensions).toBe(true);
    expect([0, 1, 4, 5, 30, 33, 70].map((n) => gatewayPortsFor(n, [4, 8, 16, 24, 32]))).toEqual([0, 4, 4, 8, 32, 64, 96]);
  });
});
