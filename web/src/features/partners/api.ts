import { api } from '../../app/api';

export interface Partner {
  id: string;
  name: string;
  /** YYYY-MM-DD, the last day the certificate is valid */
  certifiedUntil: string;
  ratePerRepairFen: number;
  /** the certificate is valid today (the server's today, Shanghai) */
  certified?: boolean;
  createdAt: string;
}

export interface PartnerInput {
  name: string;
  certifiedUntil: string;
  ratePerRepairFen?: number;
}

export function listPartners() {
  return api.get<{ items: Partner[] }>('/partners', undefined, { quiet: [404, 405, 501] });
}

export function createPartner(body: PartnerInput) {
  return api.post<Partner>('/partners', body);
}

export function updatePartner(id: string, body: Partial<PartnerInput>) {
  return api.patch<Partner>(`/partners/${encodeURIComponent(id)}`, body);
}
