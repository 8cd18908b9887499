import { api, type Schemas } from '../../app/api';

/** An outsourced after-sales company; `certified`: its certificate is valid today (Shanghai). */
export type Partner = Schemas['Partner'];

export interface PartnerInput {
  name: string;
  certifiedUntil: string;
  ratePerRepairFen?: number;
}

export function listPartners() {
  return api.get<Schemas['PartnerList']>('/partners');
}

export function createPartner(body: PartnerInput) {
  return api.post<Partner>('/partners', body);
}

export function updatePartner(id: string, body: Partial<PartnerInput>) {
  return api.patch<Partner>(`/partners/${encodeURIComponent(id)}`, body);
}
