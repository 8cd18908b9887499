import { api, type ListReply } from '../../app/api';
import type { Task } from '../tasks/api';
import type { Customer } from '../customers/api';
import type { FormDocument } from '../documents/api';

export interface DealSummary {
  id: string;
  number?: string | null;
  state: string;
  customerId: string;
  customerName?: string | null;
  ownerId?: string | null;
  createdAt: string;
  amountFen?: number | null;
  secondMeetingAt?: string | null;
}

export interface HistoryEntry {
  at: string;
  actorId?: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  before?: unknown;
  after?: unknown;
}

export interface NegotiationEntry {
  id?: string;
  kind: string;
  note: string;
  actorId?: string | null;
  at: string;
}

export interface DealDetail extends DealSummary {
  customer?: Customer | null;
  documents?: FormDocument[];
  tasks?: Task[];
  history?: HistoryEntry[];
  negotiationLog?: NegotiationEntry[];
  longNegotiation?: boolean;
  endReason?: string | null;
  competitor?: string | null;
  paymentModel?: string | null;
}

export type NegotiationKind = 'price_cut' | 'contract_change' | 'policy_adjustment' | 'other';

export function listDeals(query: { state?: string; q?: string; page?: number; pageSize?: number; mine?: string }) {
  return api.get<ListReply<DealSummary>>('/deals', query, { quiet: [404, 405, 501] });
}

export function getDeal(id: string) {
  return api.get<DealDetail>(`/deals/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

export function createDeal(body: { customerId: string; survey: Record<string, unknown> }) {
  return api.post<DealSummary>('/deals', body);
}

export function addNegotiationEntry(dealId: string, body: { kind: NegotiationKind; note: string }) {
  return api.post<NegotiationEntry>(`/deals/${encodeURIComponent(dealId)}/negotiation-log`, body);
}

export interface PurchaseLine {
  id: string;
  lineNo: number;
  brand: string;
  model: string;
  quantity: number;
  unitPriceFen: number;
  lineTotalFen: number;
  supplier: string | null;
  orderedAt: string | null;
  receivedAt: string | null;
  status: 'pending' | 'ordered' | 'received';
  version: number;
}

export interface PurchaseList {
  dealId: string;
  planned: boolean;
  totalFen: number;
  allReceived: boolean;
  closedAt?: string | null;
  exception?: string | null;
  lines: PurchaseLine[];
}

/** 采购: the purchase list planned from form 2 when the contract was archived. */
export function getPurchases(dealId: string) {
  return api.get<PurchaseList>(`/deals/${encodeURIComponent(dealId)}/purchases`, undefined, { quiet: [404, 405, 501] });
}

export function updatePurchaseLine(id: string, body: { supplier?: string | null; orderedAt?: string | null; receivedAt?: string | null; version?: number }) {
  return api.patch<PurchaseLine>(`/purchases/${encodeURIComponent(id)}`, body);
}
