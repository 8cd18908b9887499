import { useQuery } from '@tanstack/react-query';
import { getCustomer } from './api';

export const customerKey = (id: string) => ['customer', id] as const;

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKey(id), queryFn: () => getCustomer(id) });
}
