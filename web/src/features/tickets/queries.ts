import { useQuery } from '@tanstack/react-query';
import { getTicket } from './api';

export const ticketKey = (id: string) => ['ticket', id] as const;

export function useTicket(id: string) {
  return useQuery({ queryKey: ticketKey(id), queryFn: () => getTicket(id) });
}
