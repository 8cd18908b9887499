import { api, type Schemas } from '../../app/api';

export type DealEngineering = Schemas['DealEngineering'];
export type CodecSizing = DealEngineering['codecs'][number];
/** A measurement of the customer's line, e.g. a ping to our gateway. */
export interface Measurement { rttMs?: number; jitterMs?: number; lossPct?: number }

/** The deal's VoIP sizing from its survey; with a measurement, the voice quality is estimated from it. */
export function getDealEngineering(dealId: string, m: Measurement) {
  return api.get<DealEngineering>(`/deals/${encodeURIComponent(dealId)}/engineering`, { ...m }, { quiet: [403, 404] });
}
