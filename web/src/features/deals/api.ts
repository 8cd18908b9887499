import { api, type Schemas } from '../../app/api';

/** A row of the deal list. */
export type DealSummary = Schemas['DealPage']['items'][number];
/** One entry of a case's history (the audit, filtered by what the reader may see). */
export type HistoryEntry = Schemas['AuditEntry'];
export type NegotiationEntry = Schemas['NegotiationEntry'];
export type DealDetail = Schemas['DealDetail'];

export type NegotiationKind = 'price_cut' | 'contract_change' | 'policy_adjustment' | 'other';

export function listDeals(query: { state?: string; q?: string; page?: number; pageSize?: number; mine?: string }) {
  return api.get<Schemas['DealPage']>('/deals', query);
}

export function getDeal(id: string) {
  return api.get<DealDetail>(`/deals/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

export function createDeal(body: { customerId: string; survey: Record<string, unknown> }) {
  return api.post<Schemas['DealCreated']>('/deals', body);
}

export function addNegotiationEntry(dealId: string, body: { kind: NegotiationKind; note: string }) {
  return api.post<NegotiationEntry>(`/deals/${encodeURIComponent(dealId)}/negotiation-log`, body);
}

export type PurchaseLine = Schemas['PurchaseLine'];
export type PurchaseList = Schemas['PurchaseList'];

/** 采购: the purchase list planned from form 2 when the contract was archived. */
export function getPurchases(dealId: string) {
  return api.get<PurchaseList>(`/deals/${encodeURIComponent(dealId)}/purchases`);
}

export function updatePurchaseLine(id: string, body: { supplier?: string | null; orderedAt?: string | null; receivedAt?: string | null; version?: number }) {
  return api.patch<PurchaseLine>(`/purchases/${encodeURIComponent(id)}`, body);
}

export type ProposalTemplate = Schemas['ProposalTemplates']['items'][number];

/** The company's proposal templates (解决方案模板). */
export function listProposalTemplates() {
  return api.get<Schemas['ProposalTemplates']>('/proposal-templates');
}

export function saveProposalTemplates(items: ProposalTemplate[]) {
  return api.put<Schemas['ProposalTemplates']>('/proposal-templates', { items });
}
