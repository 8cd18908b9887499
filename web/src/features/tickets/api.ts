import { api, type Schemas } from '../../app/api';

/** A row of the ticket list, with the steps it waits on. */
export type TicketSummary = Schemas['TicketPage']['items'][number];
export type TicketDetail = Schemas['TicketDetail'];
export type Ticket = Schemas['Ticket'];

export function listTickets(query: { state?: string; kind?: string; q?: string; customerId?: string; page?: number; pageSize?: number }) {
  return api.get<Schemas['TicketPage']>('/tickets', query);
}

export function getTicket(id: string) {
  return api.get<TicketDetail>(`/tickets/${encodeURIComponent(id)}`, undefined, { quiet: [404] });
}

export function openTicket(body: { customerId: string; kind: 'inquiry' | 'complaint'; problem: string; contact?: string }) {
  return api.post<Schemas['TicketCreated']>('/tickets', body);
}

/** 特殊原因: the CS manager explains why a ticket closed late. */
export function recordSpecialReason(id: string, reason: string) {
  return api.put<Schemas['TicketWithBreach']>(`/tickets/${encodeURIComponent(id)}/special-reason`, { reason });
}

/** A revisit that found a problem: completes the revisit task and opens a ticket. */
export function openTicketFromRevisit(taskId: string, body: { kind: 'inquiry' | 'complaint'; opinion?: string; problem?: string; contact?: string }) {
  return api.post<Schemas['TicketCreated']>(`/tickets/from-revisit/${encodeURIComponent(taskId)}`, body);
}

/** SLA pause (issue 16): the open deadlines stand still until the ticket resumes. */
export function pauseTicket(id: string, body: { reason: string; note?: string }) {
  return api.post<Schemas['TicketWithBreach']>(`/tickets/${encodeURIComponent(id)}/pause`, body);
}

export function resumeTicket(id: string) {
  return api.post<Schemas['TicketWithBreach']>(`/tickets/${encodeURIComponent(id)}/resume`, {});
}
