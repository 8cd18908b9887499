// The customer's monthly saving: the long-distance bill under the current method against the
// same minutes over VoIP. Minutes come from the bill at the current per-minute price after the
// customer's discount; the busy hour carries `busyHourFraction` of a working day's minutes.

export interface Tariffs {
  /** the carrier's list price per long-distance minute, in fen (decimals allowed) */
  currentFenPerMinute: number;
  /** our VoIP price per minute, in fen */
  voipFenPerMinute: number;
  /** monthly rent of one VoIP channel, in fen */
  channelMonthlyFen: number;
}

export interface TrafficSettings {
  /** share of a working day's traffic in its busiest hour (0–1) */
  busyHourFraction: number;
  workingDaysPerMonth: number;
}

/** Minutes a month of long distance: the bill ÷ the price the customer pays (list price less discount). */
export function monthlyMinutes(monthlyBillFen: number, discountPct: number, tariffs: Pick<Tariffs, 'currentFenPerMinute'>): number {
  const paid = tariffs.currentFenPerMinute * (1 - discountPct / 100);
  return paid > 0 ? monthlyBillFen / paid : 0;
}

/** Busy-hour traffic (Erlangs) of those minutes: a working day's share in its busiest hour, in call-hours. */
export function busyHourErlangs(minutesPerMonth: number, s: TrafficSettings): number {
  return (minutesPerMonth / s.workingDaysPerMonth) * s.busyHourFraction / 60;
}

export interface Saving {
  monthlyMinutes: number;
  busyHourErlangs: number;
  currentMonthlyFen: number;
  voipMonthlyFen: number;
  monthlySavingFen: number;
}

/** The saving of moving the customer's long distance to VoIP on `channels` rented channels. */
export function monthlySaving(i: { monthlyBillFen: number; discountPct: number; channels: number; tariffs: Tariffs; traffic: TrafficSettings }): Saving {
  const minutes = monthlyMinutes(i.monthlyBillFen, i.discountPct, i.tariffs);
  const voip = Math.round(minutes * i.tariffs.voipFenPerMinute + i.channels * i.tariffs.channelMonthlyFen);
  return {
    monthlyMinutes: Math.round(minutes),
    busyHourErlangs: Math.round(busyHourErlangs(minutes, i.traffic) * 1000) / 1000,
    currentMonthlyFen: i.monthlyBillFen,
    voipMonthlyFen: voip,
    monthlySavingFen: i.monthlyBillFen - voip,
  };
}
