import { api, type ListReply } from '../../app/api';
import type { Task } from '../tasks/api';
import type { Asset, Customer } from '../customers/api';
import type { FormDocument } from '../documents/api';
import type { HistoryEntry } from '../deals/api';

export interface TicketSummary {
  id: string;
  number?: string | null;
  state: string;
  customerId: string;
  customerName?: string | null;
  kind: 'inquiry' | 'complaint' | string;
  problem?: string;
  createdAt: string;
  dueAt?: string | null;
  overdue?: boolean;
  closedAt?: string | null;
}

export interface TicketDetail extends TicketSummary {
  customer?: (Customer & { assets?: Asset[] }) | null;
  documents?: FormDocument[];
  tasks?: Task[];
  history?: HistoryEntry[];
  contact?: string | null;
  tier?: string | null;
  specialReason?: string | null;
}

export function listTickets(query: { state?: string; kind?: string; q?: string; customerId?: string; page?: number; pageSize?: number }) {
  return api.get<ListReply<TicketSummary>>('/tickets', query, { quiet: [404, 405, 501] });
}

export function getTicket(id: string) {
  return api.get<TicketDetail>(`/tickets/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

export function openTicket(body: { customerId: string; kind: 'inquiry' | 'complaint'; problem: string; contact?: string }) {
  return api.post<TicketSummary>('/tickets', body);
}

/** 特殊原因: the CS manager explains why a ticket closed late. */
export function recordSpecialReason(id: string, reason: string) {
  return api.put<TicketSummary>(`/tickets/${encodeURIComponent(id)}/special-reason`, { reason });
}

/** A revisit that found a problem: completes the revisit task and opens a ticket. */
export function openTicketFromRevisit(taskId: string, body: { kind: 'inquiry' | 'complaint'; opinion?: string; problem?: string; contact?: string }) {
  return api.post<TicketSummary>(`/tickets/from-revisit/${encodeURIComponent(taskId)}`, body);
}
